import { Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { usePreview } from '../api.ts';

// The email as recipients get it, rendered by the server: the HTML in a sandboxed frame (no scripts,
// no same origin), and the text part.
export function PreviewPane({ subject, body }: { subject: string; body: string }) {
  const { t } = useTranslation();
  const [debounced] = useDebouncedValue({ subject, body }, 400);
  const preview = usePreview(debounced.subject, debounced.body);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="preview-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="preview-title">{t('broadcasts.preview.title')}</Title>
        <Text size="sm" fw={600}>{subject || t('broadcasts.preview.noSubject')}</Text>
        <Tabs defaultValue="html">
          <Tabs.List>
            <Tabs.Tab value="html">{t('broadcasts.preview.html')}</Tabs.Tab>
            <Tabs.Tab value="text">{t('broadcasts.preview.text')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="html" pt="sm">
            <iframe title={t('broadcasts.preview.html')} sandbox="" srcDoc={preview.data?.html ?? ''} data-testid="preview-html"
              style={{ width: '100%', minHeight: 360, border: '1px solid var(--mantine-color-default-border)', background: 'white' }} />
          </Tabs.Panel>
          <Tabs.Panel value="text" pt="sm">
            <Text component="pre" size="sm" style={{ whiteSpace: 'pre-wrap' }}>{preview.data?.text ?? ''}</Text>
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Paper>
  );
}
