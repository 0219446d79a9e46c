import { Anchor, Badge, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { i18next } from '../../../i18n/index.ts';
import type { Planner } from '../api.ts';
import { localized } from '../message.ts';
import { readable } from './post-chip.tsx';

type Observance = Planner['observances'][number];
type Meetup = Planner['meetups'][number];

// What else is on a day: public holidays, awareness days (with their hashtag) and your meetups.
export function DayExtras({ observances, meetups, zone, limit }: { observances: Observance[]; meetups: Meetup[]; zone: string; limit?: number }) {
  const { t } = useTranslation();
  const time = new Intl.DateTimeFormat(i18next.language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone });
  const shown = limit === undefined ? observances : observances.slice(0, limit);
  return (
    <Stack gap={2}>
      {shown.map((o) => (
        <Tooltip key={o.key} label={[o.kind === 'holiday' ? t('planner.day.holiday') : t('planner.day.awareness'), o.rule && localized(o.rule), o.hashtag].filter(Boolean).join(' · ')} multiline maw={260}>
          <Badge size="xs" radius="sm" variant={o.kind === 'holiday' ? 'outline' : 'light'} color={o.kind === 'holiday' ? 'red' : 'cyan'} tt="none" fullWidth
            style={readable} styles={{ label: { overflow: 'hidden', textOverflow: 'ellipsis' } }} data-observance={o.key} tabIndex={0}>
            {localized(o.name)}
          </Badge>
        </Tooltip>
      ))}
      {limit !== undefined && observances.length > limit && <Text size="xs" c="dimmed">{t('planner.day.more', { count: observances.length - limit })}</Text>}
      {meetups.map((m) => (
        <Anchor key={m.id} component={Link} to={`/events/occurrences/${m.id}`} size="xs" td={m.status === 'cancelled' ? 'line-through' : undefined} data-meetup={m.id}>
          {`${t('planner.day.meetup')} ${time.format(m.startsAt)} ${m.title}`}
          {m.status === 'cancelled' ? ` (${t('planner.day.cancelled')})` : ''}
        </Anchor>
      ))}
    </Stack>
  );
}
