import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmModal } from '../../../components/confirm-modal.tsx';
import { Loading } from '../../../components/loading.tsx';
import { IconArrowLeft } from '../../../lib/icons.tsx';
import { formatDateTime, fromLocalInput, toLocalInput } from '../../../lib/format.ts';
import { errorAt, notifyError, notifySuccess, problemMessage, serverFieldErrors, type FieldErrors } from '../../../lib/problems.ts';
import { useCurrentSession } from '../../auth/api.ts';
import { useBroadcast, useSaveBroadcast, useSendBroadcast, useTestSend, useUnschedule, type Broadcast } from '../api.ts';
import { BroadcastReport } from '../components/broadcast-report.tsx';
import { PreviewPane } from '../components/preview-pane.tsx';
import { SegmentPicker } from '../components/segment-picker.tsx';
import { StatusBadge } from '../components/status-badge.tsx';

type Draft = { subject: string; body: string; segment: { purpose: 'newsletter' | 'event_updates'; tags: string[]; minLadderStep: Broadcast['segment']['minLadderStep']; attendedOccurrenceIds: string[] } };
const empty: Draft = { subject: '', body: '', segment: { purpose: 'newsletter', tags: [], minLadderStep: null, attendedOccurrenceIds: [] } };

export function BroadcastPage() {
  const { id } = useParams();
  const broadcast = useBroadcast(id);
  const { t } = useTranslation();
  if (id && broadcast.isPending) return <Loading />;
  if (broadcast.isError) return <Alert color="red" title={t('broadcasts.loadError')}>{problemMessage(broadcast.error)}</Alert>;
  return <Composer key={id ?? 'new'} broadcast={broadcast.data} />;
}

function Composer({ broadcast }: { broadcast: Broadcast | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useCurrentSession();
  const [draft, setDraft] = useState<Draft>(() => (broadcast ? { subject: broadcast.subject, body: broadcast.body, segment: broadcast.segment } : empty));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [at, setAt] = useState(() => toLocalInput(new Date(Date.now() + 3600_000)));
  const [confirming, confirm] = useDisclosure(false);
  const save = useSaveBroadcast(broadcast?.id);
  const testSend = useTestSend();
  const send = useSendBroadcast();
  const unschedule = useUnschedule();
  const editable = user.role !== 'viewer' && (!broadcast || broadcast.status === 'draft' || broadcast.status === 'scheduled');
  useEffect(() => setErrors({}), [draft]);

  // Every action saves first, so what is tested or sent is what is on screen.
  const saved = async (): Promise<Broadcast | null> => {
    try {
      const result = await save.mutateAsync(draft);
      if (!broadcast) navigate(`/broadcasts/${result.id}`, { replace: true });
      return result;
    } catch (error) {
      setErrors(serverFieldErrors(error));
      notifyError(error);
      return null;
    }
  };
  const onSave = async () => { if (await saved()) notifySuccess(t('broadcasts.saved')); };
  // Promises, not mutate callbacks: saving a new draft moves to its own address, and the callbacks
  // of a component that has gone would never run.
  const onTest = async () => {
    const result = await saved();
    if (!result) return;
    try {
      const { to } = await testSend.mutateAsync(result.id);
      notifySuccess(t('broadcasts.testSent', { to }));
    } catch (error) {
      notifyError(error);
    }
  };
  const onSend = async (when: Date | null) => {
    const result = await saved();
    if (!result) return confirm.close();
    try {
      const b = await send.mutateAsync({ id: result.id, at: when });
      notifySuccess(when ? t('broadcasts.scheduled', { date: formatDateTime(b.scheduledAt!) }) : t('broadcasts.sending'));
    } catch (error) {
      setErrors(serverFieldErrors(error));
      notifyError(error);
    }
    confirm.close();
  };
  const scheduleAt = fromLocalInput(at);

  return (
    <Stack gap="lg" maw={1200}>
      <title>{`${broadcast?.subject || t('broadcasts.new')} · ${t('app.name')}`}</title>
      <Anchor component={Link} to="/broadcasts" size="sm"><Group gap={4}><IconArrowLeft />{t('broadcasts.back')}</Group></Anchor>
      <Group justify="space-between">
        <Title order={1}>{broadcast ? broadcast.subject : t('broadcasts.new')}</Title>
        {broadcast && <StatusBadge status={broadcast.status} />}
      </Group>
      {broadcast?.status === 'scheduled' && broadcast.scheduledAt && (
        <Alert color="blue" title={t('broadcasts.scheduledTitle')}>
          <Group justify="space-between">
            <Text size="sm">{t('broadcasts.scheduledBody', { date: formatDateTime(broadcast.scheduledAt) })}</Text>
            {editable && <Button variant="default" size="xs" loading={unschedule.isPending} onClick={() => unschedule.mutate(broadcast.id, { onError: notifyError })}>{t('broadcasts.unschedule')}</Button>}
          </Group>
        </Alert>
      )}
      {broadcast && <BroadcastReport broadcast={broadcast} />}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md" component="section" aria-labelledby="compose-title">
          <Stack gap="sm">
            <Title order={2} size="h4" id="compose-title">{t('broadcasts.compose')}</Title>
            <TextInput label={t('broadcasts.subject')} value={draft.subject} disabled={!editable} error={errorAt(errors, 'subject')}
              onChange={(event) => setDraft({ ...draft, subject: event.currentTarget.value })} />
            <Textarea label={t('broadcasts.body')} description={t('broadcasts.bodyHint')} autosize minRows={10} value={draft.body} disabled={!editable}
              error={errorAt(errors, 'body')} onChange={(event) => setDraft({ ...draft, body: event.currentTarget.value })} />
          </Stack>
        </Paper>
        <PreviewPane subject={draft.subject} body={draft.body} />
      </SimpleGrid>
      <SegmentPicker value={draft.segment} onChange={(segment) => setDraft({ ...draft, segment })} disabled={!editable} />
      {editable && (
        <Paper withBorder p="md" component="section" aria-labelledby="send-title">
          <Stack gap="sm">
            <Title order={2} size="h4" id="send-title">{t('broadcasts.sendTitle')}</Title>
            <Group>
              <Button variant="default" onClick={onSave} loading={save.isPending}>{t('broadcasts.save')}</Button>
              <Button variant="default" onClick={onTest} loading={testSend.isPending}>{t('broadcasts.test')}</Button>
              <Button onClick={confirm.open}>{t('broadcasts.sendNow')}</Button>
            </Group>
            <Group align="flex-end">
              <TextInput type="datetime-local" label={t('broadcasts.scheduleAt')} value={at} onChange={(event) => setAt(event.currentTarget.value)} error={errorAt(errors, 'at')} />
              <Button variant="light" disabled={!scheduleAt} loading={send.isPending} onClick={() => scheduleAt && onSend(scheduleAt)}>{t('broadcasts.schedule')}</Button>
            </Group>
          </Stack>
        </Paper>
      )}
      <ConfirmModal opened={confirming} title={t('broadcasts.confirmTitle')} body={t('broadcasts.confirmBody')} confirmLabel={t('broadcasts.sendNow')}
        pending={send.isPending || save.isPending} onConfirm={() => onSend(null)} onClose={confirm.close} />
    </Stack>
  );
}
