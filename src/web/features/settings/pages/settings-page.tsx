import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentSession } from '../../auth/api.ts';
import { CalendarFeed } from '../components/calendar-feed.tsx';
import { InvitationForm } from '../components/invitation-form.tsx';
import { MembersTable } from '../components/members-table.tsx';
import { NudgeSettings } from '../components/nudge-settings.tsx';
import { WorkspaceForm } from '../components/workspace-form.tsx';

export function SettingsPage() {
  const { t } = useTranslation();
  const { user, workspace } = useCurrentSession();
  const isOwner = user.role === 'owner';
  return (
    <Stack gap="lg" maw={900}>
      <title>{`${t('settings.title')} · ${t('app.name')}`}</title>
      <Title order={1}>{t('settings.title')}</Title>
      <WorkspaceForm workspace={workspace} canEdit={isOwner} />
      <NudgeSettings canEdit={isOwner} />
      <CalendarFeed />
      <MembersTable currentUserId={user.id} />
      {isOwner && <InvitationForm />}
    </Stack>
  );
}
