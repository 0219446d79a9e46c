import { ActionIcon, Alert, Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Loading } from '../../../components/loading.tsx';
import { i18next } from '../../../i18n/index.ts';
import { IconArrowLeft, IconPlus, IconSettings } from '../../../lib/icons.tsx';
import { problemMessage } from '../../../lib/problems.ts';
import { useCurrentSession } from '../../auth/api.ts';
import { usePlanner } from '../api.ts';
import { dateIn, shiftDate } from '../calendar.ts';
import { DueNow } from '../components/due-now.tsx';
import { MixGuard } from '../components/mix-guard.tsx';
import { MonthGrid } from '../components/month-grid.tsx';
import { PlannerBoard } from '../components/planner-board.tsx';
import { TroubledPosts } from '../components/troubled-posts.tsx';

type View = 'week' | 'month';

// The planner: what is due now, then a week (or month) of posts per channel and slot, and the mix guard.
export function PlannerPage() {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'month' ? 'month' : 'week';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '') ? params.get('date')! : undefined;
  const planner = usePlanner(view, date);
  const canEdit = user.role !== 'viewer';
  // The clock for "past slots" and "today", fixed for each answer from the server.
  const now = useMemo(() => new Date(), [planner.data]);
  const zone = planner.data?.timezone ?? 'UTC';
  const today = dateIn(now, zone);
  const anchor = date ?? today;
  const go = (next: { view?: View; date?: string }) => {
    const nextView = next.view ?? view;
    const nextDate = next.date ?? date;
    setParams({ ...(nextView === 'month' ? { view: 'month' } : {}), ...(nextDate ? { date: nextDate } : {}) }, { replace: true });
  };
  const fmt = new Intl.DateTimeFormat(i18next.language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const rangeTitle = planner.data && (view === 'week'
    ? t('planner.weekOf', { date: fmt.format(new Date(`${planner.data.from}T12:00:00Z`)) })
    : new Intl.DateTimeFormat(i18next.language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${anchor.slice(0, 7)}-15T12:00:00Z`)));

  return (
    <Stack gap="lg">
      <title>{`${t('nav.planner')} · ${t('app.name')}`}</title>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{t('nav.planner')}</Title>
          <Text c="dimmed">{t('planner.intro')}</Text>
        </div>
        <Group gap="xs">
          <Button component={Link} to="/planner/channels" variant="default" leftSection={<IconSettings size={16} />}>{t('planner.channelsLink')}</Button>
          {canEdit && <Button component={Link} to="/planner/posts/new" leftSection={<IconPlus size={16} />}>{t('planner.newPost')}</Button>}
        </Group>
      </Group>
      <DueNow />
      <TroubledPosts />
      <Group justify="space-between">
        <Group gap="xs">
          <ActionIcon variant="default" onClick={() => go({ date: shiftDate(anchor, view, -1) })} aria-label={t('planner.previous')}><IconArrowLeft size={16} /></ActionIcon>
          <Button variant="default" size="xs" onClick={() => setParams(view === 'month' ? { view: 'month' } : {}, { replace: true })}>{t('planner.today')}</Button>
          <ActionIcon variant="default" onClick={() => go({ date: shiftDate(anchor, view, 1) })} aria-label={t('planner.next')} style={{ transform: 'scaleX(-1)' }}><IconArrowLeft size={16} /></ActionIcon>
          <Title order={2} size="h4" aria-live="polite">{rangeTitle}</Title>
        </Group>
        <Group gap="xs">
          <Text size="xs" c="dimmed">{t('planner.timezone', { zone })}</Text>
          <SegmentedControl size="xs" value={view} onChange={(next) => go({ view: next as View })} aria-label={t('planner.views.label')}
            data={[{ value: 'week', label: t('planner.views.week') }, { value: 'month', label: t('planner.views.month') }]} />
        </Group>
      </Group>
      {planner.isPending ? <Loading /> : planner.isError ? <Alert color="red" title={t('planner.loadError')}>{problemMessage(planner.error)}</Alert> : (
        <>
          {planner.data.channels.length === 0 && (
            <Alert color="blue">
              <Group justify="space-between">
                <Text size="sm">{t('planner.noChannels')}</Text>
                <Button component={Link} to="/planner/channels" size="xs">{t('planner.addChannel')}</Button>
              </Group>
            </Alert>
          )}
          {view === 'week' ? <PlannerBoard planner={planner.data} today={today} now={now} canEdit={canEdit} /> : (
            <>
              <MonthGrid planner={planner.data} month={anchor} today={today} onOpenWeek={(d) => setParams({ date: d }, { replace: true })} />
              <MixGuard planner={planner.data} />
            </>
          )}
        </>
      )}
    </Stack>
  );
}
