import { Button, Group, Modal, NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PlanDone } from '../../../../server/modules/people/nudges.contract.ts';
import { formatDateTime, fromLocalInput, toLocalInput } from '../../../lib/format.ts';
import { errorAt, hasErrors, notifySuccess, serverFieldErrors, validate } from '../../../lib/problems.ts';
import { useFormState } from '../../../lib/use-form.ts';
import { useCompletePlan, type Plan, type PlanDoneValues } from '../api.ts';

// It happened: a note and the real duration, and it goes on the person's timeline.
export function PlanDoneModal({ plan, onClose }: { plan: Plan | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={plan !== null} onClose={onClose} title={t('plans.done.title')}>
      {plan && <PlanDoneForm plan={plan} onClose={onClose} />}
    </Modal>
  );
}

function PlanDoneForm({ plan, onClose }: { plan: Plan; onClose: () => void }) {
  const { t } = useTranslation();
  const complete = useCompletePlan();
  // Done ahead of time (a call moved up) happened now, not at the planned start the server would assume.
  const { values, set, errors, setErrors } = useFormState(() => ({
    occurredAt: toLocalInput(plan.startsAt.getTime() > Date.now() ? new Date() : plan.startsAt),
    duration: plan.durationMinutes as number | string,
    note: plan.note ?? '',
  }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const at = fromLocalInput(values.occurredAt);
    const input: PlanDoneValues = {
      occurredAt: at ? at.toISOString() : '',
      durationMinutes: values.duration === '' ? undefined : Number(values.duration),
      note: values.note.trim() || null,
    };
    const found = validate(PlanDone, input);
    setErrors(found);
    if (hasErrors(found)) return;
    complete.mutate({ id: plan.id, input }, {
      onSuccess: (done) => {
        notifySuccess(t('plans.done.logged', { name: done.personName }));
        onClose();
      },
      onError: (error) => setErrors(serverFieldErrors(error)),
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          {t('plans.summary', { kind: t(`plans.kinds.${plan.kind}`), name: plan.personName })}
          {' · '}
          <time dateTime={plan.startsAt.toISOString()}>{formatDateTime(plan.startsAt)}</time>
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput type="datetime-local" label={t('plans.done.occurredAt')} required value={values.occurredAt}
            onChange={(e) => set('occurredAt', e.currentTarget.value)} error={errorAt(errors, 'occurredAt')} />
          <NumberInput label={t('plans.done.duration')} min={0} max={1440} allowDecimal={false} allowNegative={false}
            value={values.duration} onChange={(v) => set('duration', v)} error={errorAt(errors, 'durationMinutes')} />
        </SimpleGrid>
        <Textarea label={t('plans.done.note')} description={t('plans.done.noteHint')} data-autofocus autosize minRows={3} maxRows={10} value={values.note}
          onChange={(e) => set('note', e.currentTarget.value)} error={errorAt(errors, 'note')} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" loading={complete.isPending}>{t('plans.done.submit')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
