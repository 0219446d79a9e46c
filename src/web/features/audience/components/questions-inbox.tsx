import { Alert, Anchor, Button, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import { Loading } from '../../../components/loading.tsx';
import { problemMessage } from '../../../lib/problems.ts';
import { useMembers } from '../../settings/api.ts';
import { useQuestions, type QuestionStatus } from '../api.ts';
import { QuestionCard } from './question-card.tsx';
import { usePublicUrl } from './public-links.tsx';

export function QuestionsInbox({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="questions-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="questions-title">{t('audience.questions.title')}</Title>
        <Tabs defaultValue="open" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="open">{t('audience.questions.open')}</Tabs.Tab>
            <Tabs.Tab value="answered">{t('audience.questions.answered')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="open" pt="sm"><QuestionList status="open" canEdit={canEdit} /></Tabs.Panel>
          <Tabs.Panel value="answered" pt="sm"><QuestionList status="answered" canEdit={canEdit} /></Tabs.Panel>
        </Tabs>
      </Stack>
    </Paper>
  );
}

function QuestionList({ status, canEdit }: { status: QuestionStatus; canEdit: boolean }) {
  const { t } = useTranslation();
  const questions = useQuestions(status);
  const members = useMembers();
  const ask = usePublicUrl('/ask');
  if (questions.isPending) return <Loading />;
  if (questions.isError) {
    return (
      <Alert color="red" title={t('audience.questions.loadError')}>
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{problemMessage(questions.error)}</Text>
          <Button size="xs" variant="default" onClick={() => void questions.refetch()}>{t('common.retry')}</Button>
        </Stack>
      </Alert>
    );
  }
  if (questions.data.items.length === 0) {
    return status === 'open' ? (
      <Text>
        <Trans i18nKey="audience.questions.empty" components={{ page: <Anchor href={ask} target="_blank" rel="noopener noreferrer" /> }} />
      </Text>
    ) : <Text c="dimmed">{t('audience.questions.noneAnswered')}</Text>;
  }
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={status === 'open' ? t('audience.questions.open') : t('audience.questions.answered')}>
      {questions.data.items.map((question) => (
        <QuestionCard key={question.id} question={question} members={members.data?.items ?? []} canEdit={canEdit} />
      ))}
    </Stack>
  );
}
