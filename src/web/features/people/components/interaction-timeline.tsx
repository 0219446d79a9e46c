import { ActionIcon, Alert, Badge, Button, Group, Paper, Stack, Text, Timeline, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { channels, interactionKinds } from '../../../../server/modules/people/people.contract.ts';
import { ConfirmModal } from '../../../components/confirm-modal.tsx';
import { Loading } from '../../../components/loading.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { IconTrash } from '../../../lib/icons.tsx';
import { notifySuccess, problemMessage } from '../../../lib/problems.ts';
import { useDeleteInteraction, useInteractions, type Interaction } from '../api.ts';

const isKind = (v: string): v is (typeof interactionKinds)[number] => (interactionKinds as readonly string[]).includes(v);
const isChannel = (v: string): v is (typeof channels)[number] => (channels as readonly string[]).includes(v);

export function InteractionTimeline({ personId, canEdit }: { personId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const timeline = useInteractions(personId);
  const remove = useDeleteInteraction(personId);
  const [doomed, setDoomed] = useState<Interaction | null>(null);
  const items = timeline.data?.pages.flatMap((page) => page.items) ?? [];
  const kindName = (kind: string) => (isKind(kind) ? t(`kinds.${kind}`) : kind);
  const channelName = (channel: string) => (isChannel(channel) ? t(`channels.${channel}`) : channel);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="timeline-title">
      <Stack gap="md">
        <Title order={2} size="h4" id="timeline-title">{t('timeline.title')}</Title>
        {timeline.isPending && <Loading />}
        {timeline.isError && !timeline.data && (
          <Alert color="red" title={t('timeline.loadError')}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{problemMessage(timeline.error)}</Text>
              <Button size="xs" variant="default" onClick={() => void timeline.refetch()}>{t('common.retry')}</Button>
            </Stack>
          </Alert>
        )}
        {timeline.data && items.length === 0 && <Text c="dimmed">{t('timeline.empty')}</Text>}
        {items.length > 0 && (
          <Timeline active={items.length - 1} bulletSize={14} lineWidth={2} component="ol" aria-label={t('timeline.title')} style={{ listStyle: 'none', paddingInlineStart: 0 }}>
            {items.map((item) => (
              <Timeline.Item key={item.id} component="li"
                title={(
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <Group gap="xs">
                      <Text fw={600}>{kindName(item.kind)}</Text>
                      <Badge variant="outline" color="gray" tt="none">{channelName(item.channel)}</Badge>
                      <Text size="sm" c="dimmed">{item.direction === 'in' ? t('directions.in') : t('directions.out')}</Text>
                    </Group>
                    {canEdit && (
                      <Tooltip label={t('timeline.delete')}>
                        <ActionIcon variant="subtle" color="gray" aria-label={t('timeline.delete')} onClick={() => setDoomed(item)}>
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Group>
                )}>
                <Text size="sm" c="dimmed">
                  <time dateTime={item.occurredAt.toISOString()}>{formatDateTime(item.occurredAt)}</time>
                  {item.durationMinutes != null && ` · ${t('timeline.minutes', { count: item.durationMinutes })}`}
                </Text>
                {item.note && <Text size="sm" mt={4} className="pre-wrap">{item.note}</Text>}
              </Timeline.Item>
            ))}
          </Timeline>
        )}
        {timeline.hasNextPage && (
          <Button variant="default" onClick={() => void timeline.fetchNextPage()} loading={timeline.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
            {t('timeline.loadOlder')}
          </Button>
        )}
      </Stack>
      <ConfirmModal opened={doomed !== null} onClose={() => setDoomed(null)} pending={remove.isPending} confirmLabel={t('common.delete')}
        title={t('timeline.deleteTitle')}
        body={doomed ? t('timeline.deleteBody', { kind: kindName(doomed.kind), date: formatDateTime(doomed.occurredAt) }) : ''}
        onConfirm={() => doomed && remove.mutate(doomed.id, {
          onSuccess: () => {
            setDoomed(null);
            notifySuccess(t('timeline.deleted'));
          },
        })} />
    </Paper>
  );
}
