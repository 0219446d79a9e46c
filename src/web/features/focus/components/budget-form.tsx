import { Button, Checkbox, Group, NumberInput, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { focusChannels } from '../../../../server/modules/focus/focus.contract.ts';
import { notifySuccess } from '../../../lib/problems.ts';
import { useCurrentSession } from '../../auth/api.ts';
import { useDropOwnBudget, useFocusBudget, useSaveBudget, type BudgetValues } from '../api.ts';

type Channel = (typeof focusChannels)[number];
type Row = { on: boolean; minutesPerWeek: number; minutesPerPost: number };

// Minutes per week per channel, and what one post takes; the posts a week are the planner's cadence goals.
export function BudgetForm() {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const budget = useFocusBudget();
  const save = useSaveBudget();
  const drop = useDropOwnBudget();
  const [scope, setScope] = useState<'user' | 'workspace'>('user');
  const [rows, setRows] = useState<Record<Channel, Row>>(() => blank());
  useEffect(() => {
    if (!budget.data) return;
    const next = blank();
    for (const c of budget.data.channels) next[c.channel] = { on: true, minutesPerWeek: c.minutesPerWeek, minutesPerPost: c.minutesPerPost };
    setRows(next);
    if (budget.data.scope === 'workspace' && user.role === 'owner') setScope('workspace');
  }, [budget.data, user.role]);

  const setRow = (channel: Channel, patch: Partial<Row>) => setRows((current) => ({ ...current, [channel]: { ...current[channel], ...patch } }));
  const submit = () => {
    const input: BudgetValues = {
      scope,
      channels: focusChannels.filter((c) => rows[c].on).map((c) => ({ channel: c, minutesPerWeek: rows[c].minutesPerWeek, minutesPerPost: rows[c].minutesPerPost })),
    };
    save.mutate(input, { onSuccess: () => notifySuccess(t('focus.budget.saved')) });
  };
  const number = (channel: Channel, key: 'minutesPerWeek' | 'minutesPerPost', label: string, max: number) => (
    <NumberInput size="xs" w={90} aria-label={`${t(`focus.channels.${channel}`)}: ${label}`} min={0} max={max} allowDecimal={false} allowNegative={false}
      disabled={!rows[channel].on} value={rows[channel][key]} onChange={(v) => setRow(channel, { [key]: Number(v) || 0 })} />
  );

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {budget.data?.scope === 'user' ? t('focus.budget.usingOwn') : budget.data?.scope === 'workspace' ? t('focus.budget.usingWorkspace') : t('focus.budget.usingNone')}
      </Text>
      {user.role === 'owner' && (
        <SegmentedControl value={scope} onChange={(v) => setScope(v as 'user' | 'workspace')} aria-label={t('focus.budget.scope')}
          data={[{ value: 'user', label: t('focus.budget.mine') }, { value: 'workspace', label: t('focus.budget.workspace') }]} />
      )}
      <Table.ScrollContainer minWidth={480}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('focus.budget.channel')}</Table.Th>
              <Table.Th>{t('focus.budget.minutesPerWeek')}</Table.Th>
              <Table.Th>{t('focus.budget.postsPerWeek')}</Table.Th>
              <Table.Th>{t('focus.budget.minutesPerPost')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {focusChannels.map((c) => (
              <Table.Tr key={c}>
                <Table.Td><Checkbox label={t(`focus.channels.${c}`)} checked={rows[c].on} onChange={(e) => setRow(c, { on: e.currentTarget.checked })} /></Table.Td>
                <Table.Td>{number(c, 'minutesPerWeek', t('focus.budget.minutesPerWeek'), 10_080)}</Table.Td>
                <Table.Td>{budget.data?.cadenceGoals[c] ?? 0}</Table.Td>
                <Table.Td>{number(c, 'minutesPerPost', t('focus.budget.minutesPerPost'), 600)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed">{t('focus.budget.goalsHint')}</Text>
      <Group>
        <Button onClick={submit} loading={save.isPending}>{t('common.save')}</Button>
        {budget.data?.scope === 'user' && <Button variant="default" onClick={() => drop.mutate()} loading={drop.isPending}>{t('focus.budget.useWorkspace')}</Button>}
      </Group>
    </Stack>
  );
}

function blank(): Record<Channel, Row> {
  return Object.fromEntries(focusChannels.map((c) => [c, { on: false, minutesPerWeek: 60, minutesPerPost: 0 }])) as Record<Channel, Row>;
}
