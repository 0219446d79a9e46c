// The door on a phone with a camera: Chromium's fake camera plays a video of the QR code from a confirmation
// email, the organiser opens the scanner, and the attendee is checked in without typing anything.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import QRCode from 'qrcode';
import type { APIRequestContext, Browser } from 'playwright-core';
import { ensureOwner, launchBrowser, pageHelpers, startServer, watchPage, type RunningServer } from './support.ts';

let server: RunningServer;
let setup: Browser | undefined;
let browser: Browser | undefined;
const { signIn, apiClient } = pageHelpers(() => server.baseUrl);

before(async () => {
  server = await startServer();
  await ensureOwner(server.baseUrl);
});

after(async () => {
  await setup?.close();
  await browser?.close();
  await server?.stop();
});

// A YUV4MPEG2 video (what Chromium's fake camera plays) of a QR code, black on white, in the middle of the frame.
function qrVideo(text: string): string {
  const width = 640;
  const height = 480;
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const scale = Math.floor(360 / (modules.size + 2 * quiet));
  const left = Math.floor((width - modules.size * scale) / 2);
  const top = Math.floor((height - modules.size * scale) / 2);
  const luma = Buffer.alloc(width * height, 235);
  for (let row = 0; row < modules.size; row++) {
    for (let column = 0; column < modules.size; column++) {
      if (!modules.get(row, column)) continue;
      for (let y = 0; y < scale; y++) luma.fill(16, (top + row * scale + y) * width + left + column * scale, (top + row * scale + y) * width + left + (column + 1) * scale);
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  const file = join(mkdtempSync(join(tmpdir(), 'onland-camera-')), 'qr.y4m');
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), frame, frame]));
  return file;
}

async function checkInCodeFor(request: APIRequestContext, email: string): Promise<string> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const list = (await (await request.get(`${server.baseUrl}/api/v1/outbox`)).json()) as { items: { id: string; to: string }[] };
    const found = list.items.find((item) => item.to.includes(email));
    if (found) {
      const raw = await (await request.get(`${server.baseUrl}/api/v1/outbox/${found.id}`)).text();
      const code = /check-in code: ([A-Z0-9]{6})/.exec(raw.replace(/=\r?\n/g, ''))?.[1];
      if (code) return code;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`No confirmation email with a code for ${email}`);
}

test('Door: the QR code from the email, held to the camera, checks the attendee in', async () => {
  // Set up with a camera-less browser: the organiser's event, and Kim's registration on the public form.
  setup = await launchBrowser();
  const setupPage = await (await setup.newContext()).newPage();
  await signIn(setupPage, '/events');
  const post = await apiClient(setupPage);
  const tomorrow = new Date(Date.now() + 24 * 3600_000).toISOString().slice(0, 10);
  const series = await post<{ occurrences: { id: string; slug: string }[] }>('/api/v1/events', {
    title: 'Scanner Meetup', timezone: 'Europe/Berlin', localStart: `${tomorrow}T19:00`, durationMinutes: 120, capacity: 10, venue: 'The Boathouse',
  });
  const occurrence = series.occurrences[0]!;
  const registered = await fetch(`${server.baseUrl}/e/${occurrence.slug}/register`, {
    method: 'POST', redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ name: 'Kim Lee', email: 'kim@example.net' }),
  });
  assert.equal(registered.status, 303);
  const code = await checkInCodeFor(setupPage.request, 'kim@example.net');
  await setup.close();

  // The phone: a camera that sees the QR code of that code.
  browser = await launchBrowser(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${qrVideo(code)}`]);
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Berlin', viewport: { width: 390, height: 844 }, permissions: ['camera'] });
  const page = await context.newPage();
  const watch = await watchPage(page);
  await signIn(page, `/events/occurrences/${occurrence.id}/door`);
  await page.getByText('0 of 1 checked in').waitFor();
  await page.getByRole('button', { name: 'Scan the QR code' }).click();
  await page.getByText('Kim Lee is checked in').waitFor();
  await page.getByRole('region', { name: 'Attended (1)' }).getByText('Kim Lee').waitFor();
  await page.getByText('1 of 1 checked in').waitFor();
  // The camera keeps looking for the next guest; the same badge is not checked in twice.
  await page.waitForTimeout(1_500);
  await page.getByText('1 of 1 checked in').waitFor();
  await page.getByRole('button', { name: 'Close the camera' }).click();
  await page.getByRole('button', { name: 'Scan the QR code' }).waitFor();
  assert.deepEqual(watch.cspViolations(), []);
  assert.deepEqual(watch.pageErrors, []);
  await context.close();
});
