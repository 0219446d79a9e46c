// Today in real Chromium: a reply owed is explained and snoozed, a call is planned from its nudge and
// done, the ladder moves, meeting mode silences nudges; with CSP, page-error and axe checks, and in German.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeProblems, ensureOwner, launchBrowser, startServer, watchPage, type RunningServer, pageHelpers } from './support.ts';

const artifacts = join(import.meta.dirname, '..', '..', 'artifacts');
const day = 24 * 3600 * 1000;
let server: RunningServer;
let browser: Browser;
const { signIn, settled, apiClient } = pageHelpers(() => server.baseUrl);

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await ensureOwner(server.baseUrl);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('Today: a reply owed is snoozed, a call is planned from its nudge and done, the ladder moves', async () => {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const watch = await watchPage(page);
  const a11y: string[] = [];
  try {
    await signIn(page, '/today');
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    await page.getByText('Nobody is waiting on you today.').waitFor();

    // Jordan wrote a direct message three days ago; Robin and I have written back and forth for over two weeks.
    const post = await apiClient(page);
    const now = Date.now();
    const jordan = await post<{ id: string }>('/api/v1/people', { name: 'Jordan Lee', tags: ['meetup'] });
    await post(`/api/v1/people/${jordan.id}/interactions`, { channel: 'mastodon', kind: 'dm', direction: 'in', occurredAt: new Date(now - 3 * day).toISOString() });
    const robin = await post<{ id: string }>('/api/v1/people', { name: 'Robin Park' });
    for (const [daysAgo, direction] of [[20, 'in'], [16, 'out'], [12, 'in'], [8, 'out'], [5, 'in'], [4, 'out']] as const) {
      await post(`/api/v1/people/${robin.id}/interactions`, { channel: 'email', kind: 'email', direction, occurredAt: new Date(now - daysAgo * day).toISOString() });
    }

    await page.reload();
    const callSection = page.getByRole('region', { name: 'Call or meet' });
    const owedSection = page.getByRole('region', { name: 'Owed' });
    const reply = owedSection.getByRole('listitem').filter({ hasText: 'Jordan Lee' });
    await reply.getByText('Jordan Lee wrote to you 3 days ago and has no answer yet: reply.').waitFor();
    const call = callSection.getByRole('listitem').filter({ hasText: 'Robin Park' });
    await call.getByText('You have exchanged 6 messages with Robin Park over 2 weeks: call them.').waitFor();
    // Sections in the order of the design: call or meet first, then what is owed.
    const headings = await page.getByRole('heading', { level: 2 }).allInnerTexts();
    assert.deepEqual(headings.filter((h) => h === 'Call or meet' || h === 'Owed'), ['Call or meet', 'Owed']);
    assert.equal(await reply.getByRole('link', { name: 'Open' }).getAttribute('href'), `/app/people/${jordan.id}`);
    a11y.push(...(await axeProblems(page, 'today with nudges')));
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'today-nudges.png'), fullPage: true });

    // Snooze the reply: it is gone at once and stays gone after a reload.
    await reply.getByRole('button', { name: 'More for Jordan Lee' }).click();
    await page.getByRole('menuitem', { name: 'Snooze a week' }).click();
    await reply.waitFor({ state: 'detached' });
    await page.reload();
    await call.waitFor();
    assert.equal(await page.getByText('Jordan Lee wrote to you').count(), 0);

    // Plan the call from its nudge: tomorrow at 10:00 for 30 minutes by default.
    await call.getByRole('button', { name: 'Plan a call' }).click();
    const planDialog = page.getByRole('dialog', { name: 'Plan a call or meeting with Robin Park' });
    await planDialog.waitFor();
    assert.match(await planDialog.getByLabel('When').inputValue(), /T10:00$/);
    assert.equal(await planDialog.getByLabel('Duration in minutes').inputValue(), '30');
    await settled(page);
    a11y.push(...(await axeProblems(page, 'plan dialog')));
    await planDialog.getByRole('button', { name: 'Plan it' }).click();
    await planDialog.waitFor({ state: 'hidden' });

    // It shows under planned touches, tomorrow; the nudge it answers is put away until then.
    const planned = page.getByRole('region', { name: 'Planned' });
    const tomorrow = planned.getByRole('region', { name: 'Tomorrow' });
    const plannedCall = tomorrow.getByRole('listitem').filter({ hasText: 'Robin Park' });
    await plannedCall.waitFor();
    assert.match(await plannedCall.innerText(), /Call with/);
    assert.match(await plannedCall.innerText(), /10:00/);
    await call.waitFor({ state: 'detached' });
    await page.getByText('Nobody is waiting on you today.').waitFor();
    a11y.push(...(await axeProblems(page, 'today with a plan')));
    await page.screenshot({ path: join(artifacts, 'today.png'), fullPage: true });

    // The call happened: a note, and it lands on Robin's timeline; the ladder reaches Talked.
    await plannedCall.getByRole('button', { name: 'Done: Call with Robin Park' }).click();
    const doneDialog = page.getByRole('dialog', { name: 'How did it go?' });
    await doneDialog.getByLabel('Note').fill('Agreed to meet at the next meetup');
    await doneDialog.getByRole('button', { name: 'Log it' }).click();
    await doneDialog.waitFor({ state: 'hidden' });
    await planned.waitFor({ state: 'detached' });

    await page.goto(`${server.baseUrl}/app/people/${robin.id}`);
    await page.getByRole('heading', { name: 'Robin Park', level: 1 }).waitFor();
    await page.getByRole('list', { name: 'Timeline' }).getByText('Agreed to meet at the next meetup').waitFor();
    const ladder = page.getByRole('list', { name: 'Ladder' });
    assert.match(await ladder.locator('[aria-current="step"]').innerText(), /^Talked\b/);

    // Plan a coffee from the person page: it is listed there.
    await page.getByRole('button', { name: 'Plan a call or meeting' }).click();
    const coffeeDialog = page.getByRole('dialog', { name: 'Plan a call or meeting with Robin Park' });
    await coffeeDialog.getByText('Coffee', { exact: true }).click();
    await coffeeDialog.getByLabel('Place').fill('Harbour Café');
    await coffeeDialog.getByRole('button', { name: 'Plan it' }).click();
    await coffeeDialog.waitFor({ state: 'hidden' });
    const personPlans = page.getByRole('region', { name: 'Planned' });
    await personPlans.getByText('Harbour Café', { exact: false }).waitFor();
    assert.match(await personPlans.innerText(), /Coffee/);
    a11y.push(...(await axeProblems(page, 'person page with ladder and plans')));
    await page.screenshot({ path: join(artifacts, 'person-ladder.png'), fullPage: true });

    // People: the ladder step is a column and a filter.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await page.getByRole('row', { name: /Robin Park/ }).getByText('Talked').waitFor();
    await page.getByRole('combobox', { name: 'Ladder step' }).click();
    await page.getByRole('option', { name: 'Talked' }).click();
    await page.getByRole('row', { name: /Jordan Lee/ }).waitFor({ state: 'detached' });
    await page.getByRole('row', { name: /Robin Park/ }).waitFor();
    assert.match(page.url(), /step=talked/);

    // Settings: a cadence for a tag, and the private calendar address.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const nudges = page.getByRole('region', { name: 'Nudges' });
    await nudges.getByLabel('Reply: after this many hours without an answer').waitFor();
    await nudges.getByRole('combobox', { name: 'New tag' }).fill('meetup');
    await nudges.getByRole('button', { name: 'Add' }).click();
    await nudges.getByRole('textbox', { name: 'Days for the tag meetup' }).fill('1');
    await nudges.getByRole('button', { name: 'Save nudge settings' }).click();
    await page.getByText('Nudge settings saved').waitFor();
    const feed = page.getByRole('textbox', { name: 'Private calendar address' });
    assert.match(await feed.inputValue(), /\/feeds\/plans\/[^/]+\.ics$/);
    a11y.push(...(await axeProblems(page, 'settings with nudges and feed')));
    await page.screenshot({ path: join(artifacts, 'settings-nudges.png'), fullPage: true });

    // Jordan's last touch is three days old and the meetup tag now wants one a day: losing touch.
    await page.goto(`${server.baseUrl}/app/today/losing-touch`);
    await page.getByRole('heading', { name: 'Losing touch', level: 1 }).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Jordan Lee' })
      .getByText('You last were in touch with Jordan Lee 3 days ago; you wanted every day: reconnect.').waitFor();
    a11y.push(...(await axeProblems(page, 'losing touch')));

    // Meeting mode: during a coffee on the calendar, Today shows no nudges.
    await post('/api/v1/plans', { personId: jordan.id, kind: 'coffee', startsAt: new Date(Date.now() - 10 * 60_000).toISOString(), durationMinutes: 60 });
    await page.goto(`${server.baseUrl}/app/today`);
    const banner = page.getByRole('status').filter({ hasText: 'Meeting mode' });
    await banner.getByText(/You are in a meeting until \d{1,2}:\d{2}( [AP]M)? — no nudges until then\./).waitFor();
    assert.equal(await page.getByRole('region', { name: 'Keep in touch' }).count(), 0);
    a11y.push(...(await axeProblems(page, 'today in meeting mode')));

    assert.deepEqual(watch.cspViolations(), [], 'no CSP violations');
    assert.deepEqual(watch.pageErrors, [], 'no page errors');
    assert.deepEqual(a11y, [], 'no serious or critical accessibility violations');
  } catch (error) {
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'today-failure.png'), fullPage: true }).catch(() => {});
    console.log(watch.messages.join('\n'));
    throw error;
  } finally {
    await context.close();
  }
});

test('German: Today, its planned touches and the ladder speak German', async () => {
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  const watch = await watchPage(page);
  try {
    await signIn(page, '/today');
    await page.getByRole('button', { name: /^(Language|Sprache):/ }).click();
    await page.getByRole('menuitem', { name: 'Deutsch' }).click();
    await page.getByRole('heading', { name: 'Heute', level: 1 }).waitFor();
    // Whatever the first test left: a plan under "Geplant", or meeting mode, or the quiet day.
    await page.getByText(/Besprechungsmodus|Heute wartet niemand auf dich\.|Geplant/).first().waitFor();
    await page.getByRole('link', { name: 'Aus den Augen verloren' }).waitFor();

    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Personen' }).click();
    await page.getByRole('columnheader', { name: 'Stufe' }).waitFor();
    await page.getByRole('combobox', { name: 'Stufe' }).waitFor();

    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Einstellungen' }).click();
    await page.getByRole('heading', { name: 'Hinweise' }).waitFor();
    await page.getByRole('heading', { name: 'Kalender-Abo' }).waitFor();
    assert.deepEqual(await axeProblems(page, 'settings, German'), [], 'no serious or critical accessibility violations');

    assert.deepEqual(watch.cspViolations(), [], 'no CSP violations');
    assert.deepEqual(watch.pageErrors, [], 'no page errors');
  } finally {
    await context.close();
  }
});
