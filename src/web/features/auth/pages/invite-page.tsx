import { Alert, Button, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PasswordField } from '../../../components/password-field.tsx';
import { AcceptInvitationInput } from '../../../../server/modules/auth/auth.contract.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { errorAt, hasErrors, serverFieldErrors, validate } from '../../../lib/problems.ts';
import { useFormState } from '../../../lib/use-form.ts';
import { useAcceptInvitation } from '../api.ts';
import { AuthLayout } from '../components/auth-layout.tsx';

export function InvitePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const accept = useAcceptInvitation(token);
  const navigate = useNavigate();
  const { values, set, errors, setErrors } = useFormState({ name: '', email: '', password: '' });
  const invalid = isApiError(accept.error) && accept.error.code === 'INVITATION_INVALID';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { ...values, email: values.email.trim() };
    const found = validate(AcceptInvitationInput, input);
    setErrors(found);
    if (hasErrors(found)) return;
    accept.mutate(input, {
      onSuccess: () => navigate('/today', { replace: true }),
      onError: (error) => setErrors(serverFieldErrors(error)),
    });
  };

  return (
    <AuthLayout title={t('auth.invite.title')} intro={t('auth.invite.intro')}>
      {invalid && (
        <Alert color="red" role="alert">
          <Stack gap="xs" align="flex-start">
            {t('auth.invite.invalid')}
            <Button component={Link} to="/login" variant="default" size="xs">{t('auth.invite.toLogin')}</Button>
          </Stack>
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t('auth.yourName')} required autoComplete="name"
            value={values.name} onChange={(e) => set('name', e.currentTarget.value)} error={errorAt(errors, 'name')} />
          <TextInput label={t('auth.email')} type="email" required autoComplete="email"
            value={values.email} onChange={(e) => set('email', e.currentTarget.value)} error={errorAt(errors, 'email')} />
          <PasswordField label={t('auth.password')} description={t('auth.passwordHint')} required autoComplete="new-password"
            value={values.password} onChange={(e) => set('password', e.currentTarget.value)} error={errorAt(errors, 'password')} />
          <Button type="submit" loading={accept.isPending} mt="sm">{t('auth.invite.submit')}</Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
