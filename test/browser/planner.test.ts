// The planner in real Chromium: the owner adds a LinkedIn channel with two slots and sets Germany for holidays,
// writes an offer idea (the live counter counts it as LinkedIn does), drags it with the mouse onto next week's
// Wednesday slot and sees it scheduled and the mix guard flag the offer share; schedules a second idea from the
// keyboard-friendly menu; an observance sits on its day; a post due on the manual channel is copied and marked
// as posted; a meetup shows on its day; a Mastodon post of unknown outcome is resolved; then the same week in German. CSP, page-error and axe checks.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startFakeMastodon } from '../../src/server/modules/posts/adapters/mastodon.test-server.ts';
import { axeProblems, ensureOwner, launchBrowser, pageHelpers, startServer, watchPage, type RunningServer } from './support.ts';

const artifacts = join(import.meta.dirname, '..', '..', 'artifacts');
let server: RunningServer;
let browser: Browser;
const { expectUrl, signIn, settled, apiClient } = pageHelpers(() => server.baseUrl);

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await ensureOwner(server.baseUrl);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

// Next week's Monday in Berlin (the workspace's zone), as YYYY-MM-DD, and a day of that week.
function nextWeek(): { monday: string; day: (offset: number) => string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
  const base = Date.parse(`${today}T12:00:00Z`);
  const weekday = (new Date(base).getUTCDay() + 6) % 7;
  const monday = base + (7 - weekday) * 86_400_000;
  const day = (offset: number) => new Date(monday + offset * 86_400_000).toISOString().slice(0, 10);
  return { monday: day(0), day };
}

// A real mouse drag: press, move a little so the drag starts, travel to the target, release.
async function drag(page: Page, from: ReturnType<Page['locator']>, to: ReturnType<Page['locator']>) {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 12, a.y + a.height / 2 + 12, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 20 });
  await page.mouse.move(b.x + b.width / 2 + 2, b.y + b.height / 2 + 2, { steps: 2 });
  await page.mouse.up();
}

type Observance = { date: string; key: string; name: { en: string; de: string } };

test('Planner: a channel with slots, an idea dragged onto next week, the mix guard, an observance, a meetup, due now, an unknown outcome resolved, German', async () => {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Berlin', viewport: { width: 1400, height: 1000 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
  const page = await context.newPage();
  const watch = await watchPage(page);
  const a11y: string[] = [];
  const week = nextWeek();
  const wednesday = week.day(2);
  try {
    // (1) A manual LinkedIn channel: Wednesday and Friday at 10:00 in Berlin, three posts a week.
    await signIn(page, '/planner');
    await page.getByRole('heading', { name: 'Planner', level: 1 }).waitFor();
    await page.getByText('Add a channel with posting slots to plan your week.').waitFor();
    await page.getByRole('link', { name: 'Channels' }).click();
    await expectUrl(page, /^\/app\/planner\/channels$/);
    await page.getByRole('button', { name: 'Add channel' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Platform' }).click();
    await page.getByRole('option', { name: 'LinkedIn' }).click();
    await dialog.getByRole('textbox', { name: 'Name' }).fill('LinkedIn');
    for (const [index, day] of [[0, 'Wednesday'], [1, 'Friday']] as const) {
      await dialog.getByRole('button', { name: 'Add slot' }).click();
      const row = dialog.getByTestId('slot-row').nth(index);
      await row.getByRole('combobox', { name: 'Day' }).click();
      await page.getByRole('option', { name: day, exact: true }).click();
      await row.getByLabel('Time').fill('10:00');
    }
    await settled(page);
    a11y.push(...(await axeProblems(page, 'channel form')));
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Channel saved').waitFor();
    await page.getByRole('cell', { name: 'Wed 10:00, Fri 10:00' }).waitFor();
    await page.getByRole('cell', { name: '3 a week' }).waitFor();
    // Public holidays of Germany on the calendar.
    await page.getByRole('textbox', { name: 'Country for public holidays' }).fill('DE');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved', { exact: true }).waitFor();
    a11y.push(...(await axeProblems(page, 'channels')));

    // (2) An offer, written as an idea; the counter counts it as LinkedIn does.
    await page.getByRole('link', { name: 'Back to the planner' }).click();
    await page.getByRole('link', { name: 'New post' }).first().click();
    await expectUrl(page, /^\/app\/planner\/posts\/new$/);
    await page.getByRole('combobox', { name: 'Pillar' }).click();
    await page.getByRole('option', { name: 'Offer' }).click();
    const body = 'Our winter workshop has 5 places left: book yours at https://example.org/workshop';
    await page.getByRole('textbox', { name: 'Text' }).fill(body);
    await page.getByRole('checkbox', { name: 'LinkedIn' }).check();
    await page.getByText(`${body.length} / 3000`).waitFor();
    await page.getByText('Advice only — you decide.').waitFor();
    await settled(page);
    a11y.push(...(await axeProblems(page, 'post editor')));
    await page.getByRole('button', { name: 'Save' }).click();
    await expectUrl(page, /^\/app\/planner$/);
    const card = page.getByTestId('side-post').filter({ hasText: 'Our winter workshop' });
    await card.waitFor();

    // (3) Next week: drag the idea onto Wednesday's slot with the mouse.
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    const wednesdayColumn = page.locator(`[data-day="${wednesday}"]`);
    await wednesdayColumn.waitFor();
    const mix = page.getByTestId('mix-week');
    await mix.getByText('0 posts this week', { exact: true }).waitFor();
    const slot = wednesdayColumn.locator('[data-slot]').filter({ hasText: '10:00' });
    await drag(page, card, slot);
    await slot.getByText('Our winter workshop').waitFor();
    await page.getByTestId('side-post').filter({ hasText: 'Our winter workshop' }).waitFor({ state: 'detached' });
    await mix.getByText('1 post this week', { exact: true }).waitFor();
    await mix.locator('[data-pillar="offer"][data-state="over"]').waitFor();
    await mix.locator('[data-warning="PILLAR_OVER"]').waitFor();
    await mix.getByText('LinkedIn: 1 of 3 planned · 2 more to reach the goal').waitFor();

    // (4) A second idea, scheduled from its menu instead of a drag: Friday is the open slot.
    const api = await apiClient(page);
    await api('/api/v1/posts', { pillar: 'value', body: 'Three questions to ask before any workshop', status: 'idea' });
    await page.reload();
    await page.getByRole('button', { name: /^Schedule "Three questions to ask/ }).click();
    await page.getByRole('menuitem', { name: /^LinkedIn, Fri/ }).click();
    await page.locator(`[data-day="${week.day(4)}"] [data-slot]`).getByText('Three questions').waitFor();
    await mix.getByText('2 posts this week', { exact: true }).waitFor();

    // (5) An observance of next week on its day (a public holiday or an awareness day).
    const listed = await page.request.get(`${server.baseUrl}/api/v1/observances?from=${week.monday}&to=${week.day(6)}`);
    const observance = ((await listed.json()) as { items: Observance[] }).items[0];
    assert.ok(observance, 'every week has at least one observance');
    await page.locator(`[data-day="${observance.date}"] [data-observance="${observance.key}"]`).getByText(observance.name.en).waitFor();
    // A meetup you host next Thursday is on the same calendar.
    await api('/api/v1/events', { title: 'Harbour Meetup', timezone: 'Europe/Berlin', localStart: `${week.day(3)}T19:00`, durationMinutes: 120, capacity: 12 });
    await page.reload();
    await page.locator(`[data-day="${week.day(3)}"]`).getByRole('link', { name: 'Meetup 19:00 Harbour Meetup' }).waitFor();
    await settled(page);
    a11y.push(...(await axeProblems(page, 'planner week')));

    // (6) Due now on the manual channel: copy the text, then "I posted it" with its address.
    const posts = (await (await page.request.get(`${server.baseUrl}/api/v1/channels`)).json()) as { items: { id: string }[] };
    await api('/api/v1/posts', { pillar: 'community', body: 'Thank you to everyone who came on Tuesday!', status: 'scheduled', scheduledAt: new Date(Date.now() - 20_000).toISOString(), channels: [{ channelId: posts.items[0]!.id }] });
    // The due list refreshes every minute; a reload shows it at once.
    await page.goto(`${server.baseUrl}/app/planner`);
    const due = page.getByTestId('due-item');
    await due.getByRole('textbox', { name: 'Text for LinkedIn' }).waitFor();
    await due.getByRole('button', { name: 'Copy text' }).click();
    await due.getByRole('button', { name: 'Copied' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'Thank you to everyone who came on Tuesday!');
    await due.getByRole('button', { name: 'I posted it' }).click();
    await due.getByRole('textbox', { name: 'Address of the post' }).fill('https://www.linkedin.com/posts/harbour-thank-you');
    await due.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Marked as posted').waitFor();
    await due.waitFor({ state: 'detached' });

    // (7) A Mastodon post whose outcome is unknown: the instance answers 503 after creating it, every time.
    const mastodon = await startFakeMastodon('token-1');
    try {
      mastodon.faults.push(...Array.from({ length: 4 }, () => ({ status: 503 as const, retryAfter: '0', afterCreating: true })));
      const channel = await api<{ id: string }>('/api/v1/channels', { platform: 'mastodon', name: 'Fediverse', account: `${mastodon.url}/@alex`, credentials: { accessToken: 'token-1' }, cadencePerWeek: 0 });
      await api('/api/v1/posts', { pillar: 'value', body: 'A note on harbour etiquette', status: 'scheduled', scheduledAt: new Date(Date.now() - 20_000).toISOString(), channels: [{ channelId: channel.id }] });
      const deadline = Date.now() + 30_000;
      for (;;) {
        const unknown = (await (await page.request.get(`${server.baseUrl}/api/v1/posts?status=unknown`)).json()) as { items: unknown[] };
        if (unknown.items.length === 1) break;
        assert.ok(Date.now() < deadline, 'the publisher marks the post unknown');
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      assert.equal(mastodon.statuses.length, 1, 'the instance has it, though it never said so');
    } finally {
      await mastodon.close();
    }
    await page.reload();
    const troubled = page.getByTestId('troubled-target');
    await troubled.getByText('Outcome unknown').waitFor();
    await troubled.getByRole('textbox', { name: 'Address of the post (if it is out)' }).fill('https://social.example/@alex/1');
    await troubled.getByRole('button', { name: 'It is out' }).click();
    await page.getByText('Settled', { exact: true }).waitFor();
    await troubled.waitFor({ state: 'detached' });

    // (7b) A post that went out: a reply on Mastodon, read on demand, is what the post led to.
    const social = await startFakeMastodon('token-2');
    try {
      const fediverse = await api<{ id: string }>('/api/v1/channels', { platform: 'mastodon', name: 'Fediverse too', account: `${social.url}/@alex`, credentials: { accessToken: 'token-2' }, cadencePerWeek: 0 });
      const sent = await api<{ id: string }>('/api/v1/posts', { pillar: 'community', body: 'Who is coming to the harbour walk?', status: 'scheduled', scheduledAt: new Date(Date.now() - 20_000).toISOString(), channels: [{ channelId: fediverse.id }] });
      const deadline = Date.now() + 30_000;
      while ((await (await page.request.get(`${server.baseUrl}/api/v1/posts/${sent.id}`)).json()).status !== 'published') {
        assert.ok(Date.now() < deadline, 'the post goes out');
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      social.mentions.push({ id: '900', acct: 'robin@harbour.example', name: 'Robin Vogel', inReplyToId: social.statuses[0]!.id, text: 'Count me in!', createdAt: new Date().toISOString() });
      await page.goto(`${server.baseUrl}/app/planner/posts/${sent.id}`);
      const panel = page.getByRole('region', { name: 'What it led to' });
      await panel.getByRole('region', { name: 'Conversations (0)' }).getByText('Nothing yet.').waitFor();
      await panel.getByRole('button', { name: 'Check for replies now' }).click();
      await page.getByText('1 new reply or mention').waitFor();
      await panel.getByRole('region', { name: 'Conversations (1)' }).getByRole('link', { name: 'Robin Vogel' }).waitFor();
      await panel.getByText('Count me in!').waitFor();
      a11y.push(...(await axeProblems(page, 'post outcomes')));
    } finally {
      await social.close();
    }

    // (8) The month shows the scheduled posts too.
    await page.goto(`${server.baseUrl}/app/planner?view=month&date=${wednesday}`);
    await page.getByTestId('month-grid').locator(`[data-day="${wednesday}"]`).getByText(/10:00 Our winter workshop/).waitFor();
    await page.getByTestId('month-grid').locator(`[data-day="${observance.date}"] [data-observance="${observance.key}"]`).waitFor();

    // (9) German: the same week speaks German.
    await page.goto(`${server.baseUrl}/app/planner?date=${wednesday}`);
    await page.getByRole('button', { name: /^Language:/ }).click();
    await page.getByRole('menuitem', { name: 'Deutsch' }).click();
    await page.getByRole('heading', { name: 'Planer', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Mischungswächter' }).waitFor();
    await mix.getByText('2 Beiträge diese Woche', { exact: true }).waitFor();
    await mix.getByText('über dem Ziel').waitFor();
    await page.locator(`[data-day="${observance.date}"] [data-observance="${observance.key}"]`).getByText(observance.name.de).waitFor();
    await page.getByRole('heading', { name: 'Ideen und Entwürfe' }).waitFor();
    await settled(page);
    a11y.push(...(await axeProblems(page, 'planner, German')));

    assert.deepEqual(watch.cspViolations(), [], 'no CSP violations');
    assert.deepEqual(watch.pageErrors, [], 'no page errors');
    assert.deepEqual(a11y, [], 'no serious or critical accessibility violations');
  } catch (error) {
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'planner-failure.png'), fullPage: true }).catch(() => {});
    console.log(watch.messages.join('\n'));
    throw error;
  } finally {
    await context.close();
  }
});
