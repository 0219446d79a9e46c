import { Button, FileButton, Group, Input, Stack, Text } from '@mantine/core';
import { useRef, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { folderFiles, formatBytes, type ChosenFile } from '../formats.ts';

const shown = 5;
// Chromium, Firefox and Safari all pick folders with this attribute; it is not in React's types.
const folderInput = { webkitdirectory: '', directory: '' } as unknown as ComponentProps<'input'>;

type Props = {
  accept: string;
  folder: boolean;
  files: ChosenFile[];
  skipped: number;
  disabled?: boolean;
  onChange: (files: ChosenFile[], skipped: number) => void;
};

// One file, a zip, or a whole unpacked export folder.
export function FilePicker({ accept, folder, files, skipped, disabled, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const resetFiles = useRef<() => void>(null);
  const resetFolder = useRef<() => void>(null);
  const total = files.reduce((sum, { file }) => sum + file.size, 0);

  const clear = () => {
    resetFiles.current?.();
    resetFolder.current?.();
    onChange([], 0);
  };

  return (
    <Input.Wrapper label={t('imports.files.legend')} description={t('imports.files.hint')} labelElement="div">
      <Stack gap="xs" mt={6}>
        <Group gap="xs">
          <FileButton multiple accept={accept} resetRef={resetFiles} disabled={disabled}
            onChange={(picked) => onChange(picked.map((file) => ({ file, path: file.name })), 0)}>
            {(props) => <Button variant="default" disabled={disabled} {...props}>{t('imports.files.chooseFiles')}</Button>}
          </FileButton>
          {folder && (
            <FileButton multiple resetRef={resetFolder} disabled={disabled} inputProps={folderInput}
              onChange={(picked) => {
                const { chosen, skipped: left } = folderFiles(picked);
                onChange(chosen, left);
              }}>
              {(props) => <Button variant="default" disabled={disabled} {...props}>{t('imports.files.chooseFolder')}</Button>}
            </FileButton>
          )}
          {files.length > 0 && <Button variant="subtle" onClick={clear} disabled={disabled}>{t('imports.files.clear')}</Button>}
        </Group>
        {files.length === 0
          ? <Text size="sm" c="dimmed">{t('imports.files.none')}</Text>
          : (
            <div>
              <Text size="sm" fw={600}>{t('imports.files.chosen', { count: files.length, size: formatBytes(total, i18n.language) })}</Text>
              <ul className="file-list" aria-label={t('imports.files.listLabel')}>
                {files.slice(0, shown).map(({ path }) => <li key={path}><Text size="sm" span className="pre-wrap">{path}</Text></li>)}
                {files.length > shown && <li><Text size="sm" span c="dimmed">{t('imports.files.more', { count: files.length - shown })}</Text></li>}
              </ul>
            </div>
          )}
        {skipped > 0 && <Text size="sm" c="dimmed">{t('imports.files.skipped', { count: skipped })}</Text>}
      </Stack>
    </Input.Wrapper>
  );
}
