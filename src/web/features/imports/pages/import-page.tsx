import { Alert, Anchor, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError, type ApiError } from '../../../lib/api-client.ts';
import { IconArrowLeft } from '../../../lib/icons.tsx';
import { useCurrentSession } from '../../auth/api.ts';
import { useRunImport, type ImportResultView, type UploadProgress } from '../api.ts';
import { CsvMapping, type CsvHeader } from '../components/csv-mapping.tsx';
import { FilePicker } from '../components/file-picker.tsx';
import { FormatPicker } from '../components/format-picker.tsx';
import { ImportHistory } from '../components/import-history.tsx';
import { ImportProgress } from '../components/import-progress.tsx';
import { ImportReport } from '../components/import-report.tsx';
import { hasIdentity, readCsvHeader, suggestMapping, type ColumnMapping } from '../csv-header.ts';
import { importFormats, type ChosenFile, type FormatName } from '../formats.ts';

const csvFile = /\.(csv|txt|tsv)$/i;

// Choose the format and the files, preview what would change, then import for real.
export function ImportPage() {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const canEdit = user.role !== 'viewer';
  return (
    <Stack gap="lg" maw={1000}>
      <title>{`${t('imports.title')} · ${t('app.name')}`}</title>
      <Anchor component={Link} to="/people" size="sm">
        <Group gap={4} component="span"><IconArrowLeft size={14} />{t('imports.back')}</Group>
      </Anchor>
      <div>
        <Title order={1}>{t('imports.title')}</Title>
        <Text c="dimmed">{t('imports.intro')}</Text>
      </div>
      {canEdit ? <ImportForm /> : <Alert color="gray">{t('imports.viewerOnly')}</Alert>}
      <ImportHistory />
    </Stack>
  );
}

function ImportForm() {
  const { t } = useTranslation();
  const run = useRunImport();
  const [format, setFormat] = useState<FormatName>('linkedin');
  const [files, setFiles] = useState<{ chosen: ChosenFile[]; skipped: number }>({ chosen: [], skipped: 0 });
  const [owner, setOwner] = useState('');
  const [header, setHeader] = useState<CsvHeader | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [preview, setPreview] = useState<ImportResultView | null>(null);
  const [done, setDone] = useState<ImportResultView | null>(null);
  const [unreadable, setUnreadable] = useState<ApiError | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const spec = importFormats[format];
  const isCsv = format === 'csv';

  // Any change of what would be imported makes an earlier preview stale.
  const stale = () => {
    setPreview(null);
    setDone(null);
    setUnreadable(null);
  };

  // A spreadsheet's columns are read here, from its header row, so they can be chosen before the upload.
  const firstCsv = isCsv ? files.chosen.find(({ path }) => csvFile.test(path)) : undefined;
  const onlyZip = isCsv && !firstCsv && files.chosen.some(({ path }) => /\.zip$/i.test(path));
  useEffect(() => {
    if (!firstCsv) {
      setHeader(onlyZip ? { state: 'zip' } : null);
      setMapping({});
      return;
    }
    let current = true;
    readCsvHeader(firstCsv.file).then(
      (columns) => {
        if (!current) return;
        setHeader(columns.length ? { state: 'read', file: firstCsv.path, columns } : { state: 'unreadable', file: firstCsv.path });
        setMapping(suggestMapping(columns));
      },
      () => current && setHeader({ state: 'unreadable', file: firstCsv.path }),
    );
    return () => {
      current = false;
    };
  }, [firstCsv, onlyZip]);

  const useMapping = isCsv && header?.state === 'read';
  const ready = files.chosen.length > 0 && (!useMapping || hasIdentity(mapping));

  const start = (dryRun: boolean) => {
    setUnreadable(null);
    setProgress(null);
    run.mutate({
      format,
      files: files.chosen,
      dryRun,
      mapping: useMapping ? mapping : null,
      owner: spec.owner ? { field: spec.owner, value: owner } : null,
      onProgress: setProgress,
    }, {
      onSuccess: (result) => (result.dryRun ? setPreview(result) : setDone(result)),
      onError: (error) => {
        if (isApiError(error) && error.code === 'IMPORT_UNREADABLE') setUnreadable(error);
      },
    });
  };

  const again = () => {
    stale();
    setFiles({ chosen: [], skipped: 0 });
    setOwner('');
  };

  if (done) {
    return (
      <ImportReport result={done}>
        <Group gap="xs">
          <Button onClick={again}>{t('imports.actions.again')}</Button>
          <Button component={Link} to="/people" variant="default">{t('imports.actions.toPeople')}</Button>
        </Group>
      </ImportReport>
    );
  }

  const busy = run.isPending;
  return (
    <Stack gap="lg">
      <Paper withBorder p="md">
        <Stack gap="lg">
          <FormatPicker value={format} disabled={busy} onChange={(next) => {
            setFormat(next);
            setOwner('');
            stale();
          }} />
          <FilePicker accept={spec.accept} folder={spec.folder} files={files.chosen} skipped={files.skipped} disabled={busy}
            onChange={(chosen, skipped) => {
              setFiles({ chosen, skipped });
              stale();
            }} />
          {spec.owner && (
            <TextInput label={t(`imports.owner.${spec.owner}.label`)} description={t(`imports.owner.${spec.owner}.hint`)} maw={520}
              maxLength={spec.owner === 'ownerAccountId' ? 40 : spec.owner === 'ownerName' ? 200 : 500} value={owner} disabled={busy}
              onChange={(e) => {
                setOwner(e.currentTarget.value);
                stale();
              }} />
          )}
          {isCsv && header && (
            <CsvMapping header={header} mapping={mapping} disabled={busy} onChange={(next) => {
              setMapping(next);
              stale();
            }} />
          )}
          {busy && <ImportProgress progress={progress} />}
          {unreadable && (
            <Alert color="red" role="alert" title={t('imports.unreadable', { format: t(`imports.formats.${format}.label`) })}>
              {unreadable.detail ?? unreadable.title}
            </Alert>
          )}
          <Group gap="xs">
            <Button variant={preview ? 'default' : 'filled'} onClick={() => start(true)} disabled={!ready || busy}
              loading={busy && run.variables?.dryRun === true}>
              {t('imports.actions.preview')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      {preview && (
        <ImportReport result={preview}>
          <Group gap="xs">
            <Button onClick={() => start(false)} disabled={busy} loading={busy && run.variables?.dryRun === false}>{t('imports.actions.import')}</Button>
          </Group>
        </ImportReport>
      )}
    </Stack>
  );
}
