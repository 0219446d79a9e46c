import { Alert, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/loading.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { problemMessage } from '../../../lib/problems.ts';
import { useImportHistory } from '../api.ts';

export function ImportHistory() {
  const { t } = useTranslation();
  const history = useImportHistory();
  const items = history.data?.items ?? [];
  return (
    <Stack gap="sm" component="section" aria-labelledby="import-history-title">
      <Title order={2} size="h3" id="import-history-title">{t('imports.history.title')}</Title>
      {history.isPending && <Loading />}
      {history.isError && !history.data && (
        <Alert color="red" title={t('imports.history.loadError')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{problemMessage(history.error)}</Text>
            <Button size="xs" variant="default" onClick={() => void history.refetch()}>{t('common.retry')}</Button>
          </Stack>
        </Alert>
      )}
      {history.data && items.length === 0 && <Text c="dimmed">{t('imports.history.empty')}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover>
            <Table.Caption>{t('imports.history.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('imports.history.when')}</Table.Th>
                <Table.Th scope="col">{t('imports.history.format')}</Table.Th>
                <Table.Th scope="col">{t('imports.history.file')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('imports.history.created')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('imports.history.updated')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('imports.history.touches')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('imports.history.rejected')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id ?? item.createdAt.toISOString()}>
                  <Table.Td>{formatDateTime(item.createdAt)}</Table.Td>
                  <Table.Td>{t(`imports.formats.${item.format}.label`)}</Table.Td>
                  <Table.Td maw={280}><Text size="sm" truncate title={item.filename}>{item.filename}</Text></Table.Td>
                  <Table.Td ta="right">{item.report.peopleCreated}</Table.Td>
                  <Table.Td ta="right">{item.report.peopleUpdated}</Table.Td>
                  <Table.Td ta="right">{item.report.interactionsAdded}</Table.Td>
                  <Table.Td ta="right">{item.report.rejected.length}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
