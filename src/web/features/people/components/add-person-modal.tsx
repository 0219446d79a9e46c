import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifySuccess, serverFieldErrors } from '../../../lib/problems.ts';
import { useCreatePerson } from '../api.ts';
import { emptyPerson } from '../person-values.ts';
import { PersonForm } from './person-form.tsx';

export function AddPersonModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreatePerson();
  return (
    <Modal opened={opened} onClose={onClose} title={t('personForm.createTitle')} size="xl">
      {/* Mounted only while open, so every opening starts with an empty form. */}
      {opened && (
        <PersonForm initial={emptyPerson} submitLabel={t('personForm.create')} pending={create.isPending} onCancel={onClose}
          onSubmit={(input, showErrors) => create.mutate(input, {
            onSuccess: (person) => {
              notifySuccess(t('people.created', { name: person.name }));
              onClose();
            },
            onError: (error) => showErrors(serverFieldErrors(error)),
          })} />
      )}
    </Modal>
  );
}
