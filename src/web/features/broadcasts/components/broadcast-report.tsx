import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format.ts';
import type { Broadcast } from '../api.ts';

// What happened to a send: each figure counted from its delivery rows.
export function BroadcastReport({ broadcast }: { broadcast: Broadcast }) {
  const { t } = useTranslation();
  const report = broadcast.report;
  if (!report) return null;
  const figures = [
    ['recipients', report.recipients], ['sent', report.sent], ['pending', report.pending],
    ['failed', report.failed], ['skipped', report.skipped], ['unsubscribedSince', report.unsubscribedSince],
  ] as const;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="report-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="report-title">{t('broadcasts.report.title')}</Title>
        <Group gap="lg">
          {broadcast.startedAt && <Text size="sm">{t('broadcasts.report.started', { date: formatDateTime(broadcast.startedAt) })}</Text>}
          {broadcast.finishedAt && <Text size="sm">{t('broadcasts.report.finished', { date: formatDateTime(broadcast.finishedAt) })}</Text>}
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 3 }} component="dl" m={0}>
          {figures.map(([key, value]) => (
            <div key={key}>
              <Text component="dt" size="sm" c="dimmed">{t(`broadcasts.report.${key}`)}</Text>
              <Text component="dd" m={0} size="xl" fw={700} data-figure={key}>{value}</Text>
            </div>
          ))}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
