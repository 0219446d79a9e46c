import { Alert, Button, Stack } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PasswordField } from '../../../components/password-field.tsx';
import { PasswordResetInput } from '../../../../server/modules/auth/auth.contract.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { errorAt, hasErrors, serverFieldErrors, validate } from '../../../lib/problems.ts';
import { useFormState } from '../../../lib/use-form.ts';
import { useResetPassword } from '../api.ts';
import { AuthLayout } from '../components/auth-layout.tsx';

// The page a reset link opens: a new password, once.
export function ResetPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const reset = useResetPassword(token);
  const { values, set, errors, setErrors } = useFormState({ password: '' });
  const invalid = isApiError(reset.error) && reset.error.code === 'RESET_INVALID';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate(PasswordResetInput, values);
    setErrors(found);
    if (hasErrors(found)) return;
    reset.mutate(values, { onError: (error) => setErrors(serverFieldErrors(error)) });
  };

  if (reset.isSuccess) {
    return (
      <AuthLayout title={t('auth.reset.title')} intro={t('auth.reset.intro')}>
        <Alert color="teal" role="status">
          <Stack gap="xs" align="flex-start">
            {t('auth.reset.done')}
            <Button component={Link} to="/login" variant="default" size="xs">{t('auth.reset.toLogin')}</Button>
          </Stack>
        </Alert>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title={t('auth.reset.title')} intro={t('auth.reset.intro')}>
      {invalid && (
        <Alert color="red" role="alert">
          <Stack gap="xs" align="flex-start">
            {t('auth.reset.invalid')}
            <Button component={Link} to="/forgot" variant="default" size="xs">{t('auth.forgot.title')}</Button>
          </Stack>
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <PasswordField label={t('auth.reset.newPassword')} description={t('auth.passwordHint')} required autoComplete="new-password"
            value={values.password} onChange={(e) => set('password', e.currentTarget.value)} error={errorAt(errors, 'password')} />
          <Button type="submit" loading={reset.isPending} mt="sm">{t('auth.reset.submit')}</Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
