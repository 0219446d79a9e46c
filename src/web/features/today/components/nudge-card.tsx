import { ActionIcon, Anchor, Badge, Button, Group, Menu, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IconDots } from '../../../lib/icons.tsx';
import { notifySuccess } from '../../../lib/problems.ts';
import { PlanTouchModal } from '../../plans/components/plan-touch-modal.tsx';
import { useNudgeAction, type Nudge } from '../api.ts';
import { nudgeReason } from '../nudge-reason.ts';

const snoozeDays = 7;
const confirmations = {
  called: 'today.actions.calledLogged',
  done: 'today.actions.markedDone',
  snooze: 'today.actions.snoozed',
  dismiss: 'today.actions.dismissed',
} as const;

// One nudge: who, why in plain words, and one thing to do about it; the rest waits in a menu.
export function NudgeCard({ nudge, canEdit }: { nudge: Nudge; canEdit: boolean }) {
  const { t } = useTranslation();
  const act = useNudgeAction();
  const [planning, plan] = useDisclosure(false);
  const person = { id: nudge.personId, name: nudge.personName };
  const isCall = nudge.rule === 'call';

  const run = (action: 'done' | 'snooze' | 'dismiss') => act.mutate(
    { key: nudge.key, action, snoozeDays: action === 'snooze' ? snoozeDays : undefined },
    { onSuccess: () => notifySuccess(t(confirmations[action === 'done' && isCall ? 'called' : action], { name: nudge.personName })) },
  );

  return (
    <Paper component="li" withBorder p="md">
      <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
        <Stack gap={4} miw={0}>
          <Group gap="xs">
            <Anchor component={Link} to={`/people/${nudge.personId}`} fw={600}>{nudge.personName}</Anchor>
            <Badge variant="light" color="gray" tt="none">{t(`today.rules.${nudge.rule}`)}</Badge>
          </Group>
          <Text>{nudgeReason(t, nudge)}</Text>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {isCall && canEdit
            ? <Button onClick={plan.open}>{t('today.actions.planCall')}</Button>
            : <Button component={Link} to={`/people/${nudge.personId}`} variant={isCall ? 'filled' : 'light'}>{t('today.actions.open')}</Button>}
          {canEdit && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="default" size="lg" loading={act.isPending} aria-label={t('today.actions.more', { name: nudge.personName })}>
                  <IconDots />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => run('done')}>{isCall ? t('today.actions.called') : t('today.actions.done')}</Menu.Item>
                <Menu.Item onClick={() => run('snooze')}>{t('today.actions.snooze')}</Menu.Item>
                <Menu.Item onClick={() => run('dismiss')}>{t('today.actions.dismiss')}</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      </Group>
      {isCall && canEdit && <PlanTouchModal opened={planning} onClose={plan.close} person={person} nudgeKey={nudge.key} />}
    </Paper>
  );
}
