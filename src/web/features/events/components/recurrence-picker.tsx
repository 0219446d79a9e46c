import { Chip, Code, Fieldset, Group, NumberInput, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { defaultRecurrence, positions, toRrule, weekdays, type Position, type Recurrence, type RecurrenceKind, type Weekday } from '../recurrence.ts';
import { describeRecurrence, positionName, weekdayName } from './recurrence-summary.ts';

type Props = { value: Recurrence; localStart: string; onChange: (value: Recurrence) => void; error?: string };
const kinds: RecurrenceKind[] = ['once', 'weekly', 'monthly', 'custom'];

// The common cases in words and taps; the RRULE it makes is shown underneath, and can be typed instead.
export function RecurrencePicker({ value, localStart, onChange, error }: Props) {
  const { t } = useTranslation();
  const rrule = toRrule(value);
  return (
    <Fieldset legend={t('events.recurrence.legend')} variant="filled">
      <Stack gap="sm">
        <Radio.Group label={t('events.recurrence.repeats')} value={value.kind}
          onChange={(kind) => onChange(defaultRecurrence(kind as RecurrenceKind, localStart, value))}>
          <Group gap="md" mt={4}>
            {kinds.map((kind) => <Radio key={kind} value={kind} label={t(`events.recurrence.kinds.${kind}`)} />)}
          </Group>
        </Radio.Group>

        {value.kind === 'weekly' && (
          <>
            <NumberInput w={200} label={t('events.recurrence.interval')} min={1} max={52} allowDecimal={false} value={value.interval}
              onChange={(interval) => onChange({ ...value, interval: typeof interval === 'number' && interval >= 1 ? interval : 1 })} />
            <div role="group" aria-label={t('events.recurrence.days')}>
              <Text size="sm" fw={500} mb={4} aria-hidden>{t('events.recurrence.days')}</Text>
              <Chip.Group multiple value={value.days} onChange={(days) => onChange({ ...value, days: days as Weekday[] })}>
                <Group gap={6}>{weekdays.map((day) => <Chip key={day} value={day} size="sm">{weekdayName(day, 'short')}</Chip>)}</Group>
              </Chip.Group>
            </div>
          </>
        )}

        {value.kind === 'monthly' && (
          <>
            <div role="group" aria-label={t('events.recurrence.which')}>
              <Text size="sm" fw={500} mb={4} aria-hidden>{t('events.recurrence.which')}</Text>
              <Chip.Group multiple value={value.positions.map(String)}
                onChange={(chosen) => onChange({ ...value, positions: chosen.map(Number) as Position[] })}>
                <Group gap={6}>{positions.map((p) => <Chip key={p} value={String(p)} size="sm">{positionName(p)}</Chip>)}</Group>
              </Chip.Group>
            </div>
            <Select w={220} label={t('events.recurrence.weekday')} allowDeselect={false} value={value.day}
              data={weekdays.map((day) => ({ value: day, label: weekdayName(day) }))}
              onChange={(day) => day && onChange({ ...value, day: day as Weekday })} />
          </>
        )}

        {value.kind === 'custom' && (
          <TextInput label={t('events.recurrence.rrule')} description={t('events.recurrence.rruleHint')} value={value.rrule}
            onChange={(event) => onChange({ kind: 'custom', rrule: event.currentTarget.value })} error={error} />
        )}

        {value.kind !== 'custom' && error && <Text c="red" size="sm" role="alert">{error}</Text>}
        <Text size="sm" aria-live="polite">
          {describeRecurrence(value)}
          {rrule && value.kind !== 'custom' && <> · <Code>{rrule}</Code></>}
        </Text>
      </Stack>
    </Fieldset>
  );
}
