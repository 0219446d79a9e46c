// The mailing list end to end in real Chromium, on the real server and its worker: a visitor signs up
// with JavaScript off and confirms from the email in the outbox; the owner writes a broadcast in the
// web app (markdown preview, segment count, a test to themselves) and sends it; the visitor leaves
// with one click from the broadcast's own unsubscribe link; the report counts it.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeProblems, ensureOwner, launchBrowser, owner, startServer, watchPage, pageHelpers, type RunningServer } from './support.ts';

const artifacts = join(import.meta.dirname, '..', '..', 'artifacts');
let server: RunningServer;
let browser: Browser;
const { expectUrl, signIn, settled } = pageHelpers(() => server.baseUrl);

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await ensureOwner(server.baseUrl);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

// The worker writes mail to the outbox every few seconds: wait for the message, then read it whole.
async function mailFromOutbox(page: Page, to: string, subject: RegExp): Promise<string> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const list = (await (await page.request.get(`${server.baseUrl}/api/v1/outbox`)).json()) as { items: { id: string; to: string; subject: string }[] };
    const found = list.items.find((m) => m.to === to && subject.test(m.subject));
    if (found) {
      const raw = await (await page.request.get(`${server.baseUrl}/api/v1/outbox/${found.id}`)).text();
      // Undo quoted-printable and folded headers, so links read whole.
      return raw.replace(/\r?\n[ \t]+/g, ' ').replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`no mail to ${to} with subject ${subject}`);
}

test('Broadcasts: sign up without JavaScript, confirm from the outbox, a broadcast from the web app, unsubscribe in one click', async () => {
  const visitor = await browser.newContext({ locale: 'en-US', javaScriptEnabled: false });
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  const watch = await watchPage(page);
  const a11y: string[] = [];
  const reader = 'robin@example.net';
  try {
    // Sign up with plain forms.
    const signUp = await visitor.newPage();
    await signUp.goto(`${server.baseUrl}/subscribe`);
    await signUp.getByLabel('Your email address').fill(reader);
    await signUp.getByRole('button', { name: 'Subscribe' }).click();
    await signUp.getByRole('heading', { name: 'Check your inbox' }).waitFor();

    // The confirmation email: its link opens a page, and only the button confirms.
    await signIn(page, '/broadcasts');
    const confirmation = await mailFromOutbox(page, reader, /confirm/i);
    const confirmLink = confirmation.match(/(http:\/\/[^\s]+\/subscribe\/confirm\/[\w.-]+)/)![1]!;
    await signUp.goto(confirmLink.replace(/^http:\/\/[^/]+/, server.baseUrl));
    await signUp.getByRole('button', { name: 'Yes, subscribe me' }).click();
    await signUp.getByRole('heading', { name: 'You are subscribed' }).waitFor();

    // Compose in the web app: markdown on the left, the email as it will look on the right.
    await page.getByRole('heading', { name: 'Broadcasts', level: 1 }).waitFor();
    await page.getByText('No broadcasts yet.', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'New broadcast' }).click();
    await expectUrl(page, /^\/app\/broadcasts\/new$/);
    await page.getByRole('textbox', { name: 'Subject' }).fill('Spring meetup news');
    await page.getByRole('textbox', { name: 'Text' }).fill('Hello from **Harbour Coaching**.\n\n<b>not bold</b>');
    const preview = page.getByTestId('preview-html');
    await preview.locator('strong', { hasText: 'Harbour Coaching' }).waitFor();
    await preview.getByText('<b>not bold</b>').waitFor();
    const segment = page.getByRole('region', { name: 'Who receives it' });
    await segment.getByTestId('recipient-count').getByText('1 address').waitFor();
    a11y.push(...(await axeProblems(page, 'broadcast compose')));

    // A test to myself first; the broadcast is saved as a draft on the way.
    await page.getByRole('button', { name: 'Send a test to me' }).click();
    await page.getByText(`Test sent to ${owner.email}`).waitFor();
    await expectUrl(page, /^\/app\/broadcasts\/[0-9a-f-]{36}$/);
    await mailFromOutbox(page, owner.email, /^\[Test\] Spring meetup news$/);

    await page.getByRole('button', { name: 'Send now' }).click();
    const dialog = page.getByRole('dialog', { name: 'Send this broadcast now?' });
    await dialog.waitFor();
    await settled(page);
    a11y.push(...(await axeProblems(page, 'send dialog')));
    await dialog.getByRole('button', { name: 'Send now' }).click();
    await page.getByText('Sending has started').waitFor();
    // The worker sends it; the report follows.
    const report = page.getByRole('region', { name: 'Report' });
    await page.getByText('Sent', { exact: true }).first().waitFor();
    await report.locator('[data-figure="sent"]').getByText('1', { exact: true }).waitFor({ timeout: 30_000 });
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'broadcast-sent.png'), fullPage: true });

    // The broadcast in the outbox: both parts, and the one-click headers.
    const broadcast = await mailFromOutbox(page, reader, /^Spring meetup news$/);
    assert.match(broadcast, /List-Unsubscribe-Post: List-Unsubscribe=One-Click/);
    assert.match(broadcast, /Content-Type: text\/plain/);
    assert.match(broadcast, /Content-Type: text\/html/);
    assert.match(broadcast, /<strong>Harbour Coaching<\/strong>/);
    const unsubscribe = broadcast.match(/List-Unsubscribe: <([^>]+)>/)![1]!;

    // One click, no login, no JavaScript.
    await signUp.goto(unsubscribe.replace(/^http:\/\/[^/]+/, server.baseUrl));
    await signUp.getByRole('button', { name: 'Unsubscribe' }).click();
    await signUp.getByRole('heading', { name: 'You are unsubscribed' }).waitFor();

    await page.reload();
    await report.locator('[data-figure="unsubscribedSince"]').getByText('1', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'All broadcasts' }).click();
    await page.getByRole('table').getByRole('row', { name: /Spring meetup news/ }).getByText('1 of 1').waitFor();
    a11y.push(...(await axeProblems(page, 'broadcasts list')));

    assert.deepEqual(watch.cspViolations(), [], 'no CSP violations');
    assert.deepEqual(watch.pageErrors, [], 'no page errors');
    assert.deepEqual(a11y, [], 'no serious or critical accessibility violations');
  } catch (error) {
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'broadcasts-failure.png'), fullPage: true }).catch(() => {});
    console.log(watch.messages.join('\n'));
    throw error;
  } finally {
    await visitor.close();
    await context.close();
  }
});

test('German: the Broadcasts page speaks German', async () => {
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  try {
    await signIn(page, '/broadcasts');
    await page.getByRole('button', { name: /^(Language|Sprache):/ }).click();
    await page.getByRole('menuitem', { name: 'Deutsch' }).click();
    await page.getByRole('heading', { name: 'Rundbriefe', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Neuer Rundbrief' }).click();
    await page.getByRole('region', { name: 'Wer ihn bekommt' }).getByTestId('recipient-count').getByText('0 Adressen').waitFor();
  } finally {
    await context.close();
  }
});
