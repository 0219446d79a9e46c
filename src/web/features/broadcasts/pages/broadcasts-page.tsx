import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../../components/loading.tsx';
import { IconPlus } from '../../../lib/icons.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { problemMessage } from '../../../lib/problems.ts';
import { useCurrentSession } from '../../auth/api.ts';
import { useBroadcasts, type Broadcast } from '../api.ts';
import { StatusBadge } from '../components/status-badge.tsx';

export function BroadcastsPage() {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const broadcasts = useBroadcasts();
  return (
    <Stack gap="lg" maw={960}>
      <title>{`${t('nav.broadcasts')} · ${t('app.name')}`}</title>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{t('nav.broadcasts')}</Title>
          <Text c="dimmed">{t('broadcasts.intro')}</Text>
        </div>
        {user.role !== 'viewer' && <Button component={Link} to="/broadcasts/new" leftSection={<IconPlus />}>{t('broadcasts.new')}</Button>}
      </Group>
      {broadcasts.isPending && <Loading />}
      {broadcasts.isError && <Alert color="red" title={t('broadcasts.loadError')}>{problemMessage(broadcasts.error)}</Alert>}
      {broadcasts.data && (broadcasts.data.items.length === 0
        ? <Text c="dimmed">{t('broadcasts.empty')}</Text>
        : <BroadcastTable items={broadcasts.data.items} />)}
    </Stack>
  );
}

function BroadcastTable({ items }: { items: Broadcast[] }) {
  const { t } = useTranslation();
  return (
    <Table striped highlightOnHover>
      <Table.Caption>{t('broadcasts.caption')}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('broadcasts.subject')}</Table.Th>
          <Table.Th>{t('broadcasts.status')}</Table.Th>
          <Table.Th>{t('broadcasts.when')}</Table.Th>
          <Table.Th>{t('broadcasts.report.sent')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((b) => (
          <Table.Tr key={b.id}>
            <Table.Td><Anchor component={Link} to={`/broadcasts/${b.id}`}>{b.subject}</Anchor></Table.Td>
            <Table.Td><StatusBadge status={b.status} /></Table.Td>
            <Table.Td>{formatDateTime(b.finishedAt ?? b.startedAt ?? b.scheduledAt ?? b.updatedAt)}</Table.Td>
            <Table.Td>{b.report ? <Badge variant="light">{t('broadcasts.sentOf', { sent: b.report.sent, recipients: b.report.recipients })}</Badge> : '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
