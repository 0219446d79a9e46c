import { Button, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client.ts';
import { notifySuccess } from '../../../lib/problems.ts';
import { useCheckIn } from '../api.ts';
import { QrScanner } from './qr-scanner.tsx';

// The code from the confirmation email: its QR code held to the camera, or its short form typed in (always works).
export function CodeCheckIn({ occurrenceId }: { occurrenceId: string }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const checkIn = useCheckIn(occurrenceId);
  const submit = (value: string) => {
    const typed = value.trim().toUpperCase();
    if (!typed) return setError(t('validation.required'));
    checkIn.mutate({ code: typed }, {
      onSuccess: (registration) => { notifySuccess(t('events.door.checkedIn', { name: registration.name })); setCode(''); setError(undefined); },
      onError: (failure) => {
        if (isApiError(failure) && failure.code === 'NOT_FOUND') setError(t('events.door.unknownCode'));
        else if (isApiError(failure) && failure.code === 'NOT_CONFIRMED') setError(t('events.door.notConfirmed'));
      },
    });
  };
  return (
    <form noValidate onSubmit={(event) => { event.preventDefault(); submit(code); }}>
      <Stack gap="xs">
        <QrScanner paused={checkIn.isPending} onCode={(scanned) => { setCode(scanned); submit(scanned); }} />
        <TextInput size="lg" label={t('events.door.code')} description={t('events.door.codeHint')} value={code} error={error}
          autoComplete="off" autoCapitalize="characters" spellCheck={false} styles={{ input: { fontFamily: 'monospace', letterSpacing: '0.1em' } }}
          onChange={(event) => { setCode(event.currentTarget.value); setError(undefined); }} />
        <Button type="submit" size="lg" fullWidth loading={checkIn.isPending}>{t('events.door.checkInCode')}</Button>
      </Stack>
    </form>
  );
}
