import { Anchor, Code, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentSession } from '../../auth/api.ts';

// The public pages of this workspace; ?w= picks it when the server holds several.
export function usePublicUrl(path: '/ask' | '/subscribe'): string {
  const { workspace } = useCurrentSession();
  return `${window.location.origin}${path}?w=${encodeURIComponent(workspace.slug)}`;
}

export function PublicLinks() {
  const { t } = useTranslation();
  const subscribe = usePublicUrl('/subscribe');
  const ask = usePublicUrl('/ask');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="public-pages-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="public-pages-title">{t('audience.public.title')}</Title>
        <div>
          <Text>{t('audience.public.subscribe')}</Text>
          <Anchor href={subscribe} target="_blank" rel="noopener noreferrer"><Code>{subscribe}</Code><VisuallyHidden>{` ${t('audience.public.newTab')}`}</VisuallyHidden></Anchor>
        </div>
        <div>
          <Text>{t('audience.public.ask')}</Text>
          <Anchor href={ask} target="_blank" rel="noopener noreferrer"><Code>{ask}</Code><VisuallyHidden>{` ${t('audience.public.newTab')}`}</VisuallyHidden></Anchor>
        </div>
      </Stack>
    </Paper>
  );
}
