import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ConfirmModal } from '../../../components/confirm-modal.tsx';
import { Loading } from '../../../components/loading.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { notifySuccess, problemMessage } from '../../../lib/problems.ts';
import { useConsent, useSuppress, type ConsentLookup, type ConsentState } from '../api.ts';
import { InPersonConsentForm } from './in-person-consent-form.tsx';

const stateColors: Record<ConsentState, string> = { subscribed: 'green', pending: 'yellow', unsubscribed: 'gray', expired: 'orange', none: 'gray' };
const purposes = ['newsletter', 'event_updates'] as const;

export function ConsentSection({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const [email, setEmail] = useState('');
  const [invalid, setInvalid] = useState(false);
  const consent = useConsent(email);

  const lookUp = (address: string) => {
    const trimmed = address.trim();
    if (!z.email().safeParse(trimmed).success) return setInvalid(true);
    setInvalid(false);
    setDraft(trimmed);
    setEmail(trimmed);
  };

  return (
    <>
      <Paper withBorder p="md" component="section" aria-labelledby="consent-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="consent-title">{t('audience.consent.title')}</Title>
          <Text size="sm" c="dimmed">{t('audience.consent.intro')}</Text>
          <form role="search" aria-labelledby="consent-title" noValidate onSubmit={(event) => { event.preventDefault(); lookUp(draft); }}>
            <Group align="flex-start" gap="sm">
              <TextInput type="email" label={t('audience.consent.email')} value={draft} w={320} autoComplete="off"
                onChange={(event) => { setDraft(event.currentTarget.value); setInvalid(false); }} error={invalid ? t('validation.email') : undefined} />
              <Button type="submit" mt={25} variant="default">{t('audience.consent.lookup')}</Button>
            </Group>
          </form>
          {email && consent.isPending && <Loading />}
          {consent.isError && <Alert color="red" title={t('audience.consent.loadError')}>{problemMessage(consent.error)}</Alert>}
          {consent.data && <ConsentResult lookup={consent.data} canEdit={canEdit} />}
        </Stack>
      </Paper>
      {canEdit && <InPersonConsentForm onRecorded={lookUp} />}
    </>
  );
}

function ConsentResult({ lookup, canEdit }: { lookup: ConsentLookup; canEdit: boolean }) {
  const { t } = useTranslation();
  const [confirming, confirm] = useDisclosure(false);
  const suppress = useSuppress();
  return (
    <Stack gap="sm" aria-live="polite">
      <Title order={3} size="h5">{t('audience.consent.statesTitle', { email: lookup.email })}</Title>
      <Group gap="lg">
        {purposes.map((purpose) => (
          <Group gap="xs" key={purpose}>
            <Text size="sm" fw={600}>{t(`audience.purposes.${purpose}`)}</Text>
            <Badge color={stateColors[lookup.states[purpose]]} variant="dot">{t(`audience.states.${lookup.states[purpose]}`)}</Badge>
          </Group>
        ))}
      </Group>
      {lookup.suppressed ? (
        <Alert color="red" title={t('audience.consent.suppressed')}>
          {t('audience.consent.suppressedBody', { date: formatDate(lookup.suppressed.since), reason: lookup.suppressed.reason })}
        </Alert>
      ) : (
        <Group justify="space-between">
          <Text size="sm">{t('audience.consent.notSuppressed')}</Text>
          {canEdit && <Button color="red" variant="default" onClick={confirm.open}>{t('audience.consent.suppress')}</Button>}
        </Group>
      )}
      <Title order={3} size="h5">{t('audience.consent.records')}</Title>
      {lookup.records.length === 0 ? <Text size="sm" c="dimmed">{t('audience.consent.noRecords')}</Text> : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs">
            <Table.Caption>{t('audience.consent.recordsCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('audience.consent.when')}</Table.Th>
                <Table.Th scope="col">{t('audience.consent.what')}</Table.Th>
                <Table.Th scope="col">{t('audience.consent.how')}</Table.Th>
                <Table.Th scope="col">{t('audience.consent.wording')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lookup.records.map((record) => (
                <Table.Tr key={record.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(record.occurredAt)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{`${t(`audience.actions.${record.action}`)}: ${t(`audience.purposes.${record.purpose}`)}`}</Text>
                    <Text size="xs" c="dimmed">
                      {t(`audience.bases.${record.basis}`)}
                      {record.expiresAt && ` · ${t('audience.consent.expires', { date: formatDate(record.expiresAt) })}`}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`audience.methods.${record.method}`)}{record.form && ` · ${record.form}`}</Text>
                    {(record.ip || record.userAgent) && <Text size="xs" c="dimmed">{[record.ip, record.userAgent].filter(Boolean).join(' · ')}</Text>}
                  </Table.Td>
                  <Table.Td>
                    {record.wording ? <Text size="sm">{`“${record.wording}”`}</Text> : <Text size="sm" c="dimmed">{t('audience.consent.noWording')}</Text>}
                    {record.wordingVersion && <Text size="xs" c="dimmed">{t('audience.consent.version', { version: record.wordingVersion })}</Text>}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ConfirmModal opened={confirming} onClose={confirm.close} pending={suppress.isPending} confirmLabel={t('audience.consent.suppressConfirm')}
        title={t('audience.consent.suppressTitle', { email: lookup.email })} body={t('audience.consent.suppressBody')}
        onConfirm={() => suppress.mutate(lookup.email, {
          onSuccess: () => {
            confirm.close();
            notifySuccess(t('audience.consent.suppressedDone', { email: lookup.email }));
          },
        })} />
    </Stack>
  );
}
