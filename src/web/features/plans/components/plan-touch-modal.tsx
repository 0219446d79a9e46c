import { Button, Group, Modal, NumberInput, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PlanInput } from '../../../../server/modules/people/nudges.contract.ts';
import { formatDateTime, fromLocalInput, toLocalInput, tomorrowAt } from '../../../lib/format.ts';
import { errorAt, hasErrors, notifySuccess, serverFieldErrors, validate } from '../../../lib/problems.ts';
import { useFormState } from '../../../lib/use-form.ts';
import { planKinds, useCreatePlan, type PlanInputValues, type PlanKind } from '../api.ts';

type Props = {
  opened: boolean;
  onClose: () => void;
  person: { id: string; name: string };
  // The nudge this plan answers: the server puts it away until the plan's day.
  nudgeKey?: string;
  defaultKind?: PlanKind;
};

export function PlanTouchModal({ opened, onClose, person, nudgeKey, defaultKind = 'call' }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('plans.form.title', { name: person.name })} size="lg">
      {/* Mounted only while open: every opening starts at tomorrow 10:00. */}
      {opened && <PlanTouchForm person={person} nudgeKey={nudgeKey} defaultKind={defaultKind} onClose={onClose} />}
    </Modal>
  );
}

function PlanTouchForm({ person, nudgeKey, defaultKind, onClose }: Omit<Props, 'opened' | 'defaultKind'> & { defaultKind: PlanKind }) {
  const { t } = useTranslation();
  const create = useCreatePlan();
  const kindLabel = useId();
  const { values, set, errors, setErrors } = useFormState(() => ({
    kind: defaultKind,
    startsAt: toLocalInput(tomorrowAt(10)),
    duration: 30 as number | string,
    place: '',
    note: '',
  }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const at = fromLocalInput(values.startsAt);
    const input: PlanInputValues = {
      personId: person.id,
      kind: values.kind,
      startsAt: at ? at.toISOString() : '',
      durationMinutes: values.duration === '' ? undefined : Number(values.duration),
      place: values.place.trim() || null,
      note: values.note.trim() || null,
      nudgeKey,
    };
    const found = validate(PlanInput, input);
    setErrors(found);
    if (hasErrors(found)) return;
    create.mutate(input, {
      onSuccess: (plan) => {
        notifySuccess(t('plans.form.planned', { kind: t(`plans.kinds.${plan.kind}`), name: plan.personName, date: formatDateTime(plan.startsAt) }));
        onClose();
      },
      onError: (error) => setErrors(serverFieldErrors(error)),
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <div>
          <Text id={kindLabel} size="sm" fw={500} mb={4}>{t('plans.form.kind')}</Text>
          <SegmentedControl fullWidth aria-labelledby={kindLabel} value={values.kind} onChange={(v) => set('kind', v as PlanKind)}
            data={planKinds.map((k) => ({ value: k, label: t(`plans.kinds.${k}`) }))} />
        </div>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput type="datetime-local" label={t('plans.form.startsAt')} required data-autofocus value={values.startsAt}
            onChange={(e) => set('startsAt', e.currentTarget.value)} error={errorAt(errors, 'startsAt')} />
          <NumberInput label={t('plans.form.duration')} min={5} max={1440} step={15} allowDecimal={false} allowNegative={false}
            value={values.duration} onChange={(v) => set('duration', v)} error={errorAt(errors, 'durationMinutes')} />
        </SimpleGrid>
        <TextInput label={t('plans.form.place')} description={t('plans.form.placeHint')} value={values.place}
          onChange={(e) => set('place', e.currentTarget.value)} error={errorAt(errors, 'place')} />
        <Textarea label={t('plans.form.note')} autosize minRows={2} maxRows={6} value={values.note}
          onChange={(e) => set('note', e.currentTarget.value)} error={errorAt(errors, 'note')} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" loading={create.isPending}>{t('plans.form.submit')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
