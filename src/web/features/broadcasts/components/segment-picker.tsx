import { Badge, Group, MultiSelect, Paper, Select, Stack, TagsInput, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ladderSteps } from '../../../../server/modules/people/ladder.ts';
import { useOccurrences } from '../../events/api.ts';
import { usePeopleTags } from '../../people/api.ts';
import { useAudienceCount, type SegmentInput } from '../api.ts';

type Segment = { purpose: 'newsletter' | 'event_updates'; tags: string[]; minLadderStep: (typeof ladderSteps)[number] | null; attendedOccurrenceIds: string[] };

const yearMs = 365 * 24 * 3600_000;

// Who receives it: a consent purpose, optionally narrowed to tags, a ladder step and the meetups they came to; the count is live.
export function SegmentPicker({ value, onChange, disabled }: { value: Segment; onChange: (segment: Segment) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const tags = usePeopleTags();
  const [debounced] = useDebouncedValue<SegmentInput>(value, 300);
  const count = useAudienceCount(debounced);
  // The past year's dates, newest first: who came is known once the door list is done.
  const range = useMemo(() => { const to = new Date(); return { from: new Date(to.getTime() - yearMs), to }; }, []);
  const occurrences = useOccurrences(range.from, range.to);
  const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
  const dates = (occurrences.data?.items ?? []).filter((o) => o.status !== 'cancelled').toReversed()
    .map((o) => ({ value: o.id, label: `${o.title} · ${dateFormat.format(o.startsAt)}` }));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="segment-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="segment-title">{t('broadcasts.segment.title')}</Title>
        <Group grow align="flex-start">
          <Select label={t('broadcasts.segment.purpose')} allowDeselect={false} value={value.purpose} disabled={disabled}
            data={(['newsletter', 'event_updates'] as const).map((p) => ({ value: p, label: t(`audience.purposes.${p}`) }))}
            onChange={(purpose) => purpose && onChange({ ...value, purpose: purpose as Segment['purpose'] })} />
          <TagsInput label={t('broadcasts.segment.tags')} description={t('broadcasts.segment.tagsHint')} value={value.tags} disabled={disabled}
            data={(tags.data?.items ?? []).map((tag) => tag.tag)} onChange={(next) => onChange({ ...value, tags: next })} />
          <Select label={t('broadcasts.segment.ladder')} value={value.minLadderStep ?? ''} disabled={disabled}
            data={[{ value: '', label: t('broadcasts.segment.anyStep') }, ...ladderSteps.map((step) => ({ value: step, label: t('broadcasts.segment.atLeast', { step: t(`ladder.steps.${step}`) }) }))]}
            onChange={(step) => onChange({ ...value, minLadderStep: (step || null) as Segment['minLadderStep'] })} />
        </Group>
        <MultiSelect label={t('broadcasts.segment.attended')} description={t('broadcasts.segment.attendedHint')} value={value.attendedOccurrenceIds}
          disabled={disabled} searchable clearable nothingFoundMessage={t('broadcasts.segment.noDates')} data={dates}
          onChange={(ids) => onChange({ ...value, attendedOccurrenceIds: ids })} />
        <Group gap="xs" aria-live="polite">
          <Text size="sm">{t('broadcasts.segment.reaches')}</Text>
          <Badge size="lg" variant="filled" data-testid="recipient-count">{count.data ? t('broadcasts.segment.count', { count: count.data.count }) : '…'}</Badge>
        </Group>
        <Text size="xs" c="dimmed">{t('broadcasts.segment.consentOnly')}</Text>
      </Stack>
    </Paper>
  );
}
