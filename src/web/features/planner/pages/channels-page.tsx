import { ActionIcon, Alert, Anchor, Badge, Button, Group, Modal, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmModal } from '../../../components/confirm-modal.tsx';
import { Loading } from '../../../components/loading.tsx';
import { IconArrowLeft, IconPencil, IconPlus, IconTrash } from '../../../lib/icons.tsx';
import { notifySuccess, problemMessage } from '../../../lib/problems.ts';
import { useCurrentSession } from '../../auth/api.ts';
import { useChannels, useCreateChannel, useRemoveChannel, useUpdateChannel, type Channel } from '../api.ts';
import { ChannelForm } from '../components/channel-form.tsx';
import { PlannerSettingsForm } from '../components/planner-settings-form.tsx';
import { weekdayNames } from '../components/slots-editor.tsx';

function EditChannel({ channel, zone, onDone }: { channel: Channel | null; zone: string; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateChannel();
  const update = useUpdateChannel(channel?.id ?? '');
  const pending = create.isPending || update.isPending;
  return (
    <ChannelForm channel={channel ?? undefined} defaultZone={zone} pending={pending}
      onSubmit={(input, handlers) => {
        const done = { ...handlers, onSuccess: () => { notifySuccess(t('planner.channels.saved')); onDone(); } };
        if (channel) update.mutate(input, done);
        else create.mutate(input, done);
      }} />
  );
}

// The channels posts go to, with their slots and cadence goals, and the holidays and pillar targets.
export function ChannelsPage() {
  const { t } = useTranslation();
  const { user, workspace } = useCurrentSession();
  const channels = useChannels();
  const remove = useRemoveChannel();
  const [editing, setEditing] = useState<Channel | 'new' | null>(null);
  const [removing, setRemoving] = useState<Channel | null>(null);
  const isOwner = user.role === 'owner';
  const days = weekdayNames('short');
  return (
    <Stack gap="lg">
      <title>{`${t('planner.channels.title')} · ${t('app.name')}`}</title>
      <Anchor component={Link} to="/planner" size="sm"><Group gap={4}><IconArrowLeft size={14} />{t('planner.editor.back')}</Group></Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{t('planner.channels.title')}</Title>
          <Text c="dimmed">{t('planner.channels.intro')}</Text>
        </div>
        {isOwner && <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>{t('planner.channels.add')}</Button>}
      </Group>
      {channels.isPending ? <Loading /> : channels.isError ? <Alert color="red">{problemMessage(channels.error)}</Alert> : channels.data.items.length === 0 ? (
        <Text c="dimmed">{t('planner.channels.empty')}</Text>
      ) : (
        <Table aria-label={t('planner.channels.title')} verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('planner.channels.name')}</Table.Th><Table.Th>{t('planner.channels.mode')}</Table.Th>
              <Table.Th>{t('planner.channels.slots')}</Table.Th><Table.Th>{t('planner.channels.cadence')}</Table.Th><Table.Th><VisuallyHidden>{t('planner.channels.edit')}</VisuallyHidden></Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {channels.data.items.map((channel) => (
              <Table.Tr key={channel.id}>
                <Table.Td><Text fw={500}>{channel.name}</Text><Text size="xs" c="dimmed">{t(`platforms.${channel.platform}`)}{channel.account ? ` · ${channel.account}` : ''}</Text></Table.Td>
                <Table.Td><Badge variant="light" color={channel.mode === 'api' ? 'teal' : 'gray'}>{t(`planner.channels.modes.${channel.mode}`)}</Badge></Table.Td>
                <Table.Td>
                  <Text size="sm">{channel.slots.length ? channel.slots.map((s) => `${days[s.weekday - 1]} ${s.time}`).join(', ') : t('planner.channels.slotsNone')}</Text>
                  <Text size="xs" c="dimmed">{channel.timezone}</Text>
                </Table.Td>
                <Table.Td>{t('planner.channels.perWeek', { count: channel.cadencePerWeek })}</Table.Td>
                <Table.Td>
                  {isOwner && (
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <ActionIcon variant="subtle" onClick={() => setEditing(channel)} aria-label={`${t('planner.channels.edit')}: ${channel.name}`}><IconPencil size={16} /></ActionIcon>
                      <ActionIcon variant="subtle" color="red" onClick={() => setRemoving(channel)} aria-label={`${t('planner.channels.remove')}: ${channel.name}`}><IconTrash size={16} /></ActionIcon>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <PlannerSettingsForm canEdit={isOwner} />
      <Modal opened={editing !== null} onClose={() => setEditing(null)} size="lg"
        title={editing === 'new' ? t('planner.channels.add') : `${t('planner.channels.edit')}: ${editing?.name ?? ''}`}>
        {editing !== null && <EditChannel channel={editing === 'new' ? null : editing} zone={workspace.timezone} onDone={() => setEditing(null)} />}
      </Modal>
      <ConfirmModal opened={removing !== null} title={t('planner.channels.remove')} body={t('planner.channels.removeConfirm', { name: removing?.name ?? '' })}
        confirmLabel={t('planner.channels.remove')} pending={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing.id, { onSuccess: () => { notifySuccess(t('planner.channels.removed')); setRemoving(null); } })}
        onClose={() => setRemoving(null)} />
    </Stack>
  );
}
