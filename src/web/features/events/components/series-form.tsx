import { Button, Group, NumberInput, Select, SimpleGrid, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { errorAt, serverFieldErrors, validate } from '../../../lib/problems.ts';
import { browserTimeZone, timeZones, useFormState } from '../../../lib/use-form.ts';
import { SeriesInput, type Series, type SeriesValues } from '../api.ts';
import { fromRrule, toRrule, type Recurrence } from '../recurrence.ts';
import { RecurrencePicker } from './recurrence-picker.tsx';

type Values = Omit<SeriesValues, 'rrule' | 'venue' | 'address' | 'onlineUrl' | 'description'> & {
  description: string; venue: string; address: string; onlineUrl: string; recurrence: Recurrence;
};

// Next week at 19:00, as a start for a new event.
function nextWeekEvening(): string {
  const date = new Date(Date.now() + 7 * 24 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T19:00`;
}

function initialValues(series: Series | undefined): Values {
  if (!series) {
    return {
      title: '', description: '', timezone: browserTimeZone(), localStart: nextWeekEvening(), durationMinutes: 120, capacity: 30,
      venue: '', address: '', onlineUrl: '', isPublic: true, recurrence: { kind: 'once' },
    };
  }
  return {
    title: series.title, description: series.description, timezone: series.timezone, localStart: series.localStart.slice(0, 16),
    durationMinutes: series.durationMinutes, capacity: series.capacity, venue: series.venue ?? '', address: series.address ?? '',
    onlineUrl: series.onlineUrl ?? '', isPublic: series.isPublic, recurrence: fromRrule(series.rrule),
  };
}

type Props = { series?: Series; pending: boolean; submitLabel: string; onSubmit: (input: SeriesValues, done: { onError: (error: unknown) => void }) => void };

// One form for a series and a single event: a single event is a series that does not repeat.
export function SeriesForm({ series, pending, submitLabel, onSubmit }: Props) {
  const { t } = useTranslation();
  const { values, set, errors, setErrors } = useFormState(() => initialValues(series));
  const zones = useMemo(() => timeZones(), []);
  const submit = () => {
    const { recurrence, ...rest } = values;
    const input: SeriesValues = { ...rest, rrule: toRrule(recurrence), onlineUrl: rest.onlineUrl.trim() || null };
    const found = validate(SeriesInput, input);
    setErrors(found);
    if (Object.keys(found).length) return;
    onSubmit(input, { onError: (error) => setErrors(serverFieldErrors(error)) });
  };
  const number = (key: 'durationMinutes' | 'capacity') => (value: string | number) => set(key, typeof value === 'number' ? value : Number.NaN);
  return (
    <form noValidate onSubmit={(event) => { event.preventDefault(); submit(); }}>
      <Stack gap="md" maw={720}>
        <TextInput label={t('events.form.title')} required value={values.title} onChange={(e) => set('title', e.currentTarget.value)} error={errorAt(errors, 'title')} />
        <Textarea label={t('events.form.description')} description={t('events.form.descriptionHint')} autosize minRows={3}
          value={values.description} onChange={(e) => set('description', e.currentTarget.value)} error={errorAt(errors, 'description')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="datetime-local" label={series?.rrule ? t('events.form.firstStart') : t('events.form.start')} required value={values.localStart}
            onChange={(e) => set('localStart', e.currentTarget.value)} error={errorAt(errors, 'localStart')} />
          <Select label={t('events.form.timezone')} searchable allowDeselect={false} data={zones} value={values.timezone}
            onChange={(zone) => zone && set('timezone', zone)} error={errorAt(errors, 'timezone')} />
          <NumberInput label={t('events.form.duration')} min={5} step={15} allowDecimal={false} value={values.durationMinutes}
            onChange={number('durationMinutes')} error={errorAt(errors, 'durationMinutes')} />
          <NumberInput label={t('events.form.capacity')} description={t('events.form.capacityHint')} min={1} allowDecimal={false} value={values.capacity}
            onChange={number('capacity')} error={errorAt(errors, 'capacity')} />
        </SimpleGrid>
        <RecurrencePicker value={values.recurrence} localStart={values.localStart} onChange={(recurrence) => { set('recurrence', recurrence); setErrors((e) => { const { rrule: _, ...rest } = e; return rest; }); }}
          error={errorAt(errors, 'rrule')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('events.form.venue')} value={values.venue} onChange={(e) => set('venue', e.currentTarget.value)} error={errorAt(errors, 'venue')} />
          <TextInput label={t('events.form.address')} description={t('events.form.addressHint')} value={values.address}
            onChange={(e) => set('address', e.currentTarget.value)} error={errorAt(errors, 'address')} />
        </SimpleGrid>
        <TextInput type="url" label={t('events.form.onlineUrl')} placeholder="https://" value={values.onlineUrl}
          onChange={(e) => set('onlineUrl', e.currentTarget.value)} error={errorAt(errors, 'onlineUrl')} />
        <Switch label={t('events.form.isPublic')} checked={values.isPublic} onChange={(e) => set('isPublic', e.currentTarget.checked)} />
        <Group><Button type="submit" loading={pending}>{submitLabel}</Button></Group>
      </Stack>
    </form>
  );
}
