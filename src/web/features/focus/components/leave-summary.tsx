import { Button, List, MultiSelect, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format.ts';
import { notifySuccess } from '../../../lib/problems.ts';
import { useCurrentSession } from '../../auth/api.ts';
import { usePeopleLookup } from '../../people/api.ts';
import { useToday } from '../../today/api.ts';
import { useFocusSession, useFocusWeek, usePlanCalls } from '../api.ts';

// The leave phase: this week's minutes and budget, then who to call (each becomes a planned call).
export function LeaveSummary({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const week = useFocusWeek();
  const { user } = useCurrentSession();
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">{t('focus.summary.week')}</Title>
      {week.data && week.data.channels.length > 0 ? (
        <List size="sm" spacing={2}>
          {week.data.channels.map((c) => (
            <List.Item key={c.channel}>
              {c.minutesPerWeek > 0
                ? t('focus.summary.channelLeft', { channel: t(`focus.channels.${c.channel}`), used: c.usedMinutes, left: c.leftMinutes })
                : t('focus.summary.channelUsed', { channel: t(`focus.channels.${c.channel}`), used: c.usedMinutes })}
            </List.Item>
          ))}
        </List>
      ) : <Text size="sm" c="dimmed">{t('focus.summary.nothing')}</Text>}
      {user.role !== 'viewer' && <WhoToCall sessionId={sessionId} />}
    </Stack>
  );
}

function WhoToCall({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [chosen, setChosen] = useState<string[]>([]);
  const [names, setNames] = useState<Record<string, string>>({});
  const lookup = usePeopleLookup(q);
  const today = useToday();
  const session = useFocusSession(sessionId);
  const plan = usePlanCalls(sessionId);

  // Today's call nudges first: the people the rules already say to call.
  const options = useMemo(() => {
    const suggested = (today.data?.sections.find((s) => s.key === 'call_or_meet')?.nudges ?? []).map((n) => ({ value: n.personId, label: n.personName }));
    const found = (lookup.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
    const all = [...(q ? [] : suggested), ...found, ...chosen.map((id) => ({ value: id, label: names[id] ?? id }))];
    return all.filter((o, i) => all.findIndex((x) => x.value === o.value) === i);
  }, [today.data, lookup.data, q, chosen, names]);

  const planned = session.data?.plannedCalls.length ?? 0;
  const submit = () => plan.mutate({ personIds: chosen }, {
    onSuccess: (result) => {
      setChosen([]);
      notifySuccess(t('focus.summary.planned', { names: result.items.map((i) => i.personName).join(', '), date: formatDateTime(result.items[0]!.startsAt) }));
    },
  });

  return (
    <Stack gap="xs">
      <MultiSelect label={t('focus.summary.whoToCall')} description={t('focus.summary.whoToCallHint')} searchable clearable
        data={options} value={chosen} searchValue={search} onSearchChange={setSearch} filter={({ options: all }) => all}
        onChange={(ids) => {
          setNames((current) => ({ ...current, ...Object.fromEntries(options.filter((o) => ids.includes(o.value)).map((o) => [o.value, o.label])) }));
          setChosen(ids);
        }}
        nothingFoundMessage={t('focus.summary.nobody')} comboboxProps={{ withinPortal: false }} />
      <Button size="xs" disabled={!chosen.length} loading={plan.isPending} onClick={submit}>{t('focus.summary.plan', { count: chosen.length })}</Button>
      {planned > 0 && <Text size="sm" c="dimmed">{t('focus.summary.plannedCount', { count: planned })}</Text>}
    </Stack>
  );
}
