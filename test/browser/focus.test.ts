// Focus in real Chromium: a budget that over-commits, a session started from the header that shows
// the same phase after a reload, ended early; a leave phase that plans a call; the weekly reflection
// answered and shown beside the measured week; with CSP, page-error and axe checks, and in German.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeProblems, ensureOwner, launchBrowser, pageHelpers, startServer, watchPage, type RunningServer } from './support.ts';

const artifacts = join(import.meta.dirname, '..', '..', 'artifacts');
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

// "4:37" → 277
const seconds = (text: string) => {
  const [m, s] = text.trim().split(':').map(Number);
  return m! * 60 + s!;
};

async function startFromHeader(page: Page, channel: string, phases?: Record<string, string>) {
  await page.getByRole('banner').getByRole('button', { name: 'Focus' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start a focus session' });
  await dialog.waitFor();
  // A chip's checkbox is visually hidden: click its label, as a person does.
  if (!(await dialog.getByRole('checkbox', { name: channel }).isChecked())) await dialog.getByText(channel, { exact: true }).click();
  assert.equal(await dialog.getByRole('checkbox', { name: channel }).isChecked(), true);
  if (phases) {
    await dialog.getByRole('button', { name: 'Adjust the phases' }).click();
    for (const [label, value] of Object.entries(phases)) await dialog.getByRole('textbox', { name: label }).fill(value);
  }
  await dialog.getByRole('button', { name: 'Start' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

test('Focus: budget, a session that survives a reload, ended early, a call planned when leaving, the reflection', async () => {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const watch = await watchPage(page);
  const a11y: string[] = [];
  try {
    await signIn(page, '/today');
    const card = page.getByRole('region', { name: 'Focus this week' });
    await card.getByText('0 minutes this week, no budget set.').waitFor();

    // A budget of 60 minutes on LinkedIn, whose channel in the planner aims at 3 posts a week, at 30 minutes each: over-committed.
    await (await apiClient(page))('/api/v1/channels', { platform: 'linkedin', name: 'LinkedIn', mode: 'manual', cadencePerWeek: 3 });
    await page.goto(`${server.baseUrl}/app/focus`);
    const budget = page.getByRole('region', { name: 'Weekly budget' });
    await budget.getByRole('checkbox', { name: 'LinkedIn' }).check();
    await budget.getByRole('textbox', { name: 'LinkedIn: Minutes a week' }).fill('60');
    await budget.getByRole('textbox', { name: 'LinkedIn: Minutes a post' }).fill('30');
    await budget.getByRole('button', { name: 'Save' }).click();
    await page.getByText('LinkedIn: your posting goal needs 90 minutes a week, the budget allows 60.').waitFor();
    a11y.push(...(await axeProblems(page, 'focus page with budget')));

    // Start from the header: the read phase, counted down from the server's session.
    await startFromHeader(page, 'LinkedIn');
    const panel = page.getByRole('region', { name: 'Focus session' });
    await panel.getByRole('heading', { name: 'Read' }).waitFor();
    const before = seconds(await panel.getByRole('timer').innerText());
    assert.ok(before > 150 && before <= 180, `read starts with 3 minutes: ${before}s`);
    await settled(page);
    a11y.push(...(await axeProblems(page, 'timer panel')));
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'focus-timer.png'), fullPage: true });

    // A reload (or another device) shows the same session: same phase, the time still running down.
    await page.waitForTimeout(1500);
    await page.reload();
    await panel.getByRole('heading', { name: 'Read' }).waitFor();
    const after = seconds(await panel.getByRole('timer').innerText());
    assert.ok(after < before && after > before - 60, `after the reload ${after}s, before ${before}s`);
    await page.getByRole('banner').getByText(/^Read · \d+:\d\d$/).waitFor();

    // End early: the panel goes, the session is listed as ended early.
    await panel.getByRole('button', { name: 'End now' }).click();
    await panel.waitFor({ state: 'detached' });
    await page.getByRole('region', { name: 'Recent sessions' }).getByText('Ended early').waitFor();
    await page.getByRole('banner').getByRole('button', { name: 'Focus' }).waitFor();

    // A session that is all leave phase: the week so far, and who to call becomes a planned call.
    const post = await apiClient(page);
    await post('/api/v1/people', { name: 'Robin Park' });
    await startFromHeader(page, 'LinkedIn', { Read: '0', Write: '0', Reply: '0', Leave: '5' });
    await panel.getByRole('heading', { name: 'Leave' }).waitFor();
    await panel.getByText(/^LinkedIn: \d+ min spent, \d+ min left$/).waitFor();
    const who = panel.getByRole('combobox', { name: 'Who to call?' });
    await who.fill('Robin');
    await page.getByRole('option', { name: 'Robin Park' }).click();
    await who.press('Escape');
    await panel.getByRole('button', { name: 'Plan the call' }).click();
    await page.getByText(/^Call planned with Robin Park for /).waitFor();
    await panel.getByText('1 call planned in this session.').waitFor();
    await settled(page);
    a11y.push(...(await axeProblems(page, 'leave summary')));
    await panel.getByRole('button', { name: 'End now' }).click();
    await panel.waitFor({ state: 'detached' });
    const plans = await (await page.request.get(`${server.baseUrl}/api/v1/plans`)).json() as { items: { personName: string; kind: string }[] };
    assert.deepEqual(plans.items.map((p) => [p.personName, p.kind]), [['Robin Park', 'call']]);

    // Today shows what is left of the budget.
    await page.goto(`${server.baseUrl}/app/today`);
    await card.getByTestId('focus-left').getByText(/^\d+ of 60 minutes left this week$/).waitFor();

    // The weekly reflection: four answers beside the measured week, then in the trend.
    await page.goto(`${server.baseUrl}/app/focus/reflection`);
    await page.getByRole('heading', { name: 'Weekly reflection', level: 1 }).waitFor();
    await page.getByTestId('reflection-measured').getByText(/; ended on time: 0 of 2\.$/).waitFor();
    const answers: [string, string][] = [
      ['How much time are you spending on social media?', '4'],
      ['Do you feel under pressure to perform?', '2'],
      ['Are you stressed out that you have over-committed to too many platforms?', '5'],
      ['Can you put your phone down and walk away?', '3'],
    ];
    for (const [question, value] of answers) await page.getByRole('radiogroup', { name: question }).getByRole('radio', { name: value }).check();
    await page.getByRole('button', { name: 'Save answers' }).click();
    await page.getByText('Answered for this week. You can change your answers until the week is over.').waitFor();
    const thisWeek = page.getByTestId('reflection-table').getByRole('row').nth(1);
    assert.deepEqual((await thisWeek.getByRole('cell').allInnerTexts()).slice(2), ['0 / 2', '4', '2', '5', '3']);
    // A reload keeps the answers.
    await page.reload();
    assert.equal(await page.getByRole('radiogroup', { name: 'Do you feel under pressure to perform?' }).getByRole('radio', { name: '2' }).isChecked(), true);
    await settled(page);
    a11y.push(...(await axeProblems(page, 'reflection')));
    await page.screenshot({ path: join(artifacts, 'focus-reflection.png'), fullPage: true });

    assert.deepEqual(watch.cspViolations(), [], 'no CSP violations');
    assert.deepEqual(watch.pageErrors, [], 'no page errors');
    assert.deepEqual(a11y, [], 'no serious or critical accessibility violations');
  } catch (error) {
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'focus-failure.png'), fullPage: true });
    throw error;
  } finally {
    await context.close();
  }
});

test('German: the focus timer and the reflection speak German', async () => {
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  try {
    await signIn(page, '/focus/reflection');
    await page.getByRole('button', { name: /^(Language|Sprache):/ }).click();
    await page.getByRole('menuitem', { name: 'Deutsch' }).click();
    await page.getByRole('heading', { name: 'Wochenrückblick', level: 1 }).waitFor();
    await page.getByRole('radiogroup', { name: 'Kannst du das Telefon weglegen und gehen?' }).waitFor();
    await page.getByRole('banner').getByRole('button', { name: 'Fokus' }).click();
    const dialog = page.getByRole('dialog', { name: 'Fokuszeit starten' });
    await dialog.getByText('Mastodon', { exact: true }).click();
    await dialog.getByRole('button', { name: 'Starten' }).click();
    const panel = page.getByRole('region', { name: 'Fokuszeit' });
    await panel.getByRole('heading', { name: 'Lesen' }).waitFor();
    await panel.getByRole('button', { name: 'Jetzt beenden' }).click();
    await panel.waitFor({ state: 'detached' });
  } finally {
    await context.close();
  }
});
