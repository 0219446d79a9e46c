import { Button, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorAt, notifySuccess, serverFieldErrors, validate } from '../../../lib/problems.ts';
import { useFormState } from '../../../lib/use-form.ts';
import { InPersonConsent, useRecordInPersonConsent } from '../api.ts';

type Purpose = 'newsletter' | 'event_updates';
const empty = { email: '', purpose: 'newsletter' as Purpose, wording: '' };

// Consent given face to face: the words used are the proof, so they are required.
export function InPersonConsentForm({ onRecorded }: { onRecorded: (email: string) => void }) {
  const { t } = useTranslation();
  const { values, set, setValues, errors, setErrors } = useFormState(empty);
  const record = useRecordInPersonConsent();
  const submit = () => {
    const found = validate(InPersonConsent, values);
    setErrors(found);
    if (Object.keys(found).length) return;
    const email = values.email.trim();
    record.mutate({ ...values, email }, {
      onSuccess: () => {
        notifySuccess(t('audience.consent.inPerson.recorded', { email }));
        setValues(empty);
        onRecorded(email);
      },
      onError: (error) => setErrors(serverFieldErrors(error)),
    });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="in-person-title">
      <form noValidate onSubmit={(event) => { event.preventDefault(); submit(); }}>
        <Stack gap="sm" maw={560}>
          <Title order={2} size="h4" id="in-person-title">{t('audience.consent.inPerson.title')}</Title>
          <Text size="sm" c="dimmed">{t('audience.consent.inPerson.intro')}</Text>
          <TextInput type="email" label={t('audience.consent.inPerson.email')} value={values.email} autoComplete="off"
            onChange={(event) => set('email', event.currentTarget.value)} error={errorAt(errors, 'email')} />
          <Select label={t('audience.consent.inPerson.purpose')} allowDeselect={false} value={values.purpose}
            data={(['newsletter', 'event_updates'] as const).map((p) => ({ value: p, label: t(`audience.purposes.${p}`) }))}
            onChange={(value) => value && set('purpose', value as Purpose)} error={errorAt(errors, 'purpose')} />
          <Textarea label={t('audience.consent.inPerson.wording')} description={t('audience.consent.inPerson.wordingHint')} autosize minRows={2}
            value={values.wording} onChange={(event) => set('wording', event.currentTarget.value)} error={errorAt(errors, 'wording')} />
          <div><Button type="submit" loading={record.isPending}>{t('audience.consent.inPerson.submit')}</Button></div>
        </Stack>
      </form>
    </Paper>
  );
}
