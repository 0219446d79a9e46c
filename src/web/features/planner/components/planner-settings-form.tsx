import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorAt, notifySuccess, serverFieldErrors, type FieldErrors } from '../../../lib/problems.ts';
import { usePlannerSettings, useSavePlannerSettings } from '../api.ts';

// The country and region whose public holidays show on the calendar, and how much of a week offers may take.
export function PlannerSettingsForm({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const settings = usePlannerSettings();
  const save = useSavePlannerSettings();
  const [country, setCountry] = useState('');
  const [region, setRegion] = useState('');
  const [offerMax, setOfferMax] = useState<number | string>(20);
  const [errors, setErrors] = useState<FieldErrors>({});
  useEffect(() => {
    if (!settings.data) return;
    setCountry(settings.data.country ?? '');
    setRegion(settings.data.region ?? '');
    const max = settings.data.pillarTargets.offer?.max;
    setOfferMax(max === undefined ? '' : Math.round(max * 100));
  }, [settings.data]);
  const submit = () => {
    const targets = { ...(settings.data?.pillarTargets ?? {}) };
    const { offer: _, ...others } = targets;
    const max = typeof offerMax === 'number' ? offerMax / 100 : undefined;
    save.mutate({
      country: country.trim().toUpperCase() || null, region: region.trim().toUpperCase() || null,
      pillarTargets: max === undefined ? others : { ...others, offer: { ...targets.offer, max } },
    }, { onSuccess: () => notifySuccess(t('planner.settings.saved')), onError: (error) => setErrors(serverFieldErrors(error)) });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="planner-settings-title">
      <form noValidate onSubmit={(event) => { event.preventDefault(); submit(); }}>
        <Stack gap="sm">
          <Title order={2} size="h4" id="planner-settings-title">{t('planner.settings.title')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('planner.settings.country')} description={t('planner.settings.countryHint')} maxLength={2} value={country} disabled={!canEdit}
              onChange={(e) => setCountry(e.currentTarget.value)} error={errorAt(errors, 'country')} />
            <TextInput label={t('planner.settings.region')} description={t('planner.settings.regionHint')} maxLength={3} value={region} disabled={!canEdit}
              onChange={(e) => setRegion(e.currentTarget.value)} error={errorAt(errors, 'region')} />
            <NumberInput label={t('planner.settings.offerMax')} min={0} max={100} allowDecimal={false} value={offerMax} disabled={!canEdit}
              onChange={setOfferMax} error={errorAt(errors, 'pillarTargets')} />
          </SimpleGrid>
          {canEdit && <Group justify="flex-end"><Button type="submit" loading={save.isPending}>{t('planner.settings.save')}</Button></Group>}
        </Stack>
      </form>
    </Paper>
  );
}
