import { Alert, Button, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Options, QRCode } from 'jsqr';

type Decode = (data: Uint8ClampedArray, width: number, height: number, options?: Options) => QRCode | null;
type Props = { onCode: (code: string) => void; paused: boolean };
type Failure = 'refused' | 'noCamera';

const checkInCode = /^[A-Z0-9]{6}$/;
const scanEveryMs = 200;
// The same badge held up twice is one check-in.
const repeatAfterMs = 5_000;

// jsQR is a CommonJS bundle, loaded only when the camera opens; bundlers and TypeScript see its default one level apart.
async function loadDecoder(): Promise<Decode> {
  const loaded: unknown = (await import('jsqr')).default;
  return (typeof loaded === 'function' ? loaded : (loaded as { default: Decode }).default) as Decode;
}

// The phone's camera reads the QR code from the confirmation email. Decoding runs in the page (jsQR):
// no frame leaves the device. Browsers give the camera only to secure pages (https or localhost).
export function QrScanner({ onCode, paused }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<Failure | undefined>();
  const video = useRef<HTMLVideoElement>(null);
  const pausedRef = useRef(paused);
  pausedRef.current = paused;
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;

  useEffect(() => {
    if (!open) return;
    let stopped = false;
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const last = { code: '', at: 0 };
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });

    const scan = (decode: Decode) => {
      const element = video.current;
      if (stopped || !element || !context) return;
      if (!pausedRef.current && element.readyState >= element.HAVE_CURRENT_DATA && element.videoWidth > 0) {
        const scale = Math.min(1, 640 / element.videoWidth);
        canvas.width = Math.round(element.videoWidth * scale);
        canvas.height = Math.round(element.videoHeight * scale);
        context.drawImage(element, 0, 0, canvas.width, canvas.height);
        const frame = context.getImageData(0, 0, canvas.width, canvas.height);
        const found = decode(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' });
        const code = found?.data.trim().toUpperCase() ?? '';
        const now = Date.now();
        if (checkInCode.test(code) && (code !== last.code || now - last.at > repeatAfterMs)) {
          last.code = code;
          last.at = now;
          onCodeRef.current(code);
        }
      }
      timer = setTimeout(() => scan(decode), scanEveryMs);
    };

    (async () => {
      try {
        const [decode, media] = await Promise.all([
          loadDecoder(),
          navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }),
        ]);
        stream = media;
        if (stopped || !video.current) return;
        video.current.srcObject = media;
        await video.current.play();
        scan(decode);
      } catch (error) {
        if (!stopped) setFailure(error instanceof DOMException && error.name === 'NotAllowedError' ? 'refused' : 'noCamera');
      }
    })();

    return () => {
      stopped = true;
      clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [open]);

  if (!navigator.mediaDevices?.getUserMedia) return <Text size="sm" c="dimmed">{t('events.door.scan.insecure')}</Text>;
  if (!open) return <Button size="lg" variant="light" fullWidth onClick={() => { setFailure(undefined); setOpen(true); }}>{t('events.door.scan.start')}</Button>;
  return (
    <Stack gap="xs">
      {failure
        ? <Alert color="orange" title={t(`events.door.scan.${failure}`)}>{t('events.door.scan.typeInstead')}</Alert>
        : <video ref={video} muted playsInline aria-label={t('events.door.scan.view')}
            style={{ width: '100%', maxHeight: 320, objectFit: 'cover', borderRadius: 'var(--mantine-radius-md)', background: 'black' }} />}
      <Button variant="default" fullWidth onClick={() => setOpen(false)}>{t('events.door.scan.stop')}</Button>
    </Stack>
  );
}
