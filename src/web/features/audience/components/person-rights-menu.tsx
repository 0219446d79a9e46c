import { Button, Menu } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ConfirmModal } from '../../../components/confirm-modal.tsx';
import { notifySuccess } from '../../../lib/problems.ts';
import { personExportUrl, useErasePerson } from '../api.ts';

// For the owner: everything about a person as a download, or erasure for good.
export function PersonRightsMenu({ person }: { person: { id: string; name: string } }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [erasing, confirmErase] = useDisclosure(false);
  const erase = useErasePerson(person.id);
  return (
    <>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button variant="default" aria-label={t('rights.menu', { name: person.name })}>…</Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item component="a" href={personExportUrl(person.id)} download>{t('rights.export')}</Menu.Item>
          <Menu.Item color="red" onClick={confirmErase.open}>{t('rights.erase')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ConfirmModal opened={erasing} onClose={confirmErase.close} pending={erase.isPending} confirmLabel={t('rights.eraseConfirm')}
        title={t('rights.eraseTitle', { name: person.name })} body={t('rights.eraseBody', { name: person.name })}
        onConfirm={() => erase.mutate(undefined, {
          onSuccess: () => {
            notifySuccess(t('rights.erased', { name: person.name }));
            navigate('/people', { replace: true });
          },
        })} />
    </>
  );
}
