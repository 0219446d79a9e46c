import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notifySuccess, problemMessage } from '../../../lib/problems.ts';
import { useCheckReplies, useOutcomes, type Outcomes } from '../api.ts';

type Entry = Outcomes['conversations'][number];

function Entries({ label, entries }: { label: string; entries: Entry[] }) {
  const { t, i18n } = useTranslation();
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section aria-label={label}>
      <Text fw={500} size="sm">{label}</Text>
      {entries.length === 0 ? <Text size="sm" c="dimmed">{t('planner.outcomes.none')}</Text> : (
        <Table>
          <Table.Tbody>
            {entries.map((entry, index) => (
              <Table.Tr key={`${entry.personId}-${entry.occurredAt.toISOString()}-${index}`}>
                <Table.Td><Anchor component={Link} to={`/people/${entry.personId}`} size="sm">{entry.name}</Anchor></Table.Td>
                <Table.Td><Text size="sm" c="dimmed">{when.format(entry.occurredAt)}</Text></Table.Td>
                <Table.Td><Text size="sm" lineClamp={2}>{entry.note ?? ''}</Text></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}

// A published post's outcomes: the conversations it started, then calls and meetings; likes only as a footnote.
export function PostOutcomesPanel({ postId, apiChannelIds }: { postId: string; apiChannelIds: string[] }) {
  const { t } = useTranslation();
  const outcomes = useOutcomes(postId);
  const check = useCheckReplies(postId);
  const data = outcomes.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="outcomes-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="outcomes-title">{t('planner.outcomes.title')}</Title>
          {apiChannelIds.length > 0 && (
            <Button size="xs" variant="light" loading={check.isPending}
              onClick={() => check.mutate(apiChannelIds, { onSuccess: (count) => notifySuccess(t('planner.outcomes.checked', { count })) })}>
              {t('planner.outcomes.check')}
            </Button>
          )}
        </Group>
        <Text size="xs" c="dimmed">{t('planner.outcomes.hint')}</Text>
        {check.error && <Text size="sm" c="red">{problemMessage(check.error)}</Text>}
        {outcomes.error ? <Text c="red">{problemMessage(outcomes.error)}</Text> : data && (
          <>
            <Entries label={t('planner.outcomes.conversations', { count: data.conversations.length })} entries={data.conversations} />
            <Entries label={t('planner.outcomes.calls', { count: data.calls.length })} entries={data.calls} />
            <Entries label={t('planner.outcomes.meetings', { count: data.meetings.length })} entries={data.meetings} />
            {data.likes > 0 && <Text size="xs" c="dimmed">{t('planner.outcomes.likes', { count: data.likes })}</Text>}
          </>
        )}
      </Stack>
    </Paper>
  );
}
