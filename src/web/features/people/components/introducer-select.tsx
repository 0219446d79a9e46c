import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeopleLookup, usePerson } from '../api.ts';

type Props = { value: string | null; onChange: (id: string | null) => void; excludeId?: string; error?: string };

// Who introduced them: a search over the workspace's people, answered by the server.
export function IntroducerSelect({ value, onChange, excludeId, error }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const lookup = usePeopleLookup(q);
  const current = usePerson(value ?? '', { enabled: Boolean(value) });

  const options = useMemo(() => {
    const found = (lookup.data?.items ?? []).filter((p) => p.id !== excludeId).map((p) => ({ value: p.id, label: p.name }));
    // The chosen one stays selectable (and named) even when the current search does not find them.
    if (value && current.data && !found.some((o) => o.value === value)) found.unshift({ value, label: current.data.name });
    return found;
  }, [lookup.data, current.data, value, excludeId]);

  return (
    <Select label={t('personForm.introducedBy')} placeholder={t('personForm.introducedByPlaceholder')} searchable clearable
      data={options} value={value} onChange={onChange} searchValue={search} onSearchChange={setSearch}
      // The server has already searched: show its answers as they are.
      filter={({ options: all }) => all} nothingFoundMessage={t('personForm.introducedByNothing')} error={error} />
  );
}
