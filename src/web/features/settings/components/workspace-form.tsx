import { Button, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { WorkspacePatch, type Workspace } from '../../../../server/modules/workspaces/workspaces.contract.ts';
import { isLanguage, languages } from '../../../i18n/index.ts';
import { errorAt, hasErrors, notifySuccess, serverFieldErrors, validate } from '../../../lib/problems.ts';
import { timeZones, useFormState } from '../../../lib/use-form.ts';
import { useUpdateWorkspace } from '../api.ts';

export function WorkspaceForm({ workspace, canEdit }: { workspace: Workspace; canEdit: boolean }) {
  const { t } = useTranslation();
  const zones = useMemo(timeZones, []);
  const update = useUpdateWorkspace();
  const { values, set, errors, setErrors } = useFormState({ name: workspace.name, timezone: workspace.timezone, locale: workspace.locale });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const patch = { name: values.name, timezone: values.timezone, locale: isLanguage(values.locale) ? values.locale : undefined };
    const found = validate(WorkspacePatch, patch);
    setErrors(found);
    if (hasErrors(found)) return;
    update.mutate(patch, {
      onSuccess: () => notifySuccess(t('settings.workspace.saved')),
      onError: (error) => setErrors(serverFieldErrors(error)),
    });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="workspace-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={480}>
          <Title order={2} size="h4" id="workspace-title">{t('settings.workspace.title')}</Title>
          {!canEdit && <Text size="sm" c="dimmed">{t('settings.workspace.ownerOnly')}</Text>}
          <TextInput label={t('settings.workspace.name')} required disabled={!canEdit} value={values.name}
            onChange={(e) => set('name', e.currentTarget.value)} error={errorAt(errors, 'name')} />
          <Select label={t('settings.workspace.timezone')} data={zones} searchable limit={100} allowDeselect={false} disabled={!canEdit}
            value={values.timezone} onChange={(v) => v && set('timezone', v)} error={errorAt(errors, 'timezone')} />
          <Select label={t('settings.workspace.language')} description={t('settings.workspace.languageHint')} allowDeselect={false} disabled={!canEdit}
            data={languages.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
            value={values.locale} onChange={(v) => v && set('locale', v)} error={errorAt(errors, 'locale')} />
          {canEdit && <Button type="submit" loading={update.isPending} style={{ alignSelf: 'flex-start' }}>{t('settings.workspace.save')}</Button>}
        </Stack>
      </form>
    </Paper>
  );
}
