import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentSession } from '../../auth/api.ts';
import { ConsentSection } from '../components/consent-section.tsx';
import { PublicLinks } from '../components/public-links.tsx';
import { QuestionsInbox } from '../components/questions-inbox.tsx';

export function AudiencePage() {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const canEdit = user.role !== 'viewer';
  return (
    <Stack gap="lg" maw={960}>
      <title>{`${t('nav.audience')} · ${t('app.name')}`}</title>
      <div>
        <Title order={1}>{t('nav.audience')}</Title>
        <Text c="dimmed">{t('audience.intro')}</Text>
      </div>
      <QuestionsInbox canEdit={canEdit} />
      <PublicLinks />
      <ConsentSection canEdit={canEdit} />
    </Stack>
  );
}
