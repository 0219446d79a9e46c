import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Alert, Anchor, Button, Card, Group, Radio, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notifySuccess } from '../../../lib/problems.ts';
import { useReflect, useReflectionTrend, type AnswerValues, type TrendView } from '../api.ts';

const questions = ['timeSpent', 'pressure', 'overCommitment', 'phoneDown'] as const;
type Question = (typeof questions)[number];
const colors: Record<Question, string> = { timeSpent: 'blue.6', pressure: 'red.6', overCommitment: 'orange.6', phoneDown: 'teal.6' };

// The weekly four questions, answered 1–5, beside the measured week, and the trend over weeks.
export function ReflectionPage() {
  const { t } = useTranslation();
  const trend = useReflectionTrend();
  return (
    <Stack gap="lg" maw={900}>
      <title>{`${t('focus.reflection.title')} · ${t('app.name')}`}</title>
      <div>
        <Anchor component={Link} to="/focus" size="sm">{t('nav.focus')}</Anchor>
        <Title order={1}>{t('focus.reflection.title')}</Title>
        <Text c="dimmed">{t('focus.reflection.intro')}</Text>
      </div>
      {trend.data && <Questions trend={trend.data} />}
      {trend.data && <Trend trend={trend.data} />}
    </Stack>
  );
}

function Questions({ trend }: { trend: TrendView }) {
  const { t } = useTranslation();
  const reflect = useReflect();
  const weeks = trend.weeks.slice(-2).reverse(); // this week, then last week
  const [week, setWeek] = useState(trend.thisWeek);
  const entry = trend.weeks.find((w) => w.week === week);
  const [answers, setAnswers] = useState<Partial<Record<Question, number>>>({});
  useEffect(() => setAnswers(entry?.answers ?? {}), [entry?.answers, week]);
  const complete = questions.every((q) => answers[q]);

  return (
    <Card withBorder component="section" aria-labelledby="reflection-questions">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h3" id="reflection-questions">{t('focus.reflection.questions')}</Title>
          <SegmentedControl size="xs" value={week} onChange={setWeek} aria-label={t('focus.reflection.week')}
            data={weeks.map((w, i) => ({ value: w.week, label: i === 0 ? t('focus.reflection.thisWeek') : t('focus.reflection.lastWeek') }))} />
        </Group>
        {entry && (
          <Text size="sm" data-testid="reflection-measured">
            {t('focus.reflection.measured', { count: entry.measured.minutes, sessions: entry.measured.sessions, onTime: entry.measured.sessionsOnTime })}
          </Text>
        )}
        {questions.map((q) => (
          <Radio.Group key={q} label={t(`focus.reflection.q.${q}`)} description={t(`focus.reflection.scale.${q}`)}
            value={answers[q] ? String(answers[q]) : null} onChange={(v) => setAnswers((a) => ({ ...a, [q]: Number(v) }))}>
            <Group gap="md" mt={6}>
              {[1, 2, 3, 4, 5].map((n) => <Radio key={n} value={String(n)} label={String(n)} />)}
            </Group>
          </Radio.Group>
        ))}
        {entry?.answers && <Alert color="teal" role="status">{t('focus.reflection.answered')}</Alert>}
        <Group>
          <Button disabled={!complete} loading={reflect.isPending}
            onClick={() => reflect.mutate({ week, answers: answers as AnswerValues }, { onSuccess: () => notifySuccess(t('focus.reflection.saved')) })}>
            {t('focus.reflection.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function Trend({ trend }: { trend: TrendView }) {
  const { t } = useTranslation();
  const data = trend.weeks.map((w) => ({ week: w.week.slice(5), minutes: w.measured.minutes, ...(w.answers ?? {}) }));
  const answered = trend.weeks.some((w) => w.answers);
  return (
    <Card withBorder component="section" aria-labelledby="reflection-trend">
      <Stack gap="md">
        <Title order={2} size="h3" id="reflection-trend">{t('focus.reflection.trend')}</Title>
        {answered ? (
          <LineChart h={220} data={data} dataKey="week" yAxisProps={{ domain: [1, 5], allowDecimals: false }} withLegend connectNulls
            series={questions.map((q) => ({ name: q, label: t(`focus.reflection.short.${q}`), color: colors[q] }))} />
        ) : <Text size="sm" c="dimmed">{t('focus.reflection.noAnswers')}</Text>}
        <Table.ScrollContainer minWidth={560}>
          <Table data-testid="reflection-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('focus.reflection.weekCol')}</Table.Th>
                <Table.Th>{t('focus.reflection.minutesCol')}</Table.Th>
                <Table.Th>{t('focus.reflection.sessionsCol')}</Table.Th>
                {questions.map((q) => <Table.Th key={q}>{t(`focus.reflection.short.${q}`)}</Table.Th>)}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...trend.weeks].reverse().map((w) => (
                <Table.Tr key={w.week}>
                  <Table.Td>{w.week}</Table.Td>
                  <Table.Td>{w.measured.minutes}</Table.Td>
                  <Table.Td>{w.measured.sessionsOnTime} / {w.measured.sessions}</Table.Td>
                  {questions.map((q) => <Table.Td key={q}>{w.answers?.[q] ?? '–'}</Table.Td>)}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Card>
  );
}
