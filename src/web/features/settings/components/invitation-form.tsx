import { Alert, Button, CopyButton, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { InvitationInput, Role } from '../../../../server/modules/auth/auth.contract.ts';
import { errorAt, hasErrors, serverFieldErrors, validate } from '../../../lib/problems.ts';
import { useFormState } from '../../../lib/use-form.ts';
import { useCreateInvitation } from '../api.ts';

type RoleName = (typeof Role.options)[number];

export function InvitationForm() {
  const { t } = useTranslation();
  const create = useCreateInvitation();
  const { values, set, errors, setErrors } = useFormState({ role: 'editor' as RoleName, email: '' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { role: values.role, email: values.email.trim() || undefined };
    const found = validate(InvitationInput, input);
    setErrors(found);
    if (hasErrors(found)) return;
    create.mutate(input, { onError: (error) => setErrors(serverFieldErrors(error)) });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="invite-title">
      <Stack gap="sm" maw={560}>
        <Title order={2} size="h4" id="invite-title">{t('settings.invite.title')}</Title>
        <Text size="sm">{t('settings.invite.intro')}</Text>
        <form onSubmit={submit} noValidate>
          <Group align="flex-start" gap="sm">
            <Select w={160} label={t('settings.invite.role')} allowDeselect={false} value={values.role}
              data={Role.options.map((r) => ({ value: r, label: t(`roles.${r}`) }))} onChange={(v) => v && set('role', v as RoleName)} />
            <TextInput flex={1} miw={200} type="email" label={t('settings.invite.email')} description={t('settings.invite.emailHint')}
              value={values.email} onChange={(e) => set('email', e.currentTarget.value)} error={errorAt(errors, 'email')} />
          </Group>
          <Button type="submit" mt="sm" loading={create.isPending}>{t('settings.invite.submit')}</Button>
        </form>
        {create.data && (
          <Alert title={t('settings.invite.link')}>
            <Stack gap="xs">
              <Text size="sm">{t('settings.invite.linkHint')}</Text>
              <TextInput readOnly value={create.data.url} aria-label={t('settings.invite.link')} onFocus={(e) => e.currentTarget.select()} />
              <CopyButton value={create.data.url}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="default" onClick={copy} style={{ alignSelf: 'flex-start' }}>
                    {copied ? t('settings.invite.copied') : t('settings.invite.copy')}
                  </Button>
                )}
              </CopyButton>
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
