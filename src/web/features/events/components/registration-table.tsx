import { Anchor, Button, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmModal } from '../../../components/confirm-modal.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { notifySuccess } from '../../../lib/problems.ts';
import { useCancelRegistration, type Registration } from '../api.ts';

type Props = { occurrenceId: string; id: string; title: string; items: Registration[]; showPosition?: boolean; canCancel: boolean; emptyText: string };

// One group of registrations; confirmed and waitlisted people can be cancelled for them (the waitlist moves up).
export function RegistrationTable({ occurrenceId, id, title, items, showPosition, canCancel, emptyText }: Props) {
  const { t } = useTranslation();
  const [cancelling, setCancelling] = useState<Registration | null>(null);
  const cancel = useCancelRegistration(occurrenceId);
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="xs">{t('events.registrations.heading', { title, count: items.length })}</Title>
      {items.length === 0 ? <Text c="dimmed" size="sm">{emptyText}</Text> : (
        <Table.ScrollContainer minWidth={620}>
          <Table aria-labelledby={id} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                {showPosition && <Table.Th>{t('events.registrations.position')}</Table.Th>}
                <Table.Th>{t('events.registrations.name')}</Table.Th>
                <Table.Th>{t('events.registrations.email')}</Table.Th>
                <Table.Th>{t('events.registrations.code')}</Table.Th>
                <Table.Th>{t('events.registrations.registeredAt')}</Table.Th>
                {canCancel && <Table.Th><VisuallyHidden>{t('events.registrations.actions')}</VisuallyHidden></Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id} aria-label={item.name}>
                  {showPosition && <Table.Td>{item.position}</Table.Td>}
                  <Table.Td>
                    {item.personId ? <Anchor component={Link} to={`/people/${item.personId}`}>{item.name}</Anchor> : item.name}
                    {item.source && <Text size="xs" c="dimmed">{t('events.registrations.source', { source: item.source })}</Text>}
                  </Table.Td>
                  <Table.Td>{item.email}</Table.Td>
                  <Table.Td><Text ff="monospace" size="sm">{item.checkInCode}</Text></Table.Td>
                  <Table.Td>{formatDateTime(item.createdAt)}</Table.Td>
                  {canCancel && (
                    <Table.Td>
                      <Button size="compact-sm" variant="subtle" color="red" onClick={() => setCancelling(item)}
                        aria-label={t('events.registrations.cancelFor', { name: item.name })}>{t('events.registrations.cancel')}</Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ConfirmModal opened={cancelling !== null} title={t('events.registrations.cancelTitle', { name: cancelling?.name ?? '' })}
        body={t('events.registrations.cancelBody')} confirmLabel={t('events.registrations.cancelConfirm')} pending={cancel.isPending}
        onClose={() => setCancelling(null)}
        onConfirm={() => cancelling && cancel.mutate(cancelling.id, {
          onSuccess: (registration) => { notifySuccess(t('events.registrations.cancelled', { name: registration.name })); setCancelling(null); },
        })} />
    </section>
  );
}
