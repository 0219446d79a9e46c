import { Affix, Badge, Button, CloseButton, Group, Paper, Progress, Stack, Switch, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { focusPhases, type FocusPhaseName } from '../../../../server/modules/focus/focus.contract.ts';
import { useCurrentFocus, useEndFocus, useFocusSession, type FocusSession } from '../api.ts';
import { chime, formatClock, setSoundPreference, soundPreference, useFocusClock } from '../focus-clock.ts';
import { useFocusUi } from '../focus-context.tsx';
import { LeaveSummary } from './leave-summary.tsx';

// The timer: phase and time left of the server's session, on every page, the same after a reload.
export function FocusPanel() {
  const current = useCurrentFocus();
  const { summaryFor, setSummaryFor } = useFocusUi();
  const session = current.data?.session ?? null;
  if (session) return <RunningPanel session={session} onFinished={() => setSummaryFor(session.id)} />;
  if (summaryFor) return <FinishedPanel id={summaryFor} onClose={() => setSummaryFor(null)} />;
  return null;
}

function Frame({ children, label }: { children: React.ReactNode; label: string }) {
  return (
    <Affix position={{ bottom: 16, right: 16 }} zIndex={150}>
      <Paper component="section" aria-label={label} shadow="md" withBorder p="md" w={360} maw="calc(100vw - 32px)" mah="calc(100vh - 96px)" style={{ overflowY: 'auto' }}>
        {children}
      </Paper>
    </Affix>
  );
}

function RunningPanel({ session, onFinished }: { session: FocusSession; onFinished: () => void }) {
  const { t } = useTranslation();
  const end = useEndFocus();
  const current = useCurrentFocus();
  const [sound, setSound] = useState(soundPreference);
  const onPhaseChange = useCallback((phase: FocusPhaseName | null) => {
    if (sound) chime();
    if (phase === null) {
      onFinished();
      void current.refetch();
    }
  }, [sound, onFinished, current]);
  const state = useFocusClock(session, onPhaseChange);
  // Already over when it arrived (the plan ran out while the tab slept): ask the server again.
  useEffect(() => {
    if (state && !state.running) onPhaseChange(null);
  }, [state?.running]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!state) return null;
  const phase = state.phase ?? 'leave';

  return (
    <Frame label={t('focus.panel.label')}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <div>
            <Text size="xs" c="dimmed">{session.channels.map((c) => t(`focus.channels.${c}`)).join(' · ')}</Text>
            <Title order={2} size="h3" data-testid="focus-phase">{t(`focus.phases.${phase}`)}</Title>
            <Text size="sm" c="dimmed">{t(`focus.phaseHints.${phase}`)}</Text>
          </div>
          <Text fz={32} fw={600} ff="monospace" aria-label={t('focus.panel.left', { time: formatClock(state.secondsLeftInPhase) })} role="timer">
            {formatClock(state.secondsLeftInPhase)}
          </Text>
        </Group>
        <Progress.Root size="lg" aria-hidden="true">
          {focusPhases.map((p, index) => {
            const planned = session.plannedSeconds[p];
            const total = focusPhases.reduce((s, q) => s + session.plannedSeconds[q], 0) || 1;
            const done = index < state.phaseIndex ? planned : index === state.phaseIndex ? planned - state.secondsLeftInPhase : 0;
            return [
              <Progress.Section key={`${p}-done`} value={(done / total) * 100} color={index % 2 ? 'teal' : 'blue'} />,
              <Progress.Section key={`${p}-left`} value={((planned - done) / total) * 100} color="gray.3" />,
            ];
          })}
        </Progress.Root>
        <Text size="sm">{t('focus.panel.total', { time: formatClock(state.secondsLeft) })}</Text>
        {phase === 'leave' && <LeaveSummary sessionId={session.id} />}
        <Group justify="space-between">
          <Switch size="sm" label={t('focus.panel.sound')} checked={sound} onChange={(e) => { setSound(e.currentTarget.checked); setSoundPreference(e.currentTarget.checked); }} />
          <Button variant="default" size="xs" loading={end.isPending} onClick={() => end.mutate(session.id)}>{t('focus.panel.end')}</Button>
        </Group>
      </Stack>
    </Frame>
  );
}

// Ended on time: the leave summary stays until closed.
function FinishedPanel({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const session = useFocusSession(id);
  if (!session.data || session.data.endedEarly) return null;
  return (
    <Frame label={t('focus.panel.label')}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs"><Title order={2} size="h3">{t('focus.panel.done')}</Title><Badge color="teal" variant="light">{t('focus.onTime')}</Badge></Group>
          <CloseButton aria-label={t('common.close')} onClick={onClose} />
        </Group>
        <Text size="sm">{t('focus.panel.putDown')}</Text>
        <LeaveSummary sessionId={id} />
      </Stack>
    </Frame>
  );
}
