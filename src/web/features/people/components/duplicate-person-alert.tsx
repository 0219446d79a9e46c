import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePerson } from '../api.ts';

// Shown above a person form when the server refused an email, phone or handle that belongs to
// someone else: who that is, and the way to merge the two.
export function DuplicatePersonAlert({ otherId, onLeave }: { otherId: string; onLeave: () => void }) {
  const { t } = useTranslation();
  const other = usePerson(otherId);
  const name = other.data?.name ?? t('personForm.duplicate.someone');
  return (
    // Outline: the links inside keep their contrast on the plain background.
    <Alert variant="outline" color="red" title={t('personForm.duplicate.title')} mb="md">
      <Stack gap={6}>
        <Text size="sm">{t('personForm.duplicate.body', { name })}</Text>
        <Text size="sm">{t('personForm.duplicate.hint')}</Text>
        <Group gap="md">
          {other.data && (
            <Anchor component={Link} to={`/people/${otherId}`} size="sm" onClick={onLeave}>
              {t('personForm.duplicate.open', { name: other.data.name })}
            </Anchor>
          )}
          <Anchor component={Link} to="/people/duplicates" size="sm" onClick={onLeave}>{t('personForm.duplicate.review')}</Anchor>
        </Group>
      </Stack>
    </Alert>
  );
}
