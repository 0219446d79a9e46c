import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { i18next } from '../../../i18n/index.ts';
import { IconPlus, IconTrash } from '../../../lib/icons.tsx';

export type SlotValue = { weekday: number; time: string };

// Monday 2024-01-01 onwards: the weekday names in the language in use.
export function weekdayNames(style: 'long' | 'short' = 'long'): string[] {
  const format = new Intl.DateTimeFormat(i18next.language, { weekday: style, timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, 1 + i, 12))));
}

// A channel's posting slots: a weekday and a wall-clock time each, in the channel's zone.
export function SlotsEditor({ value, onChange, error }: { value: SlotValue[]; onChange: (slots: SlotValue[]) => void; error?: string }) {
  const { t } = useTranslation();
  const names = weekdayNames();
  const days = names.map((label, i) => ({ value: String(i + 1), label }));
  const change = (index: number, patch: Partial<SlotValue>) => onChange(value.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  return (
    <Stack gap={6} role="group" aria-label={t('planner.channels.slots')}>
      <Text size="sm" fw={500}>{t('planner.channels.slots')}</Text>
      {value.length === 0 && <Text size="xs" c="dimmed">{t('planner.channels.slotsNone')}</Text>}
      {value.map((slot, index) => (
        <Group key={index} gap="xs" align="flex-end" data-testid="slot-row">
          <Select size="xs" label={t('planner.channels.weekday')} data={days} value={String(slot.weekday)} allowDeselect={false}
            onChange={(day) => day && change(index, { weekday: Number(day) })} w={150} />
          <TextInput size="xs" type="time" label={t('planner.channels.time')} value={slot.time} onChange={(e) => change(index, { time: e.currentTarget.value })} w={110} />
          <ActionIcon variant="subtle" color="red" mb={4} onClick={() => onChange(value.filter((_, i) => i !== index))} aria-label={`${t('planner.channels.removeSlot')}: ${names[slot.weekday - 1]} ${slot.time}`}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      {error && <Text size="xs" c="red">{error}</Text>}
      <Group>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...value, { weekday: value.length ? (value[value.length - 1]!.weekday % 7) + 1 : 1, time: value[value.length - 1]?.time ?? '09:00' }])}>
          {t('planner.channels.addSlot')}
        </Button>
      </Group>
    </Stack>
  );
}
