import { Button, NumberInput, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { channels, InteractionInput, interactionKinds } from '../../../../server/modules/people/people.contract.ts';
import { fromLocalInput, toLocalInput } from '../../../lib/format.ts';
import { errorAt, hasErrors, notifySuccess, serverFieldErrors, validate } from '../../../lib/problems.ts';
import { useFormState } from '../../../lib/use-form.ts';
import { useLogInteraction } from '../api.ts';

type Channel = (typeof channels)[number];
type Kind = (typeof interactionKinds)[number];
type Direction = 'in' | 'out';

const fresh = () => ({ channel: 'phone' as Channel, kind: 'call' as Kind, direction: 'out' as Direction, occurredAt: toLocalInput(new Date()), duration: '' as number | string, note: '' });

export function LogTouchForm({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const log = useLogInteraction(personId);
  const { values, set, setValues, errors, setErrors } = useFormState(fresh);
  const directionLabel = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const at = fromLocalInput(values.occurredAt);
    const input: InteractionInput = {
      channel: values.channel,
      kind: values.kind,
      direction: values.direction,
      occurredAt: at ? at.toISOString() : '',
      durationMinutes: values.duration === '' ? null : Number(values.duration),
      note: values.note.trim() || null,
    };
    const found = validate(InteractionInput, input);
    setErrors(found);
    if (hasErrors(found)) return;
    log.mutate(input, {
      onSuccess: () => {
        // Ready for the next one: same channel and kind, time back to now.
        setValues((current) => ({ ...fresh(), channel: current.channel, kind: current.kind }));
        notifySuccess(t('logTouch.logged'));
      },
      onError: (error) => setErrors(serverFieldErrors(error)),
    });
  };

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-labelledby={`${directionLabel}-title`}>
        <Stack gap="sm">
          <Title order={2} size="h4" id={`${directionLabel}-title`}>{t('logTouch.title')}</Title>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Select label={t('logTouch.channel')} data={channels.map((c) => ({ value: c, label: t(`channels.${c}`) }))} allowDeselect={false}
              value={values.channel} onChange={(v) => v && set('channel', v as Channel)} error={errorAt(errors, 'channel')} />
            <Select label={t('logTouch.kind')} data={interactionKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} allowDeselect={false}
              value={values.kind} onChange={(v) => v && set('kind', v as Kind)} error={errorAt(errors, 'kind')} />
          </SimpleGrid>
          <div>
            <Text id={directionLabel} size="sm" fw={500} mb={4}>{t('logTouch.direction')}</Text>
            <SegmentedControl fullWidth aria-labelledby={directionLabel} value={values.direction} onChange={(v) => set('direction', v as Direction)}
              data={[{ value: 'out', label: t('directions.out') }, { value: 'in', label: t('directions.in') }]} />
          </div>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput type="datetime-local" label={t('logTouch.occurredAt')} required value={values.occurredAt}
              onChange={(e) => set('occurredAt', e.currentTarget.value)} error={errorAt(errors, 'occurredAt')} />
            <NumberInput label={t('logTouch.duration')} min={0} max={1440} allowDecimal={false} allowNegative={false}
              value={values.duration} onChange={(v) => set('duration', v)} error={errorAt(errors, 'durationMinutes')} />
          </SimpleGrid>
          <Textarea label={t('logTouch.note')} autosize minRows={2} maxRows={8} value={values.note}
            onChange={(e) => set('note', e.currentTarget.value)} error={errorAt(errors, 'note')} />
          <Button type="submit" loading={log.isPending} style={{ alignSelf: 'flex-start' }}>{t('logTouch.submit')}</Button>
        </Stack>
      </form>
    </Paper>
  );
}
