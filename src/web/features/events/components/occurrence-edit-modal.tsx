import { Button, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorAt, notifySuccess, serverFieldErrors, validate } from '../../../lib/problems.ts';
import { useFormState } from '../../../lib/use-form.ts';
import { OccurrencePatch, useUpdateOccurrence, type Occurrence } from '../api.ts';
import { instantOf, wallClock } from '../zoned.ts';

type Props = { occurrence: Occurrence; opened: boolean; onClose: () => void };

// This date alone: its time (typed in the event's zone), places and place. The series leaves it be afterwards.
export function OccurrenceEditModal({ occurrence, opened, onClose }: Props) {
  const { t } = useTranslation();
  const zone = occurrence.timezone;
  const { values, set, errors, setErrors } = useFormState(() => ({
    title: occurrence.title, start: wallClock(occurrence.startsAt, zone), end: wallClock(occurrence.endsAt, zone), capacity: occurrence.capacity,
    venue: occurrence.venue ?? '', address: occurrence.address ?? '', onlineUrl: occurrence.onlineUrl ?? '',
  }));
  const update = useUpdateOccurrence(occurrence.id);
  const submit = () => {
    const startsAt = instantOf(values.start, zone);
    const endsAt = instantOf(values.end, zone);
    const found: Record<string, string> = {};
    if (!startsAt) found.start = t('validation.date');
    if (!endsAt || (startsAt && endsAt <= startsAt)) found.end = t('events.edit.endAfterStart');
    const input = { title: values.title, capacity: values.capacity, venue: values.venue, address: values.address, onlineUrl: values.onlineUrl.trim() || null };
    Object.assign(found, validate(OccurrencePatch, input));
    setErrors(found);
    if (Object.keys(found).length || !startsAt || !endsAt) return;
    const moved = startsAt.getTime() !== occurrence.startsAt.getTime() || endsAt.getTime() !== occurrence.endsAt.getTime();
    update.mutate({ ...input, ...(moved ? { startsAt, endsAt } : {}) }, {
      onSuccess: () => { notifySuccess(t('events.saved')); onClose(); },
      onError: (error) => setErrors(serverFieldErrors(error)),
    });
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('events.edit.title')} centered size="lg">
      <form noValidate onSubmit={(event) => { event.preventDefault(); submit(); }}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">{t('events.edit.hint', { zone })}</Text>
          <TextInput label={t('events.form.title')} value={values.title} onChange={(e) => set('title', e.currentTarget.value)} error={errorAt(errors, 'title')} />
          <Group grow align="flex-start">
            <TextInput type="datetime-local" label={t('events.edit.start')} value={values.start} onChange={(e) => set('start', e.currentTarget.value)} error={errorAt(errors, 'start') ?? errorAt(errors, 'startsAt')} />
            <TextInput type="datetime-local" label={t('events.edit.end')} value={values.end} onChange={(e) => set('end', e.currentTarget.value)} error={errorAt(errors, 'end') ?? errorAt(errors, 'endsAt')} />
          </Group>
          <NumberInput label={t('events.form.capacity')} description={t('events.edit.capacityHint')} min={1} allowDecimal={false} value={values.capacity}
            onChange={(v) => set('capacity', typeof v === 'number' ? v : Number.NaN)} error={errorAt(errors, 'capacity')} />
          <TextInput label={t('events.form.venue')} value={values.venue} onChange={(e) => set('venue', e.currentTarget.value)} error={errorAt(errors, 'venue')} />
          <TextInput label={t('events.form.address')} value={values.address} onChange={(e) => set('address', e.currentTarget.value)} error={errorAt(errors, 'address')} />
          <TextInput type="url" label={t('events.form.onlineUrl')} value={values.onlineUrl} onChange={(e) => set('onlineUrl', e.currentTarget.value)} error={errorAt(errors, 'onlineUrl')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={update.isPending}>{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
