import { Alert, Anchor, Button, EmptyState, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../../components/loading.tsx';
import { formatDay, formatTime } from '../../../lib/format.ts';
import { IconCheck } from '../../../lib/icons.tsx';
import { problemMessage } from '../../../lib/problems.ts';
import { useCurrentSession } from '../../auth/api.ts';
import { WeekBudgetCard } from '../../focus/components/week-budget-card.tsx';
import { useToday, type TodayView } from '../api.ts';
import { NudgeList } from '../components/nudge-list.tsx';
import { PlannedTouches } from '../components/planned-touches.tsx';

const sectionKeys = ['call_or_meet', 'owed', 'keep_in_touch'] as const;
type SectionKey = (typeof sectionKeys)[number];
const isSectionKey = (key: string): key is SectionKey => (sectionKeys as readonly string[]).includes(key);

// Today starts with who to call and who to meet (DESIGN.md): planned touches, then the nudges.
export function TodayPage() {
  const { t } = useTranslation();
  const today = useToday();

  return (
    <Stack gap="lg" maw={900}>
      <title>{`${t('today.title')} · ${t('app.name')}`}</title>
      <div>
        <Title order={1}>{t('today.title')}</Title>
        {today.data && <Text c="dimmed">{formatDay(today.data.now)}</Text>}
      </div>
      {today.isPending && <Loading />}
      {today.isError && !today.data && (
        <Alert color="red" title={t('today.loadError')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{problemMessage(today.error)}</Text>
            <Button size="xs" variant="default" onClick={() => void today.refetch()}>{t('common.retry')}</Button>
          </Stack>
        </Alert>
      )}
      {today.data && <TodayContent today={today.data} />}
    </Stack>
  );
}

function TodayContent({ today }: { today: TodayView }) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const canEdit = user.role !== 'viewer';
  const sections = today.sections.filter((s): s is TodayView['sections'][number] & { key: SectionKey } => isSectionKey(s.key) && s.nudges.length > 0);

  return (
    <>
      {today.meetingMode && (
        <Alert title={t('today.meetingMode.title')} role="status">
          {today.meetingMode.eventTitle
            ? t('today.meetingMode.hosting', { title: today.meetingMode.eventTitle, time: formatTime(today.meetingMode.until) })
            : t('today.meetingMode.body', { time: formatTime(today.meetingMode.until) })}
        </Alert>
      )}
      <PlannedTouches plans={today.plans} now={today.now} canEdit={canEdit} />
      {sections.map((section) => (
        <Stack key={section.key} gap="sm" component="section" aria-labelledby={`section-${section.key}`}>
          <div>
            <Title order={2} size="h3" id={`section-${section.key}`}>{t(`today.sections.${section.key}.title`)}</Title>
            <Text size="sm" c="dimmed">{t(`today.sections.${section.key}.hint`)}</Text>
          </div>
          <NudgeList nudges={section.nudges} canEdit={canEdit} />
        </Stack>
      ))}
      {!today.meetingMode && sections.length === 0 && (
        <EmptyState icon={<IconCheck size={28} />} title={t('today.empty.title')} description={t('today.empty.body')} />
      )}
      <WeekBudgetCard />
      <Group gap="xs">
        <Anchor component={Link} to="/today/losing-touch">{t('today.losingTouch.link')}</Anchor>
        <Text size="sm" c="dimmed">{t('today.losingTouch.linkHint')}</Text>
      </Group>
    </>
  );
}
