import { ActionIcon, Button, Fieldset, Group, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { platforms } from '../../../../server/modules/people/people.contract.ts';
import { IconPlus, IconTrash } from '../../../lib/icons.tsx';
import { errorAt, type FieldErrors } from '../../../lib/problems.ts';
import { isPlatform, type HandleValues } from '../person-values.ts';

type Props = { handles: HandleValues[]; errors: FieldErrors; onChange: (handles: HandleValues[]) => void };

export function HandlesFieldset({ handles, errors, onChange }: Props) {
  const { t } = useTranslation();
  const platformOptions = platforms.map((p) => ({ value: p, label: t(`platforms.${p}`) }));
  const update = (index: number, patch: Partial<HandleValues>) => onChange(handles.map((h, i) => (i === index ? { ...h, ...patch } : h)));

  return (
    <Fieldset legend={t('personForm.handles')} variant="filled">
      <Stack gap="sm">
        {handles.map((handle, index) => {
          const n = index + 1;
          return (
            // Rows have no identity of their own; the index is what the server's error paths use too.
            <Group key={index} align="flex-start" gap="xs" wrap="wrap">
              <Select w={150} label={t('personForm.platform', { index: n })} data={platformOptions} allowDeselect={false} value={handle.platform}
                onChange={(value) => value && isPlatform(value) && update(index, { platform: value })} error={errorAt(errors, `handles.${index}.platform`)} />
              <TextInput flex={1} miw={160} label={t('personForm.handle', { index: n })} placeholder={t('personForm.handlePlaceholder')} value={handle.handle}
                onChange={(e) => update(index, { handle: e.currentTarget.value })} error={errorAt(errors, `handles.${index}.handle`)} />
              <TextInput flex={1} miw={160} type="url" label={t('personForm.url', { index: n })} placeholder="https://" value={handle.url}
                onChange={(e) => update(index, { url: e.currentTarget.value })} error={errorAt(errors, `handles.${index}.url`)} />
              <ActionIcon variant="subtle" color="red" size="lg" mt={26} aria-label={t('personForm.removeHandle', { index: n })}
                onClick={() => onChange(handles.filter((_, i) => i !== index))}>
                <IconTrash />
              </ActionIcon>
            </Group>
          );
        })}
        <Button variant="default" size="xs" leftSection={<IconPlus size={16} />} style={{ alignSelf: 'flex-start' }}
          onClick={() => onChange([...handles, { platform: 'mastodon', handle: '', url: '' }])}>
          {t('personForm.addHandle')}
        </Button>
      </Stack>
    </Fieldset>
  );
}
