import { Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { usePreview } from '../api.ts';

// The email's body as the server renders it (markdown-it with raw HTML escaped, so nothing here runs),
// and the text part.
export function PreviewPane({ subject, body }: { subject: string; body: string }) {
  const { t } = useTranslation();
  // Strings, not an object: a new object each render would restart the debounce for ever.
  const [debouncedSubject] = useDebouncedValue(subject, 400);
  const [debouncedBody] = useDebouncedValue(body, 400);
  const preview = usePreview(debouncedSubject, debouncedBody);
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
            <Paper withBorder p="sm" data-testid="preview-html" className="broadcast-preview" dangerouslySetInnerHTML={{ __html: bodyOf(preview.data?.html ?? '') }} />
          </Tabs.Panel>
          <Tabs.Panel value="text" pt="sm">
            <Text component="pre" size="sm" style={{ whiteSpace: 'pre-wrap' }}>{preview.data?.text ?? ''}</Text>
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Paper>
  );
}

// The <body> of the email document; DOMParser runs no scripts and loads nothing.
function bodyOf(html: string): string {
  return html ? new DOMParser().parseFromString(html, 'text/html').body.innerHTML : '';
}
