import { Button, Select, Stack, TextInput } from '@mantine/core';
import { useMemo, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { PasswordField } from '../../../components/password-field.tsx';
import { SetupInput } from '../../../../server/modules/auth/auth.contract.ts';
import { currentLanguage, isLanguage, languages } from '../../../i18n/index.ts';
import { errorAt, hasErrors, serverFieldErrors, validate } from '../../../lib/problems.ts';
import { browserTimeZone, timeZones, useFormState } from '../../../lib/use-form.ts';
import { useSession, useSetup, useSetupStatus } from '../api.ts';
import { AuthLayout, FullPageLoader } from '../components/auth-layout.tsx';

export function SetupPage() {
  const { t } = useTranslation();
  const status = useSetupStatus();
  const session = useSession();
  const setup = useSetup();
  const navigate = useNavigate();
  const zones = useMemo(timeZones, []);
  const { values, set, errors, setErrors } = useFormState(() => ({
    workspaceName: '', name: '', email: '', password: '', timezone: browserTimeZone(), locale: currentLanguage() as string,
  }));

  if (status.isPending) return <FullPageLoader />;
  if (status.data?.setupDone) return <Navigate to={session.data ? '/people' : '/login'} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { ...values, email: values.email.trim(), locale: isLanguage(values.locale) ? values.locale : undefined };
    const found = validate(SetupInput, input);
    setErrors(found);
    if (hasErrors(found)) return;
    setup.mutate(input, {
      onSuccess: () => navigate('/people', { replace: true }),
      onError: (error) => setErrors(serverFieldErrors(error)),
    });
  };

  return (
    <AuthLayout title={t('auth.setup.title')} intro={t('auth.setup.intro')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t('auth.setup.workspaceName')} description={t('auth.setup.workspaceNameHint')} required
            value={values.workspaceName} onChange={(e) => set('workspaceName', e.currentTarget.value)} error={errorAt(errors, 'workspaceName')} />
          <TextInput label={t('auth.yourName')} required autoComplete="name"
            value={values.name} onChange={(e) => set('name', e.currentTarget.value)} error={errorAt(errors, 'name')} />
          <TextInput label={t('auth.email')} type="email" required autoComplete="email"
            value={values.email} onChange={(e) => set('email', e.currentTarget.value)} error={errorAt(errors, 'email')} />
          <PasswordField label={t('auth.password')} description={t('auth.passwordHint')} required autoComplete="new-password"
            value={values.password} onChange={(e) => set('password', e.currentTarget.value)} error={errorAt(errors, 'password')} />
          <Select label={t('auth.setup.timezone')} data={zones} searchable limit={100} allowDeselect={false}
            value={values.timezone} onChange={(value) => set('timezone', value ?? browserTimeZone())} error={errorAt(errors, 'timezone')} />
          <Select label={t('auth.setup.language')} data={languages.map((l) => ({ value: l, label: t(`languages.${l}`) }))} allowDeselect={false}
            value={values.locale} onChange={(value) => set('locale', value ?? 'en')} error={errorAt(errors, 'locale')} />
          <Button type="submit" loading={setup.isPending} mt="sm">{t('auth.setup.submit')}</Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
