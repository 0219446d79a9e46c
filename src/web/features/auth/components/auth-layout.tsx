import { Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ColorSchemeToggle } from '../../shell/components/color-scheme-toggle.tsx';
import { LanguageMenu } from '../../shell/components/language-menu.tsx';

// The frame of the pages before sign-in: one card, with language and colour switches above it.
export function AuthLayout({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" p="md" component="main">
      <title>{`${title} · ${t('app.name')}`}</title>
      <Stack w="100%" maw={460} gap="md">
        <Group justify="space-between">
          <Text fw={700} size="lg">{t('app.name')}</Text>
          <Group gap="xs">
            <LanguageMenu />
            <ColorSchemeToggle />
          </Group>
        </Group>
        <Paper withBorder shadow="sm" p="xl">
          <Stack gap="md">
            <div>
              <Title order={1} size="h2">{title}</Title>
              <Text c="dimmed" mt={4}>{intro}</Text>
            </div>
            {children}
          </Stack>
        </Paper>
      </Stack>
    </Center>
  );
}

export function FullPageLoader() {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" component="main" aria-busy="true">
      <Text c="dimmed">{t('common.loading')}</Text>
    </Center>
  );
}
