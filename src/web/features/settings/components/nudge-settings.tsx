import { ActionIcon, Alert, Autocomplete, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMemo, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RelationshipSettingsPatch } from '../../../../server/modules/people/nudges.contract.ts';
import { Loading } from '../../../components/loading.tsx';
import { IconPlus, IconTrash } from '../../../lib/icons.tsx';
import { errorAt, hasErrors, notifySuccess, problemMessage, serverFieldErrors, validate, type FieldErrors } from '../../../lib/problems.ts';
import { useFormState } from '../../../lib/use-form.ts';
import { usePeopleTags } from '../../people/api.ts';
import { useRelationshipSettings, useUpdateRelationshipSettings, type RelationshipSettings } from '../api.ts';

const thresholds = ['callMinExchanges', 'callMinDays', 'replyAfterHours', 'followUpDays'] as const;
type Threshold = (typeof thresholds)[number];
type NumberValue = number | string;
type FormValues = Record<Threshold, NumberValue> & { cadences: { tag: string; days: NumberValue }[]; newTag: string; newDays: NumberValue };

// An emptied number field is NaN, which the contract reports as required instead of silently keeping the old value.
const numberOf = (value: NumberValue) => (value === '' ? Number.NaN : Number(value));

// The thresholds behind the nudges, and keep-in-touch cadences per tag. Everyone sees them; the owner edits.
export function NudgeSettings({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const settings = useRelationshipSettings();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="nudges-title">
      <Stack gap="sm" maw={640}>
        <Title order={2} size="h4" id="nudges-title">{t('settings.nudges.title')}</Title>
        <Text size="sm">{t('settings.nudges.intro')}</Text>
        {!canEdit && <Text size="sm" c="dimmed">{t('settings.nudges.ownerOnly')}</Text>}
        {settings.isPending && <Loading />}
        {settings.isError && <Alert color="red" title={t('settings.nudges.loadError')}>{problemMessage(settings.error)}</Alert>}
        {settings.data && <NudgeSettingsForm initial={settings.data} canEdit={canEdit} />}
      </Stack>
    </Paper>
  );
}

function NudgeSettingsForm({ initial, canEdit }: { initial: RelationshipSettings; canEdit: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateRelationshipSettings();
  const tags = usePeopleTags({ enabled: canEdit });
  const { values, set, errors, setErrors } = useFormState<FormValues>(() => ({
    callMinExchanges: initial.callMinExchanges,
    callMinDays: initial.callMinDays,
    replyAfterHours: initial.replyAfterHours,
    followUpDays: initial.followUpDays,
    cadences: Object.entries(initial.tagCadences).map(([tag, days]) => ({ tag, days })).sort((a, b) => a.tag.localeCompare(b.tag)),
    newTag: '',
    newDays: 30,
  }));
  const taken = useMemo(() => new Set(values.cadences.map((c) => c.tag.toLowerCase())), [values.cadences]);
  const suggestions = useMemo(() => (tags.data?.items ?? []).map((item) => item.tag).filter((tag) => !taken.has(tag.toLowerCase())), [tags.data, taken]);

  // The row being typed: its errors, or null when it can join the table.
  const newRowErrors = (): FieldErrors | null => {
    const tag = values.newTag.trim();
    const found: FieldErrors = {};
    if (!tag) found.newTag = t('validation.required');
    else if (tag.length > 50) found.newTag = t('validation.tooLong', { count: 50 });
    else if (taken.has(tag.toLowerCase())) found.newTag = t('settings.nudges.duplicateTag');
    // The days alone, under a stand-in tag, so a tag's own problem is not reported at the days.
    const days = Object.values(validate(RelationshipSettingsPatch, { tagCadences: { tag: numberOf(values.newDays) } }))[0];
    if (days) found.newDays = days;
    return hasErrors(found) ? found : null;
  };

  const addCadence = () => {
    const rowErrors = newRowErrors();
    if (rowErrors) {
      setErrors((current) => ({ ...current, ...rowErrors }));
      return;
    }
    set('cadences', [...values.cadences, { tag: values.newTag.trim(), days: values.newDays }]);
    set('newTag', '');
    set('newDays', 30);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A row typed but not yet added is saved too: that is what someone pressing Save expects.
    const pending = values.newTag.trim() ? newRowErrors() : null;
    if (pending) {
      setErrors(pending);
      return;
    }
    const cadences = values.newTag.trim() ? [...values.cadences, { tag: values.newTag.trim(), days: values.newDays }] : values.cadences;
    const patch = {
      ...Object.fromEntries(thresholds.map((key) => [key, numberOf(values[key])])),
      tagCadences: Object.fromEntries(cadences.map((c) => [c.tag, numberOf(c.days)])),
    };
    const found = validate(RelationshipSettingsPatch, patch);
    setErrors(found);
    if (hasErrors(found)) return;
    if (cadences !== values.cadences) {
      set('cadences', cadences);
      set('newTag', '');
      set('newDays', 30);
    }
    update.mutate(patch, {
      onSuccess: () => notifySuccess(t('settings.nudges.saved')),
      onError: (error) => setErrors(serverFieldErrors(error)),
    });
  };

  const limits: Record<Threshold, { min: number; max: number }> = {
    callMinExchanges: { min: 1, max: 1000 }, callMinDays: { min: 0, max: 3650 }, replyAfterHours: { min: 1, max: 2160 }, followUpDays: { min: 1, max: 60 },
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {thresholds.map((key) => (
            <NumberInput key={key} label={t(`settings.nudges.${key}`)} {...limits[key]} allowDecimal={false} allowNegative={false} disabled={!canEdit}
              value={values[key]} onChange={(v) => set(key, v)} error={errorAt(errors, key)} />
          ))}
        </SimpleGrid>
        <Stack gap="xs">
          <div>
            <Title order={3} size="h5">{t('settings.nudges.tagCadences')}</Title>
            <Text size="sm" c="dimmed">{t('settings.nudges.tagCadencesHint')}</Text>
          </div>
          {values.cadences.length === 0
            ? <Text size="sm">{t('settings.nudges.noTagCadences')}</Text>
            : (
              <Table verticalSpacing={4} maw={420}>
                <Table.Caption>{t('settings.nudges.tagCadencesCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('settings.nudges.tag')}</Table.Th>
                    <Table.Th scope="col">{t('settings.nudges.days')}</Table.Th>
                    {canEdit && <Table.Th scope="col"><VisuallyHidden>{t('common.delete')}</VisuallyHidden></Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {values.cadences.map((cadence, index) => (
                    <Table.Tr key={cadence.tag}>
                      <Table.Td>{cadence.tag}</Table.Td>
                      <Table.Td>
                        <NumberInput w={120} min={1} max={3650} allowDecimal={false} allowNegative={false} disabled={!canEdit}
                          aria-label={t('settings.nudges.daysOf', { tag: cadence.tag })} value={cadence.days}
                          onChange={(v) => set('cadences', values.cadences.map((c, i) => (i === index ? { ...c, days: v } : c)))}
                          error={errors[`tagCadences.${cadence.tag}`]} />
                      </Table.Td>
                      {canEdit && (
                        <Table.Td>
                          <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('settings.nudges.removeTag', { tag: cadence.tag })}
                            onClick={() => set('cadences', values.cadences.filter((_, i) => i !== index))}>
                            <IconTrash />
                          </ActionIcon>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          {canEdit && (
            <Group align="flex-start" gap="xs">
              <Autocomplete w={200} label={t('settings.nudges.newTag')} data={suggestions} value={values.newTag}
                onChange={(v) => set('newTag', v)} error={errors.newTag} />
              <NumberInput w={130} label={t('settings.nudges.newDays')} min={1} max={3650} allowDecimal={false} allowNegative={false}
                value={values.newDays} onChange={(v) => set('newDays', v)} error={errors.newDays} />
              <Button variant="default" mt={25} leftSection={<IconPlus size={16} />} onClick={addCadence}>{t('settings.nudges.addTag')}</Button>
            </Group>
          )}
        </Stack>
        {canEdit && <Button type="submit" loading={update.isPending} style={{ alignSelf: 'flex-start' }}>{t('settings.nudges.save')}</Button>}
      </Stack>
    </form>
  );
}
