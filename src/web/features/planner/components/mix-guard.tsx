import { Accordion, Alert, Badge, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { i18next } from '../../../i18n/index.ts';
import type { Planner } from '../api.ts';
import { localized } from '../message.ts';
import { pillarColors } from './post-chip.tsx';

type Mix = Planner['mix'][number];

function WeekMix({ mix, planner }: { mix: Mix; planner: Planner }) {
  const { t } = useTranslation();
  const percent = new Intl.NumberFormat(i18next.language, { style: 'percent', maximumFractionDigits: 0 });
  const when = new Intl.DateTimeFormat(i18next.language, { weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: planner.timezone });
  const names = new Map(planner.channels.map((c) => [c.id, c.name]));
  return (
    <Stack gap="xs" data-testid="mix-week" data-week={mix.weekFrom}>
      <Text size="sm" fw={600}>{t('planner.mix.total', { count: mix.total })}</Text>
      {mix.pillars.map((p) => (
        <div key={p.pillar} data-pillar={p.pillar} data-state={p.state}>
          <Group justify="space-between" gap="xs">
            <Text size="xs">{t(`planner.pillars.${p.pillar}`)}</Text>
            <Text size="xs" c={p.state === 'ok' ? 'dimmed' : 'red'}>
              {t('planner.mix.share', { count: p.count, share: percent.format(p.share) })}
              {p.max !== null && ` · ${t('planner.mix.atMost', { share: percent.format(p.max) })}`}
              {p.min !== null && ` · ${t('planner.mix.atLeast', { share: percent.format(p.min) })}`}
              {p.state !== 'ok' && ` · ${t(`planner.mix.${p.state}`)}`}
            </Text>
          </Group>
          <Progress value={p.share * 100} color={p.state === 'ok' ? pillarColors[p.pillar] : 'red'} size="sm"
            aria-label={t(`planner.pillars.${p.pillar}`)} />
        </div>
      ))}
      {/* Cadence gaps are told per channel below. */}
      {mix.warnings.filter((w) => w.code !== 'CADENCE_SHORT').map((w, i) => (
        <Alert key={`${w.code}-${i}`} color="orange" p="xs" data-warning={w.code}><Text size="xs">{localized(w.message)}</Text></Alert>
      ))}
      {mix.cadence.length > 0 && <Text size="xs" fw={600}>{t('planner.mix.cadence')}</Text>}
      {mix.cadence.map((c) => (
        <div key={c.channelId} data-cadence={c.channelId}>
          <Text size="xs" c={c.missing > 0 ? 'red' : undefined}>
            {`${names.get(c.channelId) ?? ''}: ${t('planner.mix.cadenceLine', { planned: c.planned, goal: c.goal })}`}
            {c.missing > 0 && ` · ${t('planner.mix.missing', { count: c.missing })}`}
          </Text>
          {c.missing > 0 && c.openSlots.length > 0 && (
            <Text size="xs" c="dimmed">{t('planner.mix.openSlots', { slots: c.openSlots.slice(0, 5).map((s) => when.format(s)).join(', ') })}</Text>
          )}
        </div>
      ))}
    </Stack>
  );
}

// The mix guard: pillar shares against the targets, offers in a row, cadence per channel. A month folds its weeks.
export function MixGuard({ planner }: { planner: Planner }) {
  const { t } = useTranslation();
  const date = new Intl.DateTimeFormat(i18next.language, { day: 'numeric', month: 'long', timeZone: 'UTC' });
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="mix-guard-title">
      <Title order={2} size="h5" id="mix-guard-title" mb="xs">{t('planner.mix.title')}</Title>
      {planner.mix.length === 1 ? <WeekMix mix={planner.mix[0]!} planner={planner} /> : (
        <Accordion multiple variant="separated">
          {planner.mix.map((mix) => (
            <Accordion.Item key={mix.weekFrom} value={mix.weekFrom}>
              <Accordion.Control>
                <Group gap="xs">
                  <Text size="sm" fw={600}>{t('planner.mix.weekOf', { date: date.format(new Date(`${mix.weekFrom}T12:00:00Z`)) })}</Text>
                  <Text size="sm" c="dimmed">{t('planner.mix.total', { count: mix.total })}</Text>
                  {mix.warnings.length > 0 && <Badge size="sm" variant="outline" color="orange" style={{ color: 'var(--mantine-color-text)' }}>{mix.warnings.length}</Badge>}
                </Group>
              </Accordion.Control>
              <Accordion.Panel><WeekMix mix={mix} planner={planner} /></Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </Paper>
  );
}
