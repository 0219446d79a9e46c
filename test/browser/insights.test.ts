// Insights in real Chromium: a post published on LinkedIn that led to a message and a call, a client
// who came through LinkedIn, someone reachable only on Instagram (listed and downloaded as CSV), and
// a like that shows only on the likes tab; with CSP, page-error and axe checks, and in German.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
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

test('Insights: the funnel, what works, clients, platform risk with its CSV, likes on their own tab', async () => {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const watch = await watchPage(page);
  const a11y: string[] = [];
  try {
    await signIn(page, '/today');
    const post = await apiClient(page);
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
    // A post on a manual LinkedIn channel, due now and marked as posted.
    const channel = await post<{ id: string }>('/api/v1/channels', { platform: 'linkedin', name: 'LinkedIn', mode: 'manual', cadencePerWeek: 2 });
    const written = await post<{ id: string }>('/api/v1/posts', { pillar: 'value', body: 'Three questions to ask before you hire a coach', status: 'scheduled', scheduledAt: minutesAgo(0.5), channels: [{ channelId: channel.id }] });
    await post(`/api/v1/posts/${written.id}/channels/${channel.id}/posted`, { url: 'https://www.linkedin.com/feed/update/1' });
    // Robin wrote after the post, then you called: a client who says they came through LinkedIn.
    const robin = await post<{ id: string }>('/api/v1/people', { name: 'Robin Reyes', emails: ['robin@example.org'], isClient: true, source: 'LinkedIn' });
    await post(`/api/v1/people/${robin.id}/interactions`, { channel: 'linkedin', kind: 'dm', direction: 'in', occurredAt: minutesAgo(0.2), postId: written.id });
    await post(`/api/v1/people/${robin.id}/interactions`, { channel: 'phone', kind: 'call', direction: 'out', occurredAt: minutesAgo(0.1), postId: written.id });
    // Kim can be reached only on Instagram, and liked something there.
    const kim = await post<{ id: string }>('/api/v1/people', { name: 'Kim Lee', handles: [{ platform: 'instagram', handle: '@kimlee' }] });
    await post(`/api/v1/people/${kim.id}/interactions`, { channel: 'instagram', kind: 'like', direction: 'in', occurredAt: minutesAgo(1) });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).click();
    await page.getByRole('heading', { name: 'Insights', level: 1 }).waitFor();

    // The offline funnel: Robin went from nothing to a call this month.
    const funnel = page.getByRole('region', { name: 'Offline funnel' });
    await funnel.getByText('1 person moved up the ladder this month.').waitFor();
    const talked = funnel.getByTestId('insights-funnel-table').getByRole('row', { name: /Talked/ });
    assert.deepEqual(await talked.getByRole('cell').allInnerTexts(), ['Talked', '1', '1']);
    await funnel.getByText('From the first touch to the first call: 0 days (median of 1 person).').waitFor();

    // What works: one post, followed by a conversation and a call; too few posts to tell.
    const works = page.getByRole('region', { name: 'What works' });
    await works.getByText('Too few posts to tell yet: 1 post, 100 % of them led to a conversation, call or meeting.').waitFor();
    const value = works.getByTestId('insights-works-table').getByRole('row', { name: /^Value/ });
    assert.deepEqual(await value.getByRole('cell').allInnerTexts(), ['Value', '1', '1', '1', '0', 'Too few posts to tell']);
    await works.getByText('Channel', { exact: true }).click();
    assert.deepEqual(await works.getByTestId('insights-works-table').getByRole('row', { name: /^LinkedIn/ }).getByRole('cell').allInnerTexts(), ['LinkedIn', '1', '1', '1', '0', 'Too few posts to tell']);
    await works.getByTestId('insights-posts-table').getByText('Three questions to ask before you hire a coach').waitFor();

    // Where clients came from.
    const clients = page.getByRole('region', { name: 'Where clients came from' });
    await clients.getByText('1 client; the most common source they gave: LinkedIn (1).').waitFor();
    assert.deepEqual(await clients.getByTestId('insights-first-touch-table').getByRole('row').nth(1).getByRole('cell').allInnerTexts(), ['LinkedIn', '1']);

    // Platform risk: Kim, and the list to ask for another way to stay in touch.
    const risk = page.getByRole('region', { name: 'Platform risk' });
    await risk.getByText('If Instagram closed your account you would lose 1 person.').waitFor();
    await risk.getByRole('button', { name: 'Show the people only on Instagram' }).click();
    await risk.getByTestId('insights-risk-people').getByRole('link', { name: 'Kim Lee' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), risk.getByRole('link', { name: 'Download the people only on Instagram as CSV' }).click()]);
    assert.equal(download.suggestedFilename(), 'only-on-instagram.csv');
    const csv = readFileSync((await download.path())!, 'utf8').trim().split('\n');
    assert.equal(csv[0], 'name,platform,handle,url,ladder,last_interaction_at');
    assert.match(csv[1]!, /^Kim Lee,instagram,@kimlee,,aware,/);

    // No likes on the first tab; they have their own.
    assert.equal(await page.getByRole('tabpanel', { name: 'Relationships' }).getByText(/likes/i).count(), 0);
    await settled(page);
    a11y.push(...(await axeProblems(page, 'insights')));
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'insights.png'), fullPage: true });

    await page.getByRole('tab', { name: 'Likes and followers' }).click();
    const vanity = page.getByRole('region', { name: 'Likes and followers' });
    await vanity.getByText('Likes received: 1 · new followers: 0 · last 90 days.').waitFor();
    assert.deepEqual(await vanity.getByTestId('insights-vanity-table').getByRole('row').nth(1).getByRole('cell').allInnerTexts(), ['Instagram', '1', '0', '0']);
    await settled(page);
    a11y.push(...(await axeProblems(page, 'insights likes tab')));

    assert.deepEqual(watch.cspViolations(), [], 'no CSP violations');
    assert.deepEqual(watch.pageErrors, [], 'no page errors');
    assert.deepEqual(a11y, [], 'no serious or critical accessibility violations');
  } catch (error) {
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'insights-failure.png'), fullPage: true });
    throw error;
  } finally {
    await context.close();
  }
});

test('German: the insights speak German', async () => {
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  try {
    await signIn(page, '/insights');
    await page.getByRole('button', { name: /^(Language|Sprache):/ }).click();
    await page.getByRole('menuitem', { name: 'Deutsch' }).click();
    await page.getByRole('heading', { name: 'Auswertungen', level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Weg nach offline' }).waitFor();
    await page.getByText('Würde Instagram dein Konto schließen, verlörst du 1 Person.').waitFor();
    await page.getByRole('tab', { name: 'Likes und Follower' }).waitFor();
  } finally {
    await context.close();
  }
});
