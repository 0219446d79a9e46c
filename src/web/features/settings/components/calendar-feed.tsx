import { Alert, Button, CopyButton, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/loading.tsx';
import { problemMessage } from '../../../lib/problems.ts';
import { useCalendarFeed } from '../../plans/api.ts';

// The member's private .ics address: planned calls and meetings show up in their own calendar app.
export function CalendarFeed() {
  const { t } = useTranslation();
  const feed = useCalendarFeed();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="feed-title">
      <Stack gap="sm" maw={640}>
        <Title order={2} size="h4" id="feed-title">{t('settings.feed.title')}</Title>
        <Text size="sm">{t('settings.feed.intro')}</Text>
        {feed.isPending && <Loading />}
        {feed.isError && <Alert color="red" title={t('settings.feed.loadError')}>{problemMessage(feed.error)}</Alert>}
        {feed.data && (
          <>
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <TextInput flex={1} readOnly label={t('settings.feed.url')} value={feed.data.url} onFocus={(e) => e.currentTarget.select()} />
              <CopyButton value={feed.data.url}>
                {({ copied, copy }) => (
                  <Button variant="default" onClick={copy}>{copied ? t('settings.feed.copied') : t('settings.feed.copy')}</Button>
                )}
              </CopyButton>
            </Group>
            <Text size="sm" c="dimmed">{t('settings.feed.secret')}</Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}
