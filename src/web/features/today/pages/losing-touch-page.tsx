import { Alert, Anchor, Button, EmptyState, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../../components/loading.tsx';
import { IconArrowLeft, IconCheck } from '../../../lib/icons.tsx';
import { problemMessage } from '../../../lib/problems.ts';
import { useCurrentSession } from '../../auth/api.ts';
import { useLosingTouch } from '../api.ts';
import { NudgeList } from '../components/nudge-list.tsx';

// Everyone whose keep-in-touch cadence is overdue, most overdue first: one finite list, not a feed.
export function LosingTouchPage() {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const list = useLosingTouch();

  return (
    <Stack gap="lg" maw={900}>
      <title>{`${t('today.losingTouch.title')} · ${t('app.name')}`}</title>
      <Anchor component={Link} to="/today" size="sm">
        <Group gap={4} component="span"><IconArrowLeft size={14} />{t('today.losingTouch.back')}</Group>
      </Anchor>
      <div>
        <Title order={1}>{t('today.losingTouch.title')}</Title>
        <Text c="dimmed">{t('today.losingTouch.intro')}</Text>
      </div>
      {list.isPending && <Loading />}
      {list.isError && !list.data && (
        <Alert color="red" title={t('today.losingTouch.loadError')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{problemMessage(list.error)}</Text>
            <Button size="xs" variant="default" onClick={() => void list.refetch()}>{t('common.retry')}</Button>
          </Stack>
        </Alert>
      )}
      {list.data && list.data.items.length === 0 && (
        <EmptyState icon={<IconCheck size={28} />} title={t('today.losingTouch.empty.title')} description={t('today.losingTouch.empty.body')} />
      )}
      {list.data && list.data.items.length > 0 && <NudgeList nudges={list.data.items} canEdit={user.role !== 'viewer'} />}
    </Stack>
  );
}
