import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PasswordResetRequest } from '../../../../server/modules/auth/auth.contract.ts';
import { errorAt, hasErrors, serverFieldErrors, validate } from '../../../lib/problems.ts';
import { useFormState } from '../../../lib/use-form.ts';
import { useRequestPasswordReset } from '../api.ts';
import { AuthLayout } from '../components/auth-layout.tsx';

// "Forgot your password?": asks for a reset link by email.
export function ForgotPage() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { values, set, errors, setErrors } = useFormState({ email: '' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { email: values.email.trim() };
    const found = validate(PasswordResetRequest, input);
    setErrors(found);
    if (hasErrors(found)) return;
    request.mutate(input, { onSuccess: () => setSentTo(input.email), onError: (error) => setErrors(serverFieldErrors(error)) });
  };

  return (
    <AuthLayout title={t('auth.forgot.title')} intro={t('auth.forgot.intro')}>
      {sentTo ? (
        <Alert color="teal" role="status">{t('auth.forgot.sent', { email: sentTo })}</Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <TextInput label={t('auth.email')} type="email" required autoComplete="username"
              value={values.email} onChange={(e) => set('email', e.currentTarget.value)} error={errorAt(errors, 'email')} />
            <Button type="submit" loading={request.isPending} mt="sm">{t('auth.forgot.submit')}</Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/login" size="sm" mt="md" display="inline-block">{t('auth.forgot.toLogin')}</Anchor>
    </AuthLayout>
  );
}
