import { Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

// Last resort for a render error: say so plainly and offer a reload instead of a blank page.
export function CrashPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error(error);
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder p="xl" maw={480}>
        <Stack>
          <Title order={1} size="h2">{t('crash.title')}</Title>
          <Text>{t('crash.body')}</Text>
          <Button onClick={() => window.location.reload()}>{t('crash.reload')}</Button>
        </Stack>
      </Paper>
    </Center>
  );
}
