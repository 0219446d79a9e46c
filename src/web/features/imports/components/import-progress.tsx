import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UploadProgress } from '../api.ts';

// A determinate bar while the files travel, then an indeterminate one while the server reads them.
export function ImportProgress({ progress }: { progress: UploadProgress | null }) {
  const { t } = useTranslation();
  const sent = progress !== null && progress.total > 0 && progress.loaded >= progress.total;
  if (sent) {
    return (
      <Stack gap={4} role="status">
        <Text size="sm">{t('imports.progress.working')}</Text>
        <Progress.Root size="lg" role="progressbar" aria-label={t('imports.progress.workingLabel')}>
          <Progress.Section value={100} animated withAria={false} />
        </Progress.Root>
      </Stack>
    );
  }
  const percent = progress && progress.total > 0 ? Math.floor((progress.loaded / progress.total) * 100) : 0;
  return (
    <Stack gap={4}>
      <Text size="sm" aria-hidden="true">{t('imports.progress.uploading', { percent })}</Text>
      <Progress.Root size="lg">
        <Progress.Section value={percent} aria-label={t('imports.progress.upload')} />
      </Progress.Root>
    </Stack>
  );
}
