import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReportView, ImportResultView } from '../api.ts';

const numbers = ['peopleCreated', 'peopleUpdated', 'peopleUnchanged', 'recordsMerged', 'interactionsAdded', 'interactionsAlreadyThere'] as const;

// What a preview would do or an import did: the numbers, then every row that was left out and why.
export function ImportReport({ result, children }: { result: ImportResultView; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const { report } = result;
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <div>
          <Title order={2} size="h3" id={headingId}>{result.dryRun ? t('imports.report.previewTitle') : t('imports.report.doneTitle')}</Title>
          <Text size="sm" c="dimmed">
            {result.dryRun ? t('imports.report.previewHint') : t('imports.report.doneHint', { file: result.filename })}
          </Text>
        </div>
        <SimpleGrid component="ul" className="plain-list" cols={{ base: 2, sm: 3 }} spacing="sm" aria-label={t('imports.report.numbers')}>
          {numbers.map((key) => (
            <li key={key}>
              <Text fz={28} fw={700} lh={1.2}>{number.format(report[key])}</Text>
              <Text size="sm">{t(`imports.report.${key}`, { count: report[key] })}</Text>
            </li>
          ))}
        </SimpleGrid>
        <RejectedRows rejected={report.rejected} />
        {children}
      </Stack>
    </Paper>
  );
}

function RejectedRows({ rejected }: { rejected: ImportReportView['rejected'] }) {
  const { t } = useTranslation();
  const headingId = useId();
  if (rejected.length === 0) return null;
  const withFile = rejected.some((row) => row.file);
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <div>
        <Title order={3} size="h4" id={headingId}>{t('imports.rejected.title')}</Title>
        <Text size="sm">{t('imports.rejected.intro', { count: rejected.length })}</Text>
      </div>
      <Table.ScrollContainer minWidth={400} maxHeight={360}>
        <Table striped withTableBorder stickyHeader aria-labelledby={headingId}>
          <Table.Thead>
            <Table.Tr>
              {withFile && <Table.Th scope="col">{t('imports.rejected.file')}</Table.Th>}
              <Table.Th scope="col">{t('imports.rejected.line')}</Table.Th>
              <Table.Th scope="col">{t('imports.rejected.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rejected.map((row, index) => (
              <Table.Tr key={`${row.file ?? ''}:${row.line}:${index}`}>
                {withFile && <Table.Td>{row.file ?? ''}</Table.Td>}
                <Table.Td>{row.line}</Table.Td>
                <Table.Td>{row.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
