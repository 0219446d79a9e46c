import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ConfirmModal } from '../../../components/confirm-modal.tsx';
import { Loading } from '../../../components/loading.tsx';
import { IconPencil } from '../../../lib/icons.tsx';
import { notifySuccess, problemMessage } from '../../../lib/problems.ts';
import { useCurrentSession } from '../../auth/api.ts';
import { registrationsCsvUrl, useCancelOccurrence, useOccurrence, useRegistrations, type Occurrence } from '../api.ts';
import { MessageForm } from '../components/message-form.tsx';
import { OccurrenceEditModal } from '../components/occurrence-edit-modal.tsx';
import { PlacesBadge } from '../components/places-badge.tsx';
import { PublicLink } from '../components/public-link.tsx';
import { RegistrationTable } from '../components/registration-table.tsx';
import { formatSpan } from '../event-format.ts';

function Figures({ occurrence }: { occurrence: Occurrence }) {
  const { t } = useTranslation();
  const figures = [
    { label: t('events.occurrence.confirmed'), value: occurrence.confirmed },
    { label: t('events.occurrence.placesLeft'), value: occurrence.placesLeft },
    { label: t('events.occurrence.waitlisted'), value: occurrence.waitlisted },
    { label: t('events.occurrence.capacity'), value: occurrence.capacity },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} component="dl" m={0}>
      {figures.map((figure) => (
        <Paper key={figure.label} withBorder p="sm">
          <Text component="dt" size="sm" c="dimmed">{figure.label}</Text>
          <Text component="dd" m={0} fz={28} fw={700}>{figure.value}</Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

// One date of an event: who is coming, who waits (in order), who cancelled; the door, the CSV and a message.
export function OccurrencePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useCurrentSession();
  const canEdit = user.role !== 'viewer';
  const occurrence = useOccurrence(id);
  const registrations = useRegistrations(id);
  const cancel = useCancelOccurrence(id);
  const [editing, edit] = useDisclosure(false);
  const [cancelling, askCancel] = useDisclosure(false);
  if (occurrence.isPending) return <Loading />;
  if (occurrence.isError) return <Alert color="red" title={t('events.loadError')}>{problemMessage(occurrence.error)}</Alert>;
  const item = occurrence.data;
  const groups = registrations.data;
  const open = item.status === 'scheduled';
  return (
    <Stack gap="lg">
      <title>{`${item.title} · ${t('app.name')}`}</title>
      <Anchor component={Link} to="/events" size="sm">{t('events.back')}</Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm"><Title order={1}>{item.title}</Title><PlacesBadge occurrence={item} /></Group>
          <Text>{formatSpan(item.startsAt, item.endsAt, item.timezone)} <Text span c="dimmed">({item.timezone})</Text></Text>
          {(item.venue || item.address) && <Text>{[item.venue, item.address].filter(Boolean).join(', ')}</Text>}
          {item.onlineUrl && <Anchor href={item.onlineUrl} target="_blank" rel="noopener noreferrer">{item.onlineUrl}</Anchor>}
          {item.detached && <Badge variant="outline" color="gray" mt={4}>{t('events.occurrence.detached')}</Badge>}
        </div>
        <Group gap="xs">
          {open && canEdit && <Button component={Link} to={`/events/occurrences/${id}/door`}>{t('events.occurrence.door')}</Button>}
          <Button component="a" href={registrationsCsvUrl(id)} download variant="default">{t('events.occurrence.csv')}</Button>
          {canEdit && <Button component={Link} to={`/events/series/${item.seriesId}`} variant="default">{t('events.occurrence.series')}</Button>}
          {open && canEdit && <Button variant="default" leftSection={<IconPencil size={16} />} onClick={edit.open}>{t('events.occurrence.edit')}</Button>}
          {open && canEdit && <Button variant="default" color="red" onClick={askCancel.open}>{t('events.occurrence.cancel')}</Button>}
        </Group>
      </Group>
      <PublicLink slug={item.slug} />
      <Figures occurrence={item} />

      {registrations.isPending && <Loading />}
      {registrations.isError && <Alert color="red" title={t('events.loadError')}>{problemMessage(registrations.error)}</Alert>}
      {groups && (
        <>
          <RegistrationTable occurrenceId={id} id="group-confirmed" title={t('events.groups.confirmed')} canCancel={canEdit && open}
            items={groups.confirmed.filter((r) => r.status === 'confirmed')} emptyText={t('events.groups.noneConfirmed')} />
          <RegistrationTable occurrenceId={id} id="group-waitlist" title={t('events.groups.waitlist')} showPosition canCancel={canEdit && open}
            items={groups.waitlist} emptyText={t('events.groups.noneWaitlist')} />
          <RegistrationTable occurrenceId={id} id="group-attended" title={t('events.groups.attended')} canCancel={false}
            items={groups.confirmed.filter((r) => r.status === 'attended')} emptyText={t('events.groups.noneAttended')} />
          <RegistrationTable occurrenceId={id} id="group-cancelled" title={t('events.groups.cancelled')} canCancel={false}
            items={groups.cancelled} emptyText={t('events.groups.noneCancelled')} />
          {groups.noShow.length > 0 && <RegistrationTable occurrenceId={id} id="group-no-show" title={t('events.groups.noShow')} canCancel={false}
            items={groups.noShow} emptyText="" />}
        </>
      )}
      {canEdit && <MessageForm occurrenceId={id} />}

      {canEdit && editing && <OccurrenceEditModal occurrence={item} opened onClose={edit.close} />}
      <ConfirmModal opened={cancelling} title={t('events.occurrence.cancelTitle', { title: item.title })} body={t('events.occurrence.cancelBody')}
        confirmLabel={t('events.occurrence.cancelConfirm')} pending={cancel.isPending} onClose={askCancel.close}
        onConfirm={() => cancel.mutate(undefined, { onSuccess: () => { notifySuccess(t('events.occurrence.cancelledNotice')); askCancel.close(); } })} />
    </Stack>
  );
}
