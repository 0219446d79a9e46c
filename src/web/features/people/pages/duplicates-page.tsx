import { Alert, Anchor, Button, EmptyState, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmModal } from '../../../components/confirm-modal.tsx';
import { Loading } from '../../../components/loading.tsx';
import { IconArrowLeft, IconCheck } from '../../../lib/icons.tsx';
import { notifySuccess, problemMessage } from '../../../lib/problems.ts';
import { useCurrentSession } from '../../auth/api.ts';
import { useDismissDuplicate, useDuplicates, useMergePeople, type DuplicatePair } from '../api.ts';
import { DuplicatePairCard } from '../components/duplicate-pair.tsx';

type Side = DuplicatePair['a'];

export function DuplicatesPage() {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const canEdit = user.role !== 'viewer';
  const duplicates = useDuplicates();
  const merge = useMergePeople();
  const dismiss = useDismissDuplicate();
  // The pair stays set while the dialog fades out, so its text does not flicker away.
  const [merging, setMerging] = useState<{ survivor: Side; other: Side } | null>(null);
  const [confirming, confirm] = useDisclosure(false);
  const pairKey = (pair: DuplicatePair) => `${pair.a.id}:${pair.b.id}`;
  const items = duplicates.data?.items ?? [];

  const confirmMerge = () => {
    if (!merging) return;
    const { survivor, other } = merging;
    merge.mutate({ survivorId: survivor.id, otherId: other.id }, {
      onSuccess: (person) => {
        confirm.close();
        notifySuccess(t('duplicates.merged', { other: other.name, survivor: person.name }));
      },
    });
  };

  return (
    <Stack gap="lg" maw={1000}>
      <title>{`${t('duplicates.title')} · ${t('app.name')}`}</title>
      <Anchor component={Link} to="/people" size="sm">
        <Group gap={4} component="span"><IconArrowLeft size={14} />{t('duplicates.back')}</Group>
      </Anchor>
      <div>
        <Title order={1}>{t('duplicates.title')}</Title>
        <Text c="dimmed">{t('duplicates.intro')}</Text>
      </div>
      {duplicates.isPending && <Loading />}
      {duplicates.isError && !duplicates.data && (
        <Alert color="red" title={t('duplicates.loadError')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{problemMessage(duplicates.error)}</Text>
            <Button size="xs" variant="default" onClick={() => void duplicates.refetch()}>{t('common.retry')}</Button>
          </Stack>
        </Alert>
      )}
      {duplicates.data && items.length === 0 && (
        <EmptyState icon={<IconCheck size={28} />} title={t('duplicates.empty.title')} description={t('duplicates.empty.body')} />
      )}
      {items.length > 0 && (
        <Stack component="ul" className="plain-list" gap="md" aria-label={t('duplicates.listLabel')}>
          {items.map((pair) => (
            <DuplicatePairCard key={pairKey(pair)} pair={pair} canEdit={canEdit}
              dismissing={dismiss.isPending && dismiss.variables?.aId === pair.a.id && dismiss.variables.bId === pair.b.id}
              onMerge={(survivor, other) => {
                setMerging({ survivor, other });
                confirm.open();
              }}
              onDismiss={() => dismiss.mutate({ aId: pair.a.id, bId: pair.b.id }, {
                onSuccess: () => notifySuccess(t('duplicates.dismissed', { a: pair.a.name, b: pair.b.name })),
              })} />
          ))}
        </Stack>
      )}
      <ConfirmModal opened={confirming} onClose={confirm.close} pending={merge.isPending}
        confirmLabel={t('duplicates.confirm.submit')}
        title={merging ? t('duplicates.confirm.title', { other: merging.other.name, survivor: merging.survivor.name }) : ''}
        body={merging ? t('duplicates.confirm.body', { other: merging.other.name, survivor: merging.survivor.name }) : ''}
        onConfirm={confirmMerge} />
    </Stack>
  );
}
