// Forgot password in real Chromium: from the sign-in page to the emailed link, a new password, and signing in with it;
// the same link a second time is refused. CSP and page-error checks.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { makeTestApp, owner, setupOwner, type TestApp } from '../helpers.ts';
import { launchBrowser, watchPage } from './support.ts';

let t: TestApp;
let browser: Browser;
let baseUrl: string;

before(async () => {
  t = await makeTestApp();
  await setupOwner(t.app);
  baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await t?.close();
});

test('Forgot password: the emailed link sets a new password once; sign in with it', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const watch = await watchPage(page);
  try {
    await page.goto(`${baseUrl}/app/login`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
    await page.getByRole('textbox', { name: 'Email' }).fill(owner.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText(`If ${owner.email} belongs to a member, the email is on its way.`).waitFor();

    const { rows } = await t.database.query(`select message->>'text' as text from mail_queue where message->>'to' = $1`, [owner.email]);
    const link = /https?:\/\/\S+\/app\/reset\/[\w-]+/.exec((rows[0] as { text: string }).text)![0];
    const path = new URL(link).pathname;
    await page.goto(`${baseUrl}${path}`);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await page.getByLabel('New password').fill('short');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByText('At least 10 characters', { exact: false }).first().waitFor();
    await page.getByLabel('New password').fill('a fresh password for olivia');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByText('Your password is changed. Sign in with it.').waitFor();

    // The link works once.
    await page.goto(`${baseUrl}${path}`);
    await page.getByLabel('New password').fill('another fresh password');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByText('This link is used, expired or unknown. Ask for a new one.').waitFor();

    await page.goto(`${baseUrl}/app/login`);
    await page.getByRole('textbox', { name: 'Email' }).fill(owner.email);
    await page.getByRole('textbox', { name: 'Password' }).fill('a fresh password for olivia');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/app/today', { timeout: 15_000 });
    assert.deepEqual(watch.cspViolations(), []);
    assert.deepEqual(watch.pageErrors, []);
  } finally {
    await context.close();
  }
});
