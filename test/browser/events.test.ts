// Events in real Chromium: the organiser creates a 2-place series in the SPA; three visitors register on the
// public page without JavaScript (two confirmed, one waitlisted); the first cancels through the link in their
// confirmation email; the waitlisted visitor is promoted and emailed; at the door one is checked in by a tap
// and one by the code from their email. CSP, page-error and axe checks, and German.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { axeProblems, ensureOwner, launchBrowser, startServer, watchPage, type RunningServer, pageHelpers } from './support.ts';

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

// The first 2nd Thursday of a month at least three days ahead, as the wall-clock date an input takes.
function nextSecondThursday(): string {
  const from = new Date(Date.now() + 3 * 24 * 3600_000);
  for (let month = 0; month < 3; month++) {
    const first = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + month, 1));
    const day = 1 + ((4 - first.getUTCDay() + 7) % 7) + 7;
    const date = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), day));
    if (date > from) return date.toISOString().slice(0, 10);
  }
  throw new Error('unreachable');
}

// The outbox holds each email as written (quoted-printable text parts): wait for one, then read it.
async function waitForEmail(request: APIRequestContext, to: string, subject: string): Promise<string> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const list = (await (await request.get(`${server.baseUrl}/api/v1/outbox`)).json()) as { items: { id: string; to: string; subject: string }[] };
    const found = list.items.find((item) => item.to.includes(to) && item.subject === subject);
    if (found) {
      const raw = await (await request.get(`${server.baseUrl}/api/v1/outbox/${found.id}`)).text();
      return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`No email "${subject}" to ${to} in the outbox`);
}

async function register(visitor: Page, url: string, name: string, email: string, button: string) {
  await visitor.goto(url);
  await visitor.getByLabel('Your name').fill(name);
  await visitor.getByLabel('Your email address').fill(email);
  await visitor.getByRole('button', { name: button }).click();
}

test('Events: a 2-place event, three visitors without JavaScript, a cancellation by email link promotes the waitlist, door check-in', async () => {
  const visitor = await browser.newContext({ locale: 'en-US', javaScriptEnabled: false });
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const watch = await watchPage(page);
  const a11y: string[] = [];
  try {
    // (1) The organiser creates a series: the 2nd and 4th Thursday, 2 places.
    await signIn(page, '/events');
    await page.getByRole('heading', { name: 'Events', level: 1 }).waitFor();
    await page.getByText('Nothing planned').waitFor();
    a11y.push(...(await axeProblems(page, 'events, empty')));
    await page.getByRole('link', { name: 'New event' }).click();
    await expectUrl(page, /^\/app\/events\/new$/);
    const date = nextSecondThursday();
    await page.getByRole('textbox', { name: 'Title' }).fill('Harbour Meetup');
    await page.getByLabel('Starts').fill(`${date}T19:00`);
    await page.getByRole('textbox', { name: 'Places' }).fill('2');
    await page.getByRole('textbox', { name: 'Venue' }).fill('The Boathouse');
    await page.getByRole('radio', { name: 'Monthly on a weekday' }).check();
    // The picker guessed "2nd Thursday" from the date; the 4th is one tap.
    await page.getByRole('checkbox', { name: '2nd' }).waitFor({ state: 'attached' });
    assert.equal(await page.getByRole('checkbox', { name: '2nd' }).isChecked(), true);
    await page.getByText('4th', { exact: true }).click();
    assert.equal(await page.getByRole('checkbox', { name: '4th' }).isChecked(), true);
    await page.getByText('Every 2nd and 4th Thursday of the month').waitFor();
    await page.getByText('FREQ=MONTHLY;BYDAY=2TH,4TH', { exact: true }).waitFor();
    a11y.push(...(await axeProblems(page, 'new event')));
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'events-new.png'), fullPage: true });
    await page.getByRole('button', { name: 'Create event' }).click();
    await expectUrl(page, /^\/app\/events\/occurrences\/[0-9a-f-]{36}$/);
    const occurrencePath = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: 'Harbour Meetup', level: 1 }).waitFor();
    await page.getByText('2 of 2 places left').waitFor();
    const publicHref = await page.getByRole('link', { name: /\/e\/[\w-]+ \(opens in a new tab\)$/ }).getAttribute('href');
    // The server's public address (PUBLIC_URL, here localhost) with the slug; visitors come to the test's address.
    assert.match(publicHref ?? '', /^http:\/\/localhost:\d+\/e\/harbour-meetup-[\w-]+$/);
    const publicUrl = `${server.baseUrl}${new URL(publicHref!).pathname}`;
    a11y.push(...(await axeProblems(page, 'occurrence, empty')));

    // (2) Three visitors without JavaScript: two places, then the waitlist.
    const form = await visitor.newPage();
    await register(form, publicUrl, 'Sam Rivera', 'sam@example.net', 'Register');
    await form.getByRole('heading', { name: "You're in!" }).waitFor();
    await register(form, publicUrl, 'Kim Lee', 'kim@example.net', 'Register');
    await form.getByRole('heading', { name: "You're in!" }).waitFor();
    await form.goto(publicUrl);
    await form.getByText('Sold out — join the waitlist').first().waitFor();
    await register(form, publicUrl, 'Robin Vogel', 'robin@example.net', 'Join the waitlist');
    await form.getByRole('heading', { name: "You're on the waitlist" }).waitFor();
    await form.getByText('You are number 1 on the waitlist', { exact: false }).waitFor();

    await page.reload();
    await page.getByText('Full · 1 waiting').waitFor();
    const confirmed = page.getByRole('region', { name: 'Confirmed (2)' });
    await confirmed.getByRole('row', { name: 'Sam Rivera' }).waitFor();
    await confirmed.getByRole('row', { name: 'Kim Lee' }).waitFor();
    const waitlist = page.getByRole('region', { name: 'Waitlist (1)' });
    assert.equal(await waitlist.getByRole('row', { name: 'Robin Vogel' }).getByRole('cell').first().textContent(), '1');
    a11y.push(...(await axeProblems(page, 'occurrence, full')));

    // (3) Sam's confirmation email: the manage link cancels; Kim's code is kept for the door.
    const samEmail = await waitForEmail(page.request, 'sam@example.net', "You're in: Harbour Meetup");
    const manage = /https?:\/\/[^\s"<>]+\/e\/r\/[\w-]+/.exec(samEmail)?.[0];
    assert.ok(manage, 'the confirmation email has a manage link');
    const kimEmail = await waitForEmail(page.request, 'kim@example.net', "You're in: Harbour Meetup");
    const kimCode = /Your check-in code: ([A-Z0-9]{6})/.exec(kimEmail)?.[1];
    assert.ok(kimCode, 'the confirmation email has a check-in code');
    await form.goto(`${server.baseUrl}${new URL(manage).pathname}`);
    await form.getByRole('button', { name: 'Cancel my registration' }).click();
    await form.getByRole('heading', { name: 'Your registration is cancelled' }).waitFor();

    // (4) Robin moved up, and was told.
    await page.reload();
    await page.getByRole('region', { name: 'Confirmed (2)' }).getByRole('row', { name: 'Robin Vogel' }).waitFor();
    await page.getByRole('region', { name: 'Waitlist (0)' }).getByText('Nobody is waiting.').waitFor();
    await page.getByRole('region', { name: 'Cancelled (1)' }).getByRole('row', { name: 'Sam Rivera' }).waitFor();
    await page.getByText('Full', { exact: true }).waitFor();
    await waitForEmail(page.request, 'robin@example.net', 'A place opened up: Harbour Meetup');
    await page.screenshot({ path: join(artifacts, 'events-occurrence.png'), fullPage: true });

    // The month calendar leads back to this date.
    await page.getByRole('link', { name: 'Events', exact: true }).click();
    await page.getByRole('tab', { name: 'Calendar' }).click();
    if (Number(date.slice(5, 7)) !== new Date().getMonth() + 1) await page.getByRole('button', { name: 'Next month' }).click();
    const month = page.getByRole('table', { name: new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric' }).format(new Date(`${date}T12:00:00Z`)) });
    await month.getByRole('link', { name: '07:00 PM Harbour Meetup' }).first().click();
    await expectUrl(page, new RegExp(`^${occurrencePath}$`));

    // (5) At the door, on a phone: Robin by a tap, Kim by the code from the email.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('link', { name: 'Door check-in' }).click();
    await expectUrl(page, /\/door$/);
    await page.getByText('0 of 2 checked in').waitFor();
    await page.getByRole('region', { name: 'Still to come (2)' }).waitFor();
    const waiting = page.getByRole('region', { name: /^Still to come/ });
    await page.getByRole('searchbox', { name: 'Find a name' }).fill('rob');
    await waiting.getByRole('button', { name: 'Kim Lee' }).waitFor({ state: 'detached' });
    a11y.push(...(await axeProblems(page, 'door')));
    await waiting.getByRole('button', { name: /^Robin Vogel robin@example\.net Check in$/ }).click();
    await page.getByText('Robin Vogel is checked in').waitFor();
    await page.getByRole('region', { name: 'Attended (1)' }).getByText('Robin Vogel').waitFor();
    await page.getByRole('searchbox', { name: 'Find a name' }).fill('');
    await page.getByRole('textbox', { name: 'Code from the email' }).fill('ZZZZZZ');
    await page.getByRole('button', { name: 'Check in', exact: true }).click();
    await page.getByText('Nobody with this code at this date').waitFor();
    await page.getByRole('textbox', { name: 'Code from the email' }).fill(kimCode.toLowerCase());
    await page.getByRole('button', { name: 'Check in', exact: true }).click();
    await page.getByText('Kim Lee is checked in').waitFor();
    const attended = page.getByRole('region', { name: 'Attended (2)' });
    await attended.getByText('Kim Lee').waitFor();
    await page.getByText('2 of 2 checked in').waitFor();
    await page.getByText('Everyone is here.').waitFor();
    await settled(page);
    a11y.push(...(await axeProblems(page, 'door, everyone in')));
    await page.screenshot({ path: join(artifacts, 'events-door.png'), fullPage: true });

    // Back on the occurrence page they are under Attended, and the CSV has them.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.baseUrl}${occurrencePath}`);
    const came = page.getByRole('region', { name: 'Attended (2)' });
    await came.getByRole('row', { name: 'Robin Vogel' }).waitFor();
    await came.getByRole('row', { name: 'Kim Lee' }).waitFor();
    await page.getByRole('region', { name: 'Confirmed (0)' }).waitFor();
    const csvHref = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    const csv = await (await page.request.get(`${server.baseUrl}${csvHref}`)).text();
    assert.match(csv, /Kim Lee/);
    assert.match(csv, /Sam Rivera/);

    // A message to those who came.
    const message = page.getByRole('region', { name: 'Message a group' });
    await message.getByRole('combobox', { name: 'To' }).click();
    await page.getByRole('option', { name: 'Those who came' }).click();
    await message.getByRole('textbox', { name: 'Subject' }).fill('Thank you for coming');
    await message.getByRole('textbox', { name: 'Message' }).fill('The slides are on our website.');
    await message.getByRole('button', { name: 'Send' }).click();
    await page.getByText('2 emails are on their way').waitFor();
    await waitForEmail(page.request, 'kim@example.net', 'Thank you for coming');
    a11y.push(...(await axeProblems(page, 'occurrence, after the door')));

    assert.deepEqual(watch.cspViolations(), [], 'no CSP violations');
    assert.deepEqual(watch.pageErrors, [], 'no page errors');
    assert.deepEqual(a11y, [], 'no serious or critical accessibility violations');
  } catch (error) {
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'events-failure.png'), fullPage: true }).catch(() => {});
    console.log(watch.messages.join('\n'));
    throw error;
  } finally {
    await visitor.close();
    await context.close();
  }
});

test('German: the Events pages speak German', async () => {
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  const watch = await watchPage(page);
  try {
    await signIn(page, '/events/new');
    await page.getByRole('button', { name: /^(Language|Sprache):/ }).click();
    await page.getByRole('menuitem', { name: 'Deutsch' }).click();
    await page.getByRole('heading', { name: 'Neue Veranstaltung', level: 1 }).waitFor();
    await page.getByRole('radio', { name: 'Monatlich an einem Wochentag' }).check();
    await page.getByText(/^Jeden \d\.|^Jeden letzten/).waitFor();
    await page.getByRole('button', { name: 'Veranstaltung anlegen' }).waitFor();
    await page.goto(`${server.baseUrl}/app/events`);
    await page.getByRole('heading', { name: 'Veranstaltungen', level: 1 }).waitFor();
    await page.getByRole('tab', { name: 'Kalender' }).click();
    await page.getByRole('button', { name: 'Nächster Monat' }).waitFor();
    await settled(page);
    assert.deepEqual(await axeProblems(page, 'events, German'), [], 'no serious or critical accessibility violations');
    assert.deepEqual(watch.cspViolations(), [], 'no CSP violations');
    assert.deepEqual(watch.pageErrors, [], 'no page errors');
  } finally {
    await context.close();
  }
});
