import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Props = { opened: boolean; title: string; body: string; confirmLabel: string; pending: boolean; onConfirm: () => void; onClose: () => void };

// Asks before anything is deleted; the safe choice has the focus.
export function ConfirmModal({ opened, title, body, confirmLabel, pending, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Stack>
        <Text>{body}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>{t('common.cancel')}</Button>
          <Button color="red" onClick={onConfirm} loading={pending}>{confirmLabel}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
