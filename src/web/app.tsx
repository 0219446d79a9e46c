import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router/dom';
import { styleNonce } from './lib/csp.ts';
import { createQueryClient } from './lib/query-client.ts';
import { router } from './router.tsx';
import { colorSchemeManager, createAppTheme, cssVariablesResolver } from './theme.ts';

const getStyleNonce = () => styleNonce;

export function App() {
  const [queryClient] = useState(createQueryClient);
  const { t } = useTranslation();
  const theme = useMemo(() => createAppTheme(t), [t]);
  return (
    <MantineProvider theme={theme} colorSchemeManager={colorSchemeManager} defaultColorScheme="auto"
      cssVariablesResolver={cssVariablesResolver} getStyleNonce={getStyleNonce}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
