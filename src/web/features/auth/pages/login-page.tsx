import { Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { PasswordField } from '../../../components/password-field.tsx';
import { LoginInput } from '../../../../server/modules/auth/auth.contract.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { errorAt, hasErrors, serverFieldErrors, validate } from '../../../lib/problems.ts';
import { useFormState } from '../../../lib/use-form.ts';
import { useLogin, useSession, useSetupStatus } from '../api.ts';
import { AuthLayout, FullPageLoader } from '../components/auth-layout.tsx';

export function LoginPage() {
  const { t } = useTranslation();
  const status = useSetupStatus();
  const session = useSession();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/today';
  // The workspace field appears only when the email belongs to several workspaces.
  const [askWorkspace, setAskWorkspace] = useState(false);
  const { values, set, errors, setErrors } = useFormState({ email: '', password: '', workspace: '' });

  if (status.isPending || session.isPending) return <FullPageLoader />;
  if (status.data && !status.data.setupDone) return <Navigate to="/setup" replace />;
  if (session.data && !login.isPending) return <Navigate to={from} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { email: values.email.trim(), password: values.password, workspace: askWorkspace ? values.workspace.trim() : undefined };
    const found = validate(LoginInput, input);
    setErrors(found);
    if (hasErrors(found)) return;
    login.mutate(input, {
      onSuccess: () => navigate(from, { replace: true }),
      onError: (error) => {
        if (isApiError(error) && error.code === 'WORKSPACE_REQUIRED') setAskWorkspace(true);
        setErrors(serverFieldErrors(error));
      },
    });
  };

  return (
    <AuthLayout title={t('auth.login.title')} intro={t('auth.login.intro')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t('auth.email')} type="email" required autoComplete="username"
            value={values.email} onChange={(e) => set('email', e.currentTarget.value)} error={errorAt(errors, 'email')} />
          <PasswordField label={t('auth.password')} required autoComplete="current-password"
            value={values.password} onChange={(e) => set('password', e.currentTarget.value)} error={errorAt(errors, 'password')} />
          {askWorkspace && (
            <TextInput label={t('auth.login.workspace')} description={t('auth.login.workspaceHint')} required
              value={values.workspace} onChange={(e) => set('workspace', e.currentTarget.value)} error={errorAt(errors, 'workspace')} />
          )}
          <Button type="submit" loading={login.isPending} mt="sm">{t('auth.login.submit')}</Button>
          <Anchor component={Link} to="/forgot" size="sm">{t('auth.login.forgot')}</Anchor>
        </Stack>
      </form>
    </AuthLayout>
  );
}
