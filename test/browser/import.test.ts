// Imports and duplicates in real Chromium: a LinkedIn export previewed, imported and imported again
// (nothing twice); possible duplicates dismissed and merged; a person added twice lands on the first;
// an email of someone else is refused with a link to them; the introductions tree; with CSP,
// page-error and axe checks, and in German.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { axeProblems, ensureOwner, launchBrowser, startServer, watchPage, type RunningServer, pageHelpers } from './support.ts';

const root = join(import.meta.dirname, '..', '..');
const artifacts = join(root, 'artifacts');
const connections = join(root, 'test', 'fixtures', 'imports', 'linkedin', 'Connections.csv');
const germanContacts = join(root, 'test', 'fixtures', 'imports', 'csv', 'kontakte-excel-de.csv');
const facebookFolder = join(root, 'test', 'fixtures', 'imports', 'facebook', 'export-2024');
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

async function chooseFile(page: Page, button: string, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(path);
}

// The report's numbers, as "5 people created", "0 people updated", …
async function reportNumbers(report: Locator): Promise<string[]> {
  const items = await report.getByRole('list', { name: 'Results' }).getByRole('listitem').allInnerTexts();
  return items.map((text) => text.replace(/\s+/g, ' ').trim());
}

test('Import: a LinkedIn export is previewed, imported, and a second time adds nothing', async () => {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const watch = await watchPage(page);
  const a11y: string[] = [];
  try {
    await signIn(page, '/people');
    // The empty list offers the import too; the one in the header is the same link.
    await page.getByRole('link', { name: 'Import' }).first().click();
    await expectUrl(page, /^\/app\/import$/);
    await page.getByRole('heading', { name: 'Import', level: 1 }).waitFor();
    await page.getByRole('radio', { name: 'LinkedIn connections' }).check();
    await page.getByText('LinkedIn: Settings → Data privacy → Get a copy of your data → Connections', { exact: false }).waitFor();
    a11y.push(...(await axeProblems(page, 'import page')));

    // Preview: the numbers, and the rows that cannot be imported, with their lines.
    await chooseFile(page, 'Choose file or zip', connections);
    await page.getByRole('list', { name: 'Chosen files' }).getByText('Connections.csv').waitFor();
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByRole('region', { name: 'Preview', exact: true });
    await preview.getByText('Nothing has been written yet.', { exact: false }).waitFor();
    const previewNumbers = await reportNumbers(preview);
    assert.ok(previewNumbers.includes('5 people created'), previewNumbers.join(' | '));
    const rejected = preview.getByRole('table', { name: 'Rows not imported' });
    const rejectedLines = (await rejected.locator('tbody tr td:first-child').allInnerTexts()).map(Number);
    assert.deepEqual(rejectedLines, [10, 11]);
    a11y.push(...(await axeProblems(page, 'import preview')));
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'import-preview.png'), fullPage: true });

    // Nothing was written by the preview.
    assert.equal(await page.getByRole('table', { name: 'Earlier imports, newest first' }).count(), 0);
    await page.getByText('No imports yet.').waitFor();

    // Import for real: the same numbers, and the import is in the history.
    await preview.getByRole('button', { name: 'Import' }).click();
    const done = page.getByRole('region', { name: 'Imported', exact: true });
    await done.waitFor();
    const doneNumbers = await reportNumbers(done);
    assert.ok(doneNumbers.includes('5 people created'), doneNumbers.join(' | '));
    const history = page.getByRole('table', { name: 'Earlier imports, newest first' });
    await history.getByRole('row').filter({ hasText: 'Connections.csv' }).waitFor();
    a11y.push(...(await axeProblems(page, 'import done')));
    await page.screenshot({ path: join(artifacts, 'import-done.png'), fullPage: true });

    // The same export again: nobody new, nothing twice.
    await done.getByRole('button', { name: 'Import another export' }).click();
    await chooseFile(page, 'Choose file or zip', connections);
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('region', { name: 'Preview', exact: true }).waitFor();
    assert.ok((await reportNumbers(page.getByRole('region', { name: 'Preview', exact: true }))).includes('0 people created'));
    await page.getByRole('region', { name: 'Preview', exact: true }).getByRole('button', { name: 'Import' }).click();
    const again = page.getByRole('region', { name: 'Imported', exact: true });
    await again.waitFor();
    const againNumbers = await reportNumbers(again);
    assert.ok(againNumbers.includes('0 people created'), againNumbers.join(' | '));
    assert.ok(againNumbers.includes('5 people already up to date'), againNumbers.join(' | '));
    await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length >= 2);

    // The wrong format gets the server's reason, in place.
    await again.getByRole('button', { name: 'Import another export' }).click();
    await page.getByRole('radio', { name: 'vCard' }).check();
    await chooseFile(page, 'Choose file or zip', connections);
    await page.getByRole('button', { name: 'Preview' }).click();
    const problem = page.getByRole('alert').filter({ hasText: 'This cannot be read as vCard' });
    await problem.waitFor();
    const problemText = await problem.innerText();
    assert.ok(problemText.length > 'This cannot be read as vCard'.length + 5, `the server's detail is shown: ${problemText}`);

    // A spreadsheet: the columns come from its header row (German Excel: semicolons, Windows-1252).
    await page.getByRole('radio', { name: 'Spreadsheet (CSV)' }).check();
    await chooseFile(page, 'Choose file or zip', germanContacts);
    const columns = page.getByRole('region', { name: 'Columns' });
    await columns.getByText('11 columns found in kontakte-excel-de.csv').waitFor();
    assert.equal(await columns.getByLabel('Given name', { exact: true }).inputValue(), 'Vorname');
    assert.equal(await columns.getByLabel('Family name', { exact: true }).inputValue(), 'Nachname');
    assert.equal(await columns.getByLabel('Organisation', { exact: true }).inputValue(), 'Firma');
    assert.match(await columns.innerText(), /Telefon[\s\S]*Handy/);
    assert.match(await columns.innerText(), /Schlagwörter/);
    a11y.push(...(await axeProblems(page, 'csv mapping')));
    await page.screenshot({ path: join(artifacts, 'import-csv-mapping.png'), fullPage: true });
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('region', { name: 'Preview', exact: true }).waitFor();

    // An unpacked export folder: every file goes with its path inside the folder.
    await page.getByRole('radio', { name: 'Facebook' }).check();
    await page.getByLabel('Your name as the export shows it').waitFor();
    await chooseFile(page, 'Choose folder', facebookFolder);
    await page.getByRole('list', { name: 'Chosen files' }).getByText('export-2024/connections/friends/your_friends.json').waitFor();
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('region', { name: 'Preview', exact: true }).waitFor();
    const folderPreview = await reportNumbers(page.getByRole('region', { name: 'Preview', exact: true }));
    const created = Number(/^(\d+) people created$/.exec(folderPreview.find((n) => n.endsWith('people created')) ?? '')?.[1]);
    assert.ok(created > 0, folderPreview.join(' | '));

    assert.deepEqual(watch.cspViolations(), [], 'no CSP violations');
    assert.deepEqual(watch.pageErrors, [], 'no page errors');
    assert.deepEqual(a11y, [], 'no serious or critical accessibility violations');
  } catch (error) {
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'import-failure.png'), fullPage: true }).catch(() => {});
    console.log(watch.messages.join('\n'));
    throw error;
  } finally {
    await context.close();
  }
});

test('Duplicates: a pair is dismissed, another merged; a person added twice lands on the first', async () => {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const watch = await watchPage(page);
  const a11y: string[] = [];
  try {
    await signIn(page, '/people');
    const post = await apiClient(page);
    await post('/api/v1/people', { name: 'Robin Quinn', organisation: 'Harbour Works' });
    await post('/api/v1/people', { name: 'Robin Quinn', emails: ['robin@quinn.example'] });
    const kim = await post<{ id: string }>('/api/v1/people', { name: 'Kim Novak', emails: ['kim@novak.example'], tags: ['meetup'] });
    const kimToo = await post<{ id: string }>('/api/v1/people', { name: 'Kim Novak', organisation: 'Novak Studio', phones: ['+49 30 555 0101'] });

    await page.getByRole('link', { name: 'Review duplicates' }).click();
    await expectUrl(page, /^\/app\/people\/duplicates$/);
    await page.getByRole('heading', { name: 'Possible duplicates', level: 1 }).waitFor();
    const list = page.getByRole('list', { name: 'Possible duplicates' });
    const robins = list.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Robin Quinn and Robin Quinn' }) });
    await robins.getByText('Same name').waitFor();
    await robins.getByText('Harbour Works').waitFor();
    a11y.push(...(await axeProblems(page, 'duplicates page')));
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'duplicates.png'), fullPage: true });

    // Not the same person: gone, and it stays gone.
    await robins.getByRole('button', { name: 'Not the same person' }).click();
    await page.getByText('Noted: Robin Quinn and Robin Quinn are different people').waitFor();
    await robins.waitFor({ state: 'detached' });
    await page.reload();
    const kims = list.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Kim Novak and Kim Novak' }) });
    await kims.waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Robin Quinn and Robin Quinn' }).count(), 0);

    // Merge: the dialog says what moves; the survivor keeps everything of both.
    const leftIsKim = (await kims.getByRole('link', { name: 'Kim Novak' }).first().getAttribute('href')) === `/app/people/${kim.id}`;
    await kims.getByRole('button', { name: leftIsKim ? 'Merge into left' : 'Merge into right' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge Kim Novak into Kim Novak?' });
    await dialog.getByText('touches, plans, introductions, email addresses, phone numbers, handles and tags', { exact: false }).waitFor();
    await settled(page);
    a11y.push(...(await axeProblems(page, 'merge dialog')));
    await dialog.getByRole('button', { name: 'Merge' }).click();
    await page.getByText('Kim Novak was merged into Kim Novak').waitFor();
    await kims.waitFor({ state: 'detached' });
    await page.goto(`${server.baseUrl}/app/people/${kim.id}`);
    await page.getByRole('heading', { name: 'Kim Novak', level: 1 }).waitFor();
    await page.getByText('Novak Studio').first().waitFor();
    await page.getByRole('link', { name: '+49 30 555 0101' }).waitFor();
    await page.goto(`${server.baseUrl}/app/people/${kimToo.id}`);
    await page.getByText('There is no such person in this workspace.').waitFor();

    // Adding Kim again with her email: she is here already, and the page shows her.
    await page.goto(`${server.baseUrl}/app/people`);
    await page.getByRole('button', { name: 'Add person' }).first().click();
    const add = page.getByRole('dialog', { name: 'Add a person' });
    await add.getByLabel('Name').fill('K. Novak');
    await add.getByLabel('Email addresses').fill('KIM@novak.example');
    await add.getByLabel('Email addresses').press('Enter');
    await add.getByRole('button', { name: 'Add person' }).click();
    await page.getByText('Already here: merged into Kim Novak').waitFor();
    await expectUrl(page, new RegExp(`^/app/people/${kim.id}$`));

    // Giving someone else Kim's email is refused, with the way to her and to the duplicates.
    const sam = await post<{ id: string }>('/api/v1/people', { name: 'Sam Rivera' });
    await page.goto(`${server.baseUrl}/app/people/${sam.id}`);
    await page.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Sam Rivera' });
    await edit.getByLabel('Email addresses').fill('kim@novak.example');
    await edit.getByLabel('Email addresses').press('Enter');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.getByText('Someone else already has this').waitFor();
    await edit.getByText('belongs to Kim Novak', { exact: false }).waitFor();
    await edit.getByText('Belongs to another person').waitFor();
    await settled(page);
    a11y.push(...(await axeProblems(page, 'duplicate refused')));
    await edit.getByRole('link', { name: 'Open Kim Novak' }).click();
    await expectUrl(page, new RegExp(`^/app/people/${kim.id}$`));
    await page.getByRole('heading', { name: 'Kim Novak', level: 1 }).waitFor();
    assert.equal(await page.getByRole('dialog').count(), 0);

    assert.deepEqual(watch.cspViolations(), [], 'no CSP violations');
    assert.deepEqual(watch.pageErrors, [], 'no page errors');
    assert.deepEqual(a11y, [], 'no serious or critical accessibility violations');
  } catch (error) {
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'duplicates-failure.png'), fullPage: true }).catch(() => {});
    console.log(watch.messages.join('\n'));
    throw error;
  } finally {
    await context.close();
  }
});

test('Introductions: the chain above a person and everyone they introduced, as a tree of links', async () => {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const watch = await watchPage(page);
  try {
    await signIn(page, '/people');
    const post = await apiClient(page);
    const ada = await post<{ id: string }>('/api/v1/people', { name: 'Ada Byron' });
    const ben = await post<{ id: string }>('/api/v1/people', { name: 'Ben Carter', introducedById: ada.id });
    const cleo = await post<{ id: string }>('/api/v1/people', { name: 'Cleo Diaz', introducedById: ben.id });
    await post('/api/v1/people', { name: 'Dev Patel', introducedById: cleo.id });
    await post('/api/v1/people', { name: 'Eva Stone', introducedById: ben.id });

    await page.goto(`${server.baseUrl}/app/people/${ben.id}`);
    const card = page.getByRole('region', { name: 'Introductions' });
    await card.getByText('Introduced 2 people').waitFor();
    const tree = card.getByRole('list', { name: 'Introductions around Ben Carter' });
    // Ada at the top; Ben (this page) below her; Cleo and Eva below Ben; Dev below Cleo.
    const adaItem = tree.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Ada Byron' }) }).first();
    const benItem = adaItem.getByRole('listitem').filter({ has: page.locator('[aria-current="page"]', { hasText: 'Ben Carter' }) }).first();
    const cleoItem = benItem.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Cleo Diaz' }) }).first();
    await cleoItem.getByRole('link', { name: 'Dev Patel' }).waitFor();
    await benItem.getByRole('link', { name: 'Eva Stone' }).waitFor();
    assert.deepEqual(await axeProblems(page, 'introductions tree'), [], 'no serious or critical accessibility violations');
    await page.screenshot({ path: join(artifacts, 'introductions.png'), fullPage: true });

    await cleoItem.getByRole('link', { name: 'Cleo Diaz' }).click();
    await expectUrl(page, new RegExp(`^/app/people/${cleo.id}$`));
    const cleoTree = page.getByRole('list', { name: 'Introductions around Cleo Diaz' });
    await cleoTree.getByRole('link', { name: 'Ben Carter' }).waitFor();
    await cleoTree.getByRole('link', { name: 'Dev Patel' }).waitFor();
    await page.getByRole('region', { name: 'Introductions' }).getByText('Introduced 1 person').waitFor();

    assert.deepEqual(watch.cspViolations(), [], 'no CSP violations');
    assert.deepEqual(watch.pageErrors, [], 'no page errors');
  } finally {
    await context.close();
  }
});

test('German: the Import and Duplicates pages speak German', async () => {
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  const watch = await watchPage(page);
  try {
    await signIn(page, '/import');
    await page.getByRole('button', { name: /^(Language|Sprache):/ }).click();
    await page.getByRole('menuitem', { name: 'Deutsch' }).click();
    await page.getByRole('heading', { name: 'Import', level: 1 }).waitFor();
    await page.getByText('Was möchtest du importieren?').waitFor();
    await page.getByRole('radio', { name: 'LinkedIn-Kontakte' }).waitFor();
    await page.getByRole('button', { name: 'Datei oder ZIP wählen' }).waitFor();
    await page.getByRole('heading', { name: 'Frühere Importe' }).waitFor();
    await page.getByText(/Lade Connections\.csv oder das ganze ZIP hoch/).waitFor();
    assert.deepEqual(await axeProblems(page, 'import, German'), [], 'no serious or critical accessibility violations');

    await page.goto(`${server.baseUrl}/app/people/duplicates`);
    await page.getByRole('heading', { name: 'Mögliche Doppelte', level: 1 }).waitFor();
    await page.getByText(/Nicht dieselbe Person|Keine Doppelten zu prüfen/).first().waitFor();
    assert.deepEqual(await axeProblems(page, 'duplicates, German'), [], 'no serious or critical accessibility violations');

    assert.deepEqual(watch.cspViolations(), [], 'no CSP violations');
    assert.deepEqual(watch.pageErrors, [], 'no page errors');
  } finally {
    await context.close();
  }
});
