import { Button, Center, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { problemMessage } from '../../../lib/problems.ts';
import { useSession, useSetupStatus } from '../api.ts';
import { FullPageLoader } from './auth-layout.tsx';

// Signed-in pages only: first run goes to setup, everyone else to sign-in, and back here afterwards.
export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSession();
  const setup = useSetupStatus();

  if (session.data) return children;
  if (session.isError) {
    return (
      <Center mih="100vh" component="main">
        <Stack align="center">
          <Text>{problemMessage(session.error)}</Text>
          <Button onClick={() => void session.refetch()}>{t('common.retry')}</Button>
        </Stack>
      </Center>
    );
  }
  if (session.isPending || setup.isPending) return <FullPageLoader />;
  if (setup.data && !setup.data.setupDone) return <Navigate to="/setup" replace />;
  return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
}
