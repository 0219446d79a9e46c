import { Alert, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/loading.tsx';
import { formatDate } from '../../../lib/format.ts';
import { problemMessage } from '../../../lib/problems.ts';
import { useMembers } from '../api.ts';

export function MembersTable({ currentUserId }: { currentUserId: string }) {
  const { t } = useTranslation();
  const members = useMembers();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="members-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="members-title">{t('settings.members.title')}</Title>
        {members.isPending && <Loading />}
        {members.isError && <Alert color="red" title={t('settings.members.loadError')}>{problemMessage(members.error)}</Alert>}
        {members.data && (
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing="xs">
              <Table.Caption>{t('settings.members.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('settings.members.name')}</Table.Th>
                  <Table.Th scope="col">{t('settings.members.email')}</Table.Th>
                  <Table.Th scope="col">{t('settings.members.role')}</Table.Th>
                  <Table.Th scope="col">{t('settings.members.since')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.data.items.map((member) => (
                  <Table.Tr key={member.id}>
                    <Table.Td>
                      {member.name}
                      {member.id === currentUserId && <Text span c="dimmed">{` (${t('settings.members.you')})`}</Text>}
                    </Table.Td>
                    <Table.Td>{member.email}</Table.Td>
                    <Table.Td>{t(`roles.${member.role}`)}</Table.Td>
                    <Table.Td>{formatDate(member.createdAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
