import { Radio, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNames, isFormatName, type FormatName } from '../formats.ts';

// Every format with one line on where to get that export.
export function FormatPicker({ value, onChange, disabled }: { value: FormatName; onChange: (format: FormatName) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <Radio.Group label={t('imports.formatLegend')} value={value} onChange={(v) => isFormatName(v) && onChange(v)}>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" verticalSpacing="sm" mt="xs">
        {formatNames.map((format) => (
          <Radio key={format} value={format} disabled={disabled} label={t(`imports.formats.${format}.label`)}
            description={t(`imports.formats.${format}.hint`)} />
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}
