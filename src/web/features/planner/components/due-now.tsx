import { Badge, Button, CopyButton, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { i18next } from '../../../i18n/index.ts';
import { IconCheck, IconCopy } from '../../../lib/icons.tsx';
import { notifySuccess, serverFieldErrors } from '../../../lib/problems.ts';
import { useDue, useMarkPosted, type DueItem } from '../api.ts';

function DueCard({ item }: { item: DueItem }) {
  const { t } = useTranslation();
  const marked = useMarkPosted();
  const [asking, setAsking] = useState(false);
  const [url, setUrl] = useState('');
  const when = new Intl.DateTimeFormat(i18next.language, { dateStyle: 'medium', timeStyle: 'short' });
  const error = serverFieldErrors(marked.error).url;
  const save = () => marked.mutate({ postId: item.postId, channelId: item.channelId, url: url.trim() }, { onSuccess: () => notifySuccess(t('planner.due.done')) });
  return (
    <Paper withBorder p="sm" data-testid="due-item">
      <Group justify="space-between" mb={4}>
        <Text fw={600} size="sm">{item.channelName} <Text span c="dimmed" size="xs">{when.format(item.scheduledAt)}</Text></Text>
        <Badge size="xs" variant="light" color={item.length.over ? 'red' : 'gray'}>{`${item.length.count} / ${item.length.limit}`}</Badge>
      </Group>
      <Textarea readOnly autosize minRows={2} maxRows={8} value={item.text} aria-label={t('planner.due.textLabel', { channel: item.channelName })} />
      <Group mt="xs" gap="xs">
        <CopyButton value={item.text} timeout={2000}>
          {({ copied, copy }) => (
            <Button size="xs" variant={copied ? 'filled' : 'light'} color={copied ? 'teal' : undefined} onClick={copy} leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}>
              {copied ? t('planner.due.copied') : t('planner.due.copy')}
            </Button>
          )}
        </CopyButton>
        {!asking && <Button size="xs" variant="default" onClick={() => setAsking(true)}>{t('planner.due.posted')}</Button>}
      </Group>
      {asking && (
        <Group mt="xs" align="flex-end" gap="xs">
          <TextInput size="xs" type="url" label={t('planner.due.url')} value={url} onChange={(e) => setUrl(e.currentTarget.value)} error={error} style={{ flex: 1 }} placeholder="https://" />
          <Button size="xs" onClick={save} loading={marked.isPending} disabled={!url.trim()}>{t('planner.due.confirm')}</Button>
          <Button size="xs" variant="subtle" onClick={() => setAsking(false)}>{t('planner.due.cancel')}</Button>
        </Group>
      )}
    </Paper>
  );
}

// Manual channels at their time: the text to copy, then "I posted it" with where it lives.
export function DueNow() {
  const { t } = useTranslation();
  const due = useDue();
  const items = due.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="due-title">
      <Title order={2} size="h4" id="due-title">{t('planner.due.title')}</Title>
      <Text size="sm" c="dimmed">{t('planner.due.intro')}</Text>
      {items.map((item) => <DueCard key={`${item.postId}-${item.channelId}`} item={item} />)}
    </Stack>
  );
}
