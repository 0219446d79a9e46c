import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconFocus } from '../../../lib/icons.tsx';
import { useCurrentFocus } from '../api.ts';
import { formatClock, useFocusClock } from '../focus-clock.ts';
import { useFocusUi } from '../focus-context.tsx';

// In the header on every page: start a session, or see the running one's phase and time left.
export function FocusHeaderButton() {
  const { t } = useTranslation();
  const { openStart } = useFocusUi();
  const current = useCurrentFocus();
  const session = current.data?.session ?? null;
  const state = useFocusClock(session);
  if (session && state?.running && state.phase) {
    return (
      <Button variant="light" size="xs" leftSection={<IconFocus size={16} />} component="span" aria-live="off">
        {t(`focus.phases.${state.phase}`)} · {formatClock(state.secondsLeftInPhase)}
      </Button>
    );
  }
  return <Button variant="light" size="xs" leftSection={<IconFocus size={16} />} onClick={openStart}>{t('focus.start.button')}</Button>;
}
