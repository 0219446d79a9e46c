import { Accordion, Alert, MultiSelect, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { hasIdentity, listFields, platforms, singleFields, type ColumnMapping, type MappingKey } from '../csv-header.ts';

export type CsvHeader =
  | { state: 'read'; file: string; columns: string[] }
  | { state: 'unreadable'; file: string }
  | { state: 'zip' };

type Props = { header: CsvHeader; mapping: ColumnMapping; disabled?: boolean; onChange: (mapping: ColumnMapping) => void };

// Which column holds what: a choice per field of ours, prefilled from the header names.
export function CsvMapping({ header, mapping, disabled, onChange }: Props) {
  const { t } = useTranslation();
  if (header.state === 'zip') return <Alert color="gray">{t('imports.mapping.fromZip')}</Alert>;
  if (header.state === 'unreadable') return <Alert color="gray">{t('imports.mapping.unreadable', { file: header.file })}</Alert>;

  // A header may repeat a name or leave one empty; each column is offered once.
  const columns = [...new Set(header.columns.filter((c) => c !== ''))];
  const set = (key: MappingKey, value: string[]) => onChange({ ...mapping, [key]: value });
  const single = (key: MappingKey, label: string) => (
    <Select key={key} label={label} data={columns} value={mapping[key]?.[0] ?? null} clearable searchable disabled={disabled}
      placeholder={t('imports.mapping.notInFile')} onChange={(value) => set(key, value ? [value] : [])} />
  );
  const profilesChosen = platforms.filter((p) => (mapping[p]?.length ?? 0) > 0).length;

  return (
    <Stack gap="sm" component="section" aria-labelledby="csv-mapping-title">
      <div>
        <Title order={2} size="h4" id="csv-mapping-title">{t('imports.mapping.title')}</Title>
        <Text size="sm" c="dimmed">{t('imports.mapping.intro')}</Text>
        <Text size="sm" c="dimmed">{t('imports.mapping.found', { count: columns.length, file: header.file })}</Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {singleFields.map((field) => single(field, t(`imports.mapping.fields.${field}`)))}
        {listFields.map((field) => (
          <MultiSelect key={field} label={t(`imports.mapping.fields.${field}`)} description={t('imports.mapping.several')} data={columns}
            value={mapping[field] ?? []} clearable searchable disabled={disabled}
            placeholder={(mapping[field]?.length ?? 0) === 0 ? t('imports.mapping.notInFile') : undefined}
            onChange={(value) => set(field, value)} />
        ))}
      </SimpleGrid>
      <Accordion variant="contained">
        <Accordion.Item value="profiles">
          <Accordion.Control>{`${t('imports.mapping.profiles')} (${t('imports.mapping.profilesChosen', { count: profilesChosen })})`}</Accordion.Control>
          <Accordion.Panel>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
              {platforms.map((platform) => single(platform, t(`platforms.${platform}`)))}
            </SimpleGrid>
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
      {!hasIdentity(mapping) && <Alert variant="outline" color="red" role="alert">{t('imports.mapping.needsIdentity')}</Alert>}
    </Stack>
  );
}
