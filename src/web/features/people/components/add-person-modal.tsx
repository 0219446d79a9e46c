import { Modal } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notifySuccess } from '../../../lib/problems.ts';
import { useCreatePerson } from '../api.ts';
import { duplicateOwnerId, personFieldErrors } from '../duplicate-error.ts';
import { emptyPerson } from '../person-values.ts';
import { DuplicatePersonAlert } from './duplicate-person-alert.tsx';
import { PersonForm } from './person-form.tsx';

export function AddPersonModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreatePerson();
  const [duplicateOf, setDuplicateOf] = useState<string | null>(null);
  const close = () => {
    setDuplicateOf(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('personForm.createTitle')} size="xl">
      {duplicateOf && <DuplicatePersonAlert otherId={duplicateOf} onLeave={close} />}
      {/* Mounted only while open, so every opening starts with an empty form. */}
      {opened && (
        <PersonForm initial={emptyPerson} submitLabel={t('personForm.create')} pending={create.isPending} onCancel={close}
          onSubmit={(input, showErrors) => {
            setDuplicateOf(null);
            create.mutate(input, {
              onSuccess: ({ person, merged }) => {
                close();
                if (!merged) return notifySuccess(t('people.created', { name: person.name }));
                // They were here already (same email, phone, handle or profile): show them.
                notifySuccess(t('people.mergedExisting', { name: person.name }));
                navigate(`/people/${person.id}`);
              },
              onError: (error) => {
                showErrors(personFieldErrors(error));
                setDuplicateOf(duplicateOwnerId(error));
              },
            });
          }} />
      )}
    </Modal>
  );
}
