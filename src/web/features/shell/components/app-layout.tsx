import { Anchor, AppShell, Burger, Button, Group, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useNavigate } from 'react-router';
import { followWorkspaceLocale } from '../../../i18n/index.ts';
import { IconLogout } from '../../../lib/icons.tsx';
import { useCurrentSession, useLogout } from '../../auth/api.ts';
import { FocusHeaderButton } from '../../focus/components/focus-header-button.tsx';
import { FocusPanel } from '../../focus/components/focus-panel.tsx';
import { StartFocusModal } from '../../focus/components/start-focus-modal.tsx';
import { FocusProvider } from '../../focus/focus-context.tsx';
import { ColorSchemeToggle } from './color-scheme-toggle.tsx';
import { LanguageMenu } from './language-menu.tsx';
import { mainItems, NavItem, settingsItem } from './nav-links.tsx';

export function AppLayout() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const [opened, { toggle, close }] = useDisclosure(false);
  const logout = useLogout();
  const navigate = useNavigate();

  useEffect(() => followWorkspaceLocale(session.workspace.locale), [session.workspace.locale]);

  const signOut = () => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });

  return (
    <FocusProvider>
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <a className="skip-link" href="#main">{t('nav.skip')}</a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? t('nav.close') : t('nav.open')} aria-expanded={opened} aria-controls="main-navigation" />
            <Title order={2} size="h4">
              <Anchor component={Link} to="/today" c="inherit" underline="never">{t('app.name')}</Anchor>
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="xs" truncate>{session.workspace.name}</Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <FocusHeaderButton />
            <LanguageMenu />
            <ColorSchemeToggle />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" id="main-navigation" component="nav" aria-label={t('nav.label')}>
        <AppShell.Section grow component={ScrollArea}>
          {mainItems.map((item) => <NavItem key={item.key} item={item} onNavigate={close} />)}
        </AppShell.Section>
        <AppShell.Section>
          <NavItem item={settingsItem} onNavigate={close} />
          <Stack gap={4} mt="sm" px="xs">
            <Text size="sm" truncate>{t('shell.signedInAs', { name: session.user.name })}</Text>
            <Button variant="default" size="xs" leftSection={<IconLogout size={16} />} onClick={signOut} loading={logout.isPending}>
              {t('shell.logout')}
            </Button>
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
      <FocusPanel />
      <StartFocusModal />
    </AppShell>
    </FocusProvider>
  );
}
