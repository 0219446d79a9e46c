import { Anchor, Button, Group, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { errorAt, notifySuccess, serverFieldErrors, validate, type FieldErrors } from '../../../lib/problems.ts';
import { AnswerInput, useAnswerQuestion, useAssignQuestion, type Question } from '../api.ts';

type Member = { id: string; name: string };

export function QuestionCard({ question, members, canEdit }: { question: Question; members: Member[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const [answering, answerBox] = useDisclosure(false);
  const [answer, setAnswer] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const assign = useAssignQuestion(question.id);
  const send = useAnswerQuestion(question);
  const answeredBy = members.find((m) => m.id === question.answeredBy)?.name;
  const titleId = `question-${question.id}`;

  const submit = () => {
    const found = validate(AnswerInput, { answer });
    setErrors(found);
    if (Object.keys(found).length) return;
    send.mutate(answer, {
      onSuccess: () => notifySuccess(t('audience.questions.sent', { name: question.name })),
      onError: (error) => {
        setErrors(serverFieldErrors(error));
        if (isApiError(error) && error.code === 'ALREADY_ANSWERED') answerBox.close();
      },
    });
  };

  return (
    <Paper withBorder p="md" component="li" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <div>
            <Anchor component={Link} to={`/people/${question.personId}`} fw={600} id={titleId}>{question.name}</Anchor>
            <Text size="sm" c="dimmed">{question.email}</Text>
          </div>
          <Text size="sm" c="dimmed">{t('audience.questions.asked', { date: formatDateTime(question.createdAt) })}</Text>
        </Group>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{question.body}</Text>
        {question.answer !== null ? (
          <Paper bg="var(--mantine-color-default-hover)" p="sm">
            <Text size="sm" fw={600}>
              {answeredBy && question.answeredAt
                ? t('audience.questions.answeredBy', { name: answeredBy, date: formatDateTime(question.answeredAt) })
                : t('audience.questions.answer')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{question.answer}</Text>
          </Paper>
        ) : (
          <>
            <Group align="flex-end" gap="sm">
              <Select label={t('audience.questions.assignTo')} placeholder={t('audience.questions.nobody')} clearable disabled={!canEdit || assign.isPending}
                data={members.map((m) => ({ value: m.id, label: m.name }))} value={question.assignedTo}
                onChange={(value) => assign.mutate(value, { onSuccess: () => notifySuccess(t('audience.questions.assigned')) })} w={240} />
              {canEdit && !answering && <Button onClick={answerBox.open}>{t('audience.questions.answerButton')}</Button>}
            </Group>
            {answering && (
              <form onSubmit={(event) => { event.preventDefault(); submit(); }} noValidate>
                <Stack gap="xs">
                  <Textarea label={t('audience.questions.answerLabel', { name: question.name })} description={t('audience.questions.answerHint')} autosize minRows={4} maxRows={14}
                    value={answer} onChange={(event) => { setAnswer(event.currentTarget.value); setErrors({}); }} error={errorAt(errors, 'answer')} data-autofocus />
                  <Group gap="xs">
                    <Button type="submit" loading={send.isPending}>{t('audience.questions.send')}</Button>
                    <Button variant="default" onClick={answerBox.close}>{t('common.cancel')}</Button>
                  </Group>
                </Stack>
              </form>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
