// One journey in real Chromium against the real server: first run → owner → a person → a call on the timeline.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeProblems, ensureOwner, launchBrowser, owner, startServer, watchPage, type RunningServer } from './support.ts';

const artifacts = join(import.meta.dirname, '..', '..', 'artifacts');
let server: RunningServer;
let browser: Browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function expectUrl(page: Page, path: RegExp) {
  await page.waitForURL((url) => path.test(url.pathname), { timeout: 15_000 });
}

test('first run: set up the owner, add a person, log a call, see it on the timeline', async () => {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const watch = await watchPage(page);
  const a11y: string[] = [];
  try {
    // First run: any app address leads to setup.
    await page.goto(`${server.baseUrl}/app/people`);
    await expectUrl(page, /^\/app\/setup$/);
    await page.getByRole('heading', { name: 'Set up Onland' }).waitFor();
    a11y.push(...(await axeProblems(page, 'setup page')));

    // The contract's rules run before anything is sent: a short password is caught next to its field.
    await page.getByLabel('Workspace name').fill(owner.workspaceName);
    await page.getByLabel('Your name').fill(owner.name);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(owner.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('short');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByText('At least 10 characters', { exact: true }).last().waitFor();
    assert.equal(await page.getByRole('textbox', { name: 'Password', exact: true }).getAttribute('aria-invalid'), 'true');
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(owner.password);
    await page.getByRole('button', { name: 'Create workspace' }).click();

    // Signed in, on People, which is empty.
    await expectUrl(page, /^\/app\/people$/);
    await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
    await page.getByText('No people yet').waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const label of ['Today', 'People', 'Planner', 'Events', 'Audience', 'Focus', 'Insights', 'Settings']) {
      assert.equal(await nav.getByRole('link', { name: label }).count(), 1, `nav link ${label}`);
    }

    // Add a person.
    await page.getByRole('button', { name: 'Add person' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add a person' });
    await dialog.waitFor();
    await dialog.getByLabel('Name').fill('Sam Rivera');
    await dialog.getByLabel('Email addresses').fill('sam@example.org');
    await dialog.getByLabel('Email addresses').press('Enter');
    await dialog.getByLabel('Organisation').fill('Rivera Coffee');
    await dialog.getByLabel('Tags').fill('meetup');
    await dialog.getByLabel('Tags').press('Enter');
    await dialog.getByLabel('Source').fill('Met at the March meetup');
    await dialog.getByRole('button', { name: 'Add handle' }).click();
    await dialog.getByRole('textbox', { name: 'Handle 1', exact: true }).fill('@sam@example.social');
    await dialog.getByRole('button', { name: 'Add person' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const row = page.getByRole('row', { name: /Sam Rivera/ });
    await row.waitFor();
    assert.match(await row.innerText(), /Rivera Coffee/);
    assert.match(await row.innerText(), /sam@example\.org/);
    assert.match(await row.innerText(), /meetup/);
    a11y.push(...(await axeProblems(page, 'people page')));

    // Search narrows the table (debounced), and clears again.
    const search = page.getByRole('searchbox', { name: 'Search' });
    await search.fill('nobody-like-this');
    await page.getByText('Nobody matches').waitFor();
    await search.fill('rivera');
    await row.waitFor();

    // Open them.
    await page.getByRole('link', { name: 'Sam Rivera' }).click();
    await expectUrl(page, /^\/app\/people\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Sam Rivera', level: 1 }).waitFor();
    await page.getByText('No touches yet').waitFor();
    const profile = page.getByRole('link', { name: /@sam@example\.social on Mastodon/ });
    assert.equal(await profile.getAttribute('href'), 'https://example.social/@sam');

    // Log a call: phone and call are the defaults, the time is now.
    const form = page.getByRole('form', { name: 'Log a touch' });
    assert.equal(await form.getByLabel('Channel').inputValue(), 'Phone');
    assert.equal(await form.getByLabel('Kind').inputValue(), 'Call');
    await form.getByLabel('Duration in minutes').fill('25');
    await form.getByLabel('Note').fill('Talked about the spring meetup');
    await form.getByRole('button', { name: 'Log touch' }).click();

    const timeline = page.getByRole('list', { name: 'Timeline' });
    const entry = timeline.getByRole('listitem').filter({ hasText: 'Talked about the spring meetup' });
    await entry.waitFor();
    const text = await entry.innerText();
    assert.match(text, /Call/);
    assert.match(text, /Phone/);
    assert.match(text, /I reached out/);
    assert.match(text, /25 minutes/);
    a11y.push(...(await axeProblems(page, 'person page')));

    // It is stored, not only shown: a reload brings it back.
    await page.reload();
    await timeline.getByText('Talked about the spring meetup').waitFor();

    // Dark mode passes the same checks.
    await page.getByRole('button', { name: 'Switch to dark mode' }).click();
    await page.locator('html[data-mantine-color-scheme="dark"]').waitFor({ state: 'attached' });
    a11y.push(...(await axeProblems(page, 'person page, dark')));
    await page.getByRole('button', { name: 'Switch to light mode' }).click();

    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'journey.png'), fullPage: true });

    // Settings: the owner is listed and can make an invitation link.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await expectUrl(page, /^\/app\/settings$/);
    await page.getByRole('row', { name: new RegExp(owner.email) }).waitFor();
    await page.getByRole('button', { name: 'Create invitation link' }).click();
    const link = page.getByRole('textbox', { name: 'Invitation link' });
    await link.waitFor();
    assert.match(await link.inputValue(), /\/app\/invite\/[^/]+$/);
    a11y.push(...(await axeProblems(page, 'settings page')));

    assert.deepEqual(watch.cspViolations(), [], 'no CSP violations');
    assert.deepEqual(watch.pageErrors, [], 'no page errors');
    assert.deepEqual(a11y, [], 'no serious or critical accessibility violations');
  } catch (error) {
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'journey-failure.png'), fullPage: true }).catch(() => {});
    console.log(watch.messages.join('\n'));
    throw error;
  } finally {
    await context.close();
  }
});

test('German: the sign-in page follows the browser, and the language switch turns the app German', async () => {
  await ensureOwner(server.baseUrl);
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  const watch = await watchPage(page);
  try {
    await page.goto(`${server.baseUrl}/app/people`);
    await expectUrl(page, /^\/app\/login$/);
    await page.getByRole('heading', { name: 'Anmelden' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'de');

    await page.getByRole('textbox', { name: 'E-Mail', exact: true }).fill(owner.email);
    await page.getByRole('textbox', { name: 'Passwort', exact: true }).fill(owner.password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expectUrl(page, /^\/app\/people$/);

    // The workspace was set up in English; this member picks German for themselves.
    await page.getByRole('button', { name: /^(Language|Sprache):/ }).click();
    await page.getByRole('menuitem', { name: 'Deutsch' }).click();
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await nav.waitFor();
    for (const label of ['Heute', 'Personen', 'Planer', 'Veranstaltungen', 'Verteiler', 'Fokus', 'Auswertungen', 'Einstellungen']) {
      assert.equal(await nav.getByRole('link', { name: label }).count(), 1, `nav link ${label}`);
    }
    await page.getByRole('heading', { name: 'Personen', level: 1 }).waitFor();

    // The choice is remembered across a reload.
    await page.reload();
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Heute' }).waitFor();

    assert.deepEqual(watch.cspViolations(), [], 'no CSP violations');
    assert.deepEqual(watch.pageErrors, [], 'no page errors');
  } finally {
    await context.close();
  }
});
