import { Alert, Autocomplete, Button, EmptyState, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Loading } from '../../../components/loading.tsx';
import { IconPeople, IconPlus, IconSearch, IconUpload } from '../../../lib/icons.tsx';
import { problemMessage } from '../../../lib/problems.ts';
import { useCurrentSession } from '../../auth/api.ts';
import { ladderSteps, usePeople, usePeopleTags, type LadderStep } from '../api.ts';
import { AddPersonModal } from '../components/add-person-modal.tsx';
import { PeopleTable } from '../components/people-table.tsx';

function stepOf(value: string | null): LadderStep | '' {
  return (ladderSteps as readonly string[]).includes(value ?? '') ? (value as LadderStep) : '';
}

export function PeoplePage() {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const canEdit = user.role !== 'viewer';
  const [params, setParams] = useSearchParams();
  // The inputs answer at once; the list (and the address bar) follow after a short pause.
  const [q, setQ] = useState(params.get('q') ?? '');
  const [tag, setTag] = useState(params.get('tag') ?? '');
  const [step, setStep] = useState<LadderStep | ''>(() => stepOf(params.get('step')));
  const [filter] = useDebouncedValue(useMemo(() => ({ q: q.trim(), tag: tag.trim(), step }), [q, tag, step]), 300);
  const [adding, { open: openAdd, close: closeAdd }] = useDisclosure(false);
  const people = usePeople(filter);
  const tags = usePeopleTags();

  useEffect(() => {
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(filter)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      return next;
    }, { replace: true });
  }, [filter, setParams]);

  const items = useMemo(() => people.data?.pages.flatMap((page) => page.items) ?? [], [people.data]);
  // Most used first, as the server counts them.
  const knownTags = useMemo(() => tags.data?.items.map((item) => item.tag) ?? [], [tags.data]);
  const filtered = Boolean(filter.q || filter.tag || filter.step);

  return (
    <Stack gap="lg">
      <title>{`${t('people.title')} · ${t('app.name')}`}</title>
      <Group justify="space-between">
        <Title order={1}>{t('people.title')}</Title>
        <Group gap="xs">
          <Button component={Link} to="/people/duplicates" variant="default">{t('people.duplicates')}</Button>
          {canEdit && <Button component={Link} to="/import" variant="default" leftSection={<IconUpload size={16} />}>{t('people.import')}</Button>}
          {canEdit && <Button leftSection={<IconPlus size={16} />} onClick={openAdd}>{t('people.add')}</Button>}
        </Group>
      </Group>
      <Group align="flex-end" gap="sm" role="search">
        <TextInput flex={1} miw={220} maw={420} type="search" label={t('people.search')} placeholder={t('people.searchPlaceholder')}
          leftSection={<IconSearch size={16} />} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
        <Autocomplete w={200} label={t('people.tag')} placeholder={t('people.tagPlaceholder')} data={knownTags} clearable
          value={tag} onChange={setTag} />
        <Select w={180} label={t('ladder.filter')} allowDeselect={false} value={step || 'all'} onChange={(v) => setStep(stepOf(v))}
          data={[{ value: 'all', label: t('ladder.all') }, ...ladderSteps.map((s) => ({ value: s, label: t(`ladder.steps.${s}`) }))]} />
        {filtered && <Button variant="subtle" onClick={() => { setQ(''); setTag(''); setStep(''); }}>{t('people.clearFilters')}</Button>}
      </Group>

      {people.isPending && <Loading />}
      {people.isError && !people.data && (
        <Alert color="red" title={t('people.loadError')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{problemMessage(people.error)}</Text>
            <Button size="xs" variant="default" onClick={() => void people.refetch()}>{t('common.retry')}</Button>
          </Stack>
        </Alert>
      )}
      {people.data && items.length === 0 && (
        filtered
          ? <EmptyState icon={<IconSearch size={28} />} title={t('people.noMatch.title')} description={t('people.noMatch.body')} />
          : (
            <EmptyState icon={<IconPeople size={28} />} title={t('people.empty.title')} description={t('people.empty.body')}>
              {canEdit && (
                <Group gap="xs" justify="center">
                  <Button leftSection={<IconPlus size={16} />} onClick={openAdd}>{t('people.add')}</Button>
                  <Button component={Link} to="/import" variant="default" leftSection={<IconUpload size={16} />}>{t('people.import')}</Button>
                </Group>
              )}
            </EmptyState>
          )
      )}
      {items.length > 0 && (
        <Stack gap="sm">
          <PeopleTable people={items} onTag={setTag} onStep={setStep} />
          <Group justify="space-between">
            <Text size="sm" c="dimmed" aria-live="polite">{t('people.shown', { count: items.length })}</Text>
            {people.hasNextPage && (
              <Button variant="default" onClick={() => void people.fetchNextPage()} loading={people.isFetchingNextPage}>
                {t('common.loadMore')}
              </Button>
            )}
          </Group>
        </Stack>
      )}
      <AddPersonModal opened={adding} onClose={closeAdd} />
    </Stack>
  );
}
