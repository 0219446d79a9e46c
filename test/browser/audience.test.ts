// Audience in real Chromium: a question asked on the public page without JavaScript is answered from the
// inbox and lands on the asker's timeline; a sign-up without JavaScript; consent looked up and recorded;
// with CSP, page-error and axe checks, and in German.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeProblems, ensureOwner, launchBrowser, owner, startServer, watchPage, type RunningServer, pageHelpers } from './support.ts';

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

test('Audience: a question asked without JavaScript is answered from the inbox; a sign-up without JavaScript', async () => {
  // The visitor's browser runs no JavaScript: the public pages work with plain forms.
  const visitor = await browser.newContext({ locale: 'en-US', javaScriptEnabled: false });
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const watch = await watchPage(page);
  const a11y: string[] = [];
  try {
    const form = await visitor.newPage();
    await form.goto(`${server.baseUrl}/ask`);
    await form.getByLabel('Your name').fill('Sam Rivera');
    await form.getByLabel('Your email address').fill('sam@example.net');
    await form.getByLabel('Your question').fill('Do you also coach small teams?');
    await form.getByRole('button', { name: 'Send my question' }).click();
    await form.getByRole('heading', { name: 'Thank you for your question' }).waitFor();

    await signIn(page, '/audience');
    await page.getByRole('heading', { name: 'Audience', level: 1 }).waitFor();
    const inbox = page.getByRole('region', { name: 'Questions' });
    const question = inbox.getByRole('list', { name: 'Open' }).getByRole('listitem', { name: 'Sam Rivera' });
    await question.getByText('Do you also coach small teams?').waitFor();
    await question.getByText('sam@example.net').waitFor();
    const personHref = await question.getByRole('link', { name: 'Sam Rivera' }).getAttribute('href');
    assert.match(personHref ?? '', /^\/app\/people\/[0-9a-f-]{36}$/);
    // The public pages are one click away, in a new tab.
    const publicPages = page.getByRole('region', { name: 'Public pages' });
    assert.equal(await publicPages.getByRole('link', { name: /\/subscribe\?w=.+ \(opens in a new tab\)$/ }).getAttribute('target'), '_blank');
    a11y.push(...(await axeProblems(page, 'audience with a question')));

    // Assign it to me, then answer.
    await question.getByRole('combobox', { name: 'Assign to' }).click();
    await page.getByRole('option', { name: owner.name }).click();
    await page.getByText('Assignment saved').waitFor();
    await question.getByRole('button', { name: 'Answer' }).click();
    await question.getByRole('textbox', { name: 'Your answer to Sam Rivera' }).fill('Yes, teams of up to eight. Shall we talk on Friday?');
    a11y.push(...(await axeProblems(page, 'audience answering')));
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'audience-answer.png'), fullPage: true });
    await question.getByRole('button', { name: 'Send answer' }).click();
    await page.getByText('Answer sent to Sam Rivera').waitFor();
    await question.waitFor({ state: 'detached' });
    await inbox.getByText('No open questions.', { exact: false }).waitFor();
    assert.equal(await inbox.getByRole('link', { name: 'Ask us anything' }).getAttribute('target'), '_blank');

    await inbox.getByRole('tab', { name: 'Answered' }).click();
    const answered = inbox.getByRole('list', { name: 'Answered' }).getByRole('listitem', { name: 'Sam Rivera' });
    await answered.getByText('Yes, teams of up to eight. Shall we talk on Friday?').waitFor();
    await answered.getByText(`Answered by ${owner.name}`, { exact: false }).waitFor();
    a11y.push(...(await axeProblems(page, 'audience answered')));

    // The question and the answer are on Sam's timeline.
    await answered.getByRole('link', { name: 'Sam Rivera' }).click();
    await page.getByRole('heading', { name: 'Sam Rivera', level: 1 }).waitFor();
    const timeline = page.getByRole('list', { name: 'Timeline' });
    await timeline.getByText('Yes, teams of up to eight. Shall we talk on Friday?').waitFor();
    await timeline.getByText('Do you also coach small teams?').waitFor();

    // Signing up without JavaScript: double opt-in, so the next step is the inbox.
    const signUp = await visitor.newPage();
    await signUp.goto(`${server.baseUrl}/subscribe`);
    await signUp.getByLabel('Your email address').fill('kim@example.net');
    await signUp.getByRole('button', { name: 'Subscribe' }).click();
    await signUp.getByRole('heading', { name: 'Check your inbox' }).waitFor();

    // Consent: Kim's sign-up waits for confirmation, with the words of the form as proof.
    await page.goto(`${server.baseUrl}/app/audience`);
    const consent = page.getByRole('region', { name: 'Consent', exact: true });
    await consent.getByRole('textbox', { name: 'Email address' }).fill('kim@example.net');
    await consent.getByRole('button', { name: 'Look up' }).click();
    await consent.getByRole('heading', { name: 'Consent of kim@example.net' }).waitFor();
    await consent.getByText('Awaiting confirmation').waitFor();
    const ledger = consent.getByRole('table');
    await ledger.getByRole('row', { name: /Asked to subscribe: Newsletter/ }).waitFor();

    // Consent given in person, in the words used; then looked up at once.
    const inPerson = page.getByRole('region', { name: 'Record consent given in person' });
    await inPerson.getByRole('textbox', { name: 'Their email address' }).fill('lee@example.net');
    await inPerson.getByRole('textbox', { name: 'What they agreed to' }).fill('Yes, tell me about the next meetups.');
    await inPerson.getByRole('combobox', { name: 'Purpose' }).click();
    await page.getByRole('option', { name: 'Event updates' }).click();
    await inPerson.getByRole('button', { name: 'Record consent' }).click();
    await page.getByText('Consent recorded for lee@example.net').waitFor();
    await consent.getByRole('heading', { name: 'Consent of lee@example.net' }).waitFor();
    await ledger.getByRole('row', { name: /Gave consent: Event updates/ }).getByText('“Yes, tell me about the next meetups.”').waitFor();
    a11y.push(...(await axeProblems(page, 'audience consent')));
    await page.screenshot({ path: join(artifacts, 'audience-consent.png'), fullPage: true });

    // Never email this address: asked first, then on the suppression list.
    await consent.getByRole('button', { name: 'Never email this address' }).click();
    const dialog = page.getByRole('dialog', { name: 'Never email lee@example.net?' });
    await dialog.waitFor();
    await settled(page);
    a11y.push(...(await axeProblems(page, 'suppress dialog')));
    await dialog.getByRole('button', { name: 'Never email it' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await consent.getByText('Never emailed', { exact: true }).waitFor();

    // The owner can download everything about Sam, or erase Sam for good.
    await page.goto(`${server.baseUrl}${personHref}`);
    await page.getByRole('button', { name: 'Personal data of Sam Rivera' }).click();
    const download = page.getByRole('menuitem', { name: 'Download everything about this person' });
    assert.match(await download.getAttribute('href') ?? '', /^\/api\/v1\/people\/[0-9a-f-]{36}\/export$/);
    await page.getByRole('menuitem', { name: 'Erase this person' }).click();
    const erase = page.getByRole('dialog', { name: 'Erase Sam Rivera?' });
    await erase.getByText('cannot be undone', { exact: false }).waitFor();
    await erase.getByRole('button', { name: 'Erase for good' }).click();
    await expectUrl(page, /^\/app\/people$/);
    await page.getByText('Sam Rivera was erased').waitFor();

    assert.deepEqual(watch.cspViolations(), [], 'no CSP violations');
    assert.deepEqual(watch.pageErrors, [], 'no page errors');
    assert.deepEqual(a11y, [], 'no serious or critical accessibility violations');
  } catch (error) {
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'audience-failure.png'), fullPage: true }).catch(() => {});
    console.log(watch.messages.join('\n'));
    throw error;
  } finally {
    await visitor.close();
    await context.close();
  }
});

test('German: the Audience page speaks German', async () => {
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  const watch = await watchPage(page);
  try {
    await signIn(page, '/audience');
    await page.getByRole('button', { name: /^(Language|Sprache):/ }).click();
    await page.getByRole('menuitem', { name: 'Deutsch' }).click();
    await page.getByRole('heading', { name: 'Verteiler', level: 1 }).waitFor();
    const inbox = page.getByRole('region', { name: 'Fragen' });
    await inbox.getByRole('tab', { name: 'Offen' }).waitFor();
    await inbox.getByRole('tab', { name: 'Beantwortet' }).waitFor();
    await page.getByRole('region', { name: 'Öffentliche Seiten' }).getByRole('link', { name: /\/subscribe\?w=.+ \(öffnet in einem neuen Tab\)$/ }).waitFor();
    await settled(page);
    assert.deepEqual(await axeProblems(page, 'audience, German'), [], 'no serious or critical accessibility violations');
    assert.deepEqual(watch.cspViolations(), [], 'no CSP violations');
    assert.deepEqual(watch.pageErrors, [], 'no page errors');
  } finally {
    await context.close();
  }
});
