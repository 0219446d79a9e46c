import { Button, Paper, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorAt, notifySuccess, serverFieldErrors, validate } from '../../../lib/problems.ts';
import { useFormState } from '../../../lib/use-form.ts';
import { MessageInput, messageGroups, useSendMessage, type MessageValues } from '../api.ts';

const empty: MessageValues = { group: 'confirmed', subject: '', body: '' };

// One email to one group: everyone confirmed, the waitlist, or those who came.
export function MessageForm({ occurrenceId }: { occurrenceId: string }) {
  const { t } = useTranslation();
  const { values, set, setValues, errors, setErrors } = useFormState(empty);
  const send = useSendMessage(occurrenceId);
  const submit = () => {
    const found = validate(MessageInput, values);
    setErrors(found);
    if (Object.keys(found).length) return;
    send.mutate(values, {
      onSuccess: ({ queued }) => { notifySuccess(t('events.message.queued', { count: queued })); setValues(empty); },
      onError: (error) => setErrors(serverFieldErrors(error)),
    });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="message-title">
      <form noValidate onSubmit={(event) => { event.preventDefault(); submit(); }}>
        <Stack gap="sm" maw={620}>
          <Title order={2} size="h4" id="message-title">{t('events.message.title')}</Title>
          <Select label={t('events.message.group')} allowDeselect={false} value={values.group}
            data={messageGroups.map((group) => ({ value: group, label: t(`events.message.groups.${group}`) }))}
            onChange={(group) => group && set('group', group as MessageValues['group'])} />
          <TextInput label={t('events.message.subject')} value={values.subject} onChange={(e) => set('subject', e.currentTarget.value)} error={errorAt(errors, 'subject')} />
          <Textarea label={t('events.message.body')} description={t('events.message.bodyHint')} autosize minRows={4} value={values.body}
            onChange={(e) => set('body', e.currentTarget.value)} error={errorAt(errors, 'body')} />
          <div><Button type="submit" loading={send.isPending}>{t('events.message.send')}</Button></div>
        </Stack>
      </form>
    </Paper>
  );
}
