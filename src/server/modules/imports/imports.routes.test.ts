import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { zipSync } from 'fflate';
import { makeTestApp, setupOwner, type Browser, type TestApp } from '../../../../test/helpers.ts';

const fixtures = join(import.meta.dirname, '..', '..', '..', '..', 'test', 'fixtures', 'imports');
const fixture = (path: string) => readFileSync(join(fixtures, path));

describe('imports through the API', () => {
  let t: TestApp;
  let browser: Browser;
  before(async () => {
    t = await makeTestApp();
    browser = await setupOwner(t.app);
  });
  after(() => t.close());

  async function upload(query: string, files: Record<string, Buffer>) {
    const form = new FormData();
    for (const [name, content] of Object.entries(files)) form.append('file', new Blob([new Uint8Array(content)]), name);
    return t.app.inject({ method: 'POST', url: `/api/v1/imports?${query}`, headers: browser.headers, payload: form });
  }
  const people = async (q = '') => (await t.app.inject({ url: `/api/v1/people?limit=200${q}`, headers: browser.headers })).json().items as { id: string; name: string; emails: string[]; tags: string[]; handles: { url: string }[]; organisation: string | null }[];

  test('a preview reports what would happen and writes nothing', async () => {
    const preview = await upload('format=linkedin&dryRun=true', { 'Connections.csv': fixture('linkedin/Connections.csv') });
    assert.equal(preview.statusCode, 200);
    assert.equal(preview.json().dryRun, true);
    assert.equal(preview.json().report.peopleCreated, 5);
    assert.deepEqual(preview.json().report.rejected.map((r: { line: number }) => r.line), [10, 11]);
    assert.equal((await people()).length, 0);
  });

  test('LinkedIn connections import once; the same file again creates nothing', async () => {
    const first = (await upload('format=linkedin', { 'Connections.csv': fixture('linkedin/Connections.csv') })).json();
    assert.equal(first.report.peopleCreated, 5);
    assert.equal(first.report.interactionsAdded, 4);
    const names = (await people()).map((p) => p.name);
    assert.ok(names.includes('Jürgen Müller'));
    assert.ok(names.includes('Zoë Laurent'));

    const again = (await upload('format=linkedin', { 'Connections.csv': fixture('linkedin/Connections.csv') })).json();
    assert.equal(again.report.peopleCreated, 0);
    assert.equal(again.report.peopleUpdated, 0);
    assert.equal(again.report.peopleUnchanged, 5);
    assert.equal(again.report.interactionsAdded, 0);
    assert.equal(again.report.interactionsAlreadyThere, 4);
    assert.equal((await people()).length, 5);

    const history = (await t.app.inject({ url: '/api/v1/imports', headers: browser.headers })).json().items;
    assert.equal(history.length, 2);
    assert.equal(history[0].format, 'linkedin');
  });

  test('a LinkedIn zip is read for its Connections.csv', async () => {
    const zip = Buffer.from(zipSync({ 'Connections.csv': new Uint8Array(fixture('linkedin/Connections.csv')), 'Profile.csv': new TextEncoder().encode('First Name\nMe\n') }));
    const result = await upload('format=linkedin&dryRun=true', { 'Basic_LinkedInDataExport.zip': zip });
    assert.equal(result.statusCode, 200);
    assert.equal(result.json().report.peopleUnchanged, 5);
  });

  test('a contact already there by email is updated, not duplicated', async () => {
    const before = await people('&q=laurent');
    assert.equal(before.length, 1);
    const vcard = 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Zoë Laurent\r\nEMAIL:zoe.laurent@example.org\r\nTEL:+33 1 23 45 67 89\r\nCATEGORIES:designer\r\nEND:VCARD\r\n';
    const result = (await upload('format=vcard', { 'zoe.vcf': Buffer.from(vcard) })).json();
    assert.equal(result.report.peopleCreated, 0);
    assert.equal(result.report.peopleUpdated, 1);
    const [zoe] = await people('&q=laurent');
    assert.deepEqual(zoe!.tags, ['designer']);
  });

  test('a file of the wrong format is a clear 422 and writes nothing', async () => {
    const count = (await people()).length;
    const wrong = await upload('format=linkedin', { 'Connections.csv': fixture('linkedin/not-connections.csv') });
    assert.equal(wrong.statusCode, 422);
    assert.equal(wrong.json().code, 'IMPORT_UNREADABLE');
    assert.ok(wrong.json().detail.length > 10);
    assert.equal((await people()).length, count);
    const notZip = await upload('format=x', { 'archive.zip': Buffer.from('not a zip') });
    assert.equal(notZip.statusCode, 422);
  });

  test('an X archive folder brings followers and direct messages', async () => {
    const folder = join(fixtures, 'x', 'data');
    const files = Object.fromEntries(readdirSync(folder).map((name) => [`data/${name}`, readFileSync(join(folder, name))]));
    const result = await upload('format=x', files);
    assert.equal(result.statusCode, 200, result.body);
    assert.ok(result.json().report.peopleCreated > 0);
    assert.ok(result.json().report.interactionsAdded > 0);
    const again = (await upload('format=x', files)).json();
    assert.equal(again.report.peopleCreated, 0);
    assert.equal(again.report.interactionsAdded, 0);
  });

  test('a generic CSV with a column mapping', async () => {
    const csv = 'Full name;E-Mail;Firma;Gruppe\nPetra Klein;petra@klein.example;Klein GmbH;kunde\n;;;\nNo Email Ned;;;\n';
    const mapping = encodeURIComponent(JSON.stringify({ name: 'Full name', email: 'E-Mail', organisation: 'Firma', tags: 'Gruppe' }));
    const result = (await upload(`format=csv&mapping=${mapping}`, { 'kontakte.csv': Buffer.from(csv) })).json();
    assert.equal(result.report.peopleCreated, 2);
    const [petra] = await people('&q=petra');
    assert.equal(petra!.organisation, 'Klein GmbH');
    assert.deepEqual(petra!.tags, ['kunde']);
    const bad = await upload('format=csv&mapping=nope', { 'kontakte.csv': Buffer.from(csv) });
    assert.equal(bad.statusCode, 400);
  });

  test('an import brings the statistics of tables that grew up to date, and leaves current ones alone', async () => {
    const stats = async () => (await t.database.query(`select c.reltuples::int as rows, s.last_analyze as at from pg_class c join pg_stat_user_tables s on s.relid = c.oid where c.relname = 'people'`)).rows[0]!;
    await t.database.query('analyze people');
    const current = await stats();
    await upload('format=linkedin&dryRun=true', { 'Connections.csv': fixture('linkedin/Connections.csv') });
    assert.deepEqual(await stats(), current, 'nothing grew: no ANALYZE');
    const { workspaceId } = await t.services.auth.ownerAuth();
    await t.database.query(`insert into people (workspace_id, name, sort_name, search_text) select $1, 'Bulk ' || g, 'bulk ' || g, 'bulk ' || g from generate_series(1, 3000) g`, [workspaceId]);
    await upload('format=linkedin&dryRun=true', { 'Connections.csv': fixture('linkedin/Connections.csv') });
    const count = Number((await t.database.query('select count(*) from people')).rows[0]!.count);
    assert.equal((await stats()).rows, count);
  });

  test('an import whose records hold keys of two people merges into one and leaves the other their key; the file again writes nothing', async () => {
    const create = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/people', headers: browser.headers, payload });
    assert.equal((await create({ name: 'Ada Keyholder', emails: ['ada.keys@example.org'], handles: [{ platform: 'mastodon', handle: '@ada@keys.example' }] })).statusCode, 201);
    assert.equal((await create({ name: 'Dan Keyholder', emails: ['dan.keys@example.org'] })).statusCode, 201);
    const card = (lines: string[]) => ['BEGIN:VCARD', 'VERSION:4.0', ...lines, 'END:VCARD'].join('\r\n');
    const file = Buffer.from([
      card(['FN:Bo Twice', 'EMAIL:bo.twice@example.org']),
      card(['FN:Bo T.', 'EMAIL:BO.TWICE@example.org', 'TEL:+49 30 1234567']),
      // Dan's email and Ada's handle: one of them gets this record, the other keeps what is theirs.
      card(['FN:Cy Clash', 'EMAIL:dan.keys@example.org', 'X-SOCIALPROFILE;TYPE=mastodon:https://keys.example/@ada']),
    ].join('\r\n') + '\r\n');
    const first = (await upload('format=vcard', { 'keys.vcf': file })).json().report;
    assert.equal(first.peopleCreated, 1);
    assert.equal(first.peopleUpdated, 1);
    assert.equal((await people('&q=bo.twice')).length, 1);
    const [ada] = await people('&q=ada keyholder');
    const [dan] = await people('&q=dan keyholder');
    assert.equal(ada!.handles.length, 1);
    assert.ok(dan!.emails.includes('dan.keys@example.org'));
    const again = (await upload('format=vcard', { 'keys.vcf': file })).json().report;
    assert.equal(again.peopleCreated, 0);
    assert.equal(again.peopleUpdated, 0);
    assert.equal((await people('&q=keyholder')).length, 2);
    assert.equal((await people('&q=bo.twice')).length, 1);
  });

  test('a NUL character in a file is dropped from its text, and its record is imported like the others', async () => {
    const file = Buffer.from('First Name,Last Name,URL,Email Address,Company,Position,Connected On\n'
      + 'Nu\u0000la,Nil,https://www.linkedin.com/in/nula-nil,,Null\u0000 Ltd,Chief\u0000 Zero,12 Jan 2020\n'
      + 'Ned,Nil,https://www.linkedin.com/in/ned-nil,,,,13 Jan 2020\n');
    const result = await upload('format=linkedin', { 'Connections.csv': file });
    assert.equal(result.statusCode, 200, result.body);
    assert.equal(result.json().report.peopleCreated, 2);
    const [nula] = await people('&q=nula');
    assert.equal(nula!.name, 'Nula Nil');
    assert.equal(nula!.organisation, 'Null Ltd');
  });

  test('a file of a thousand records or more (written by COPY through temp tables) arrives with its values intact, its connection date and its step; the file again adds nothing', async () => {
    const csvField = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
    const header = 'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing."\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n';
    // Values that CSV, COPY and array literals each treat specially.
    const odd = { first: 'Ann "Nan" O\'Brien, Jr.', last: 'Back\\slash {braces} 🙂', company: 'Tab\there, "Quotes" & Co', position: 'Line one\nLine two \\N' };
    const rows = Array.from({ length: 1_200 }, (_, i) => i === 700
      ? [odd.first, odd.last, 'https://www.linkedin.com/in/odd-one', 'Odd.One+tag@example.com', odd.company, odd.position, '05 Mar 2021']
      : [`Person${i}`, `Bulk`, `https://www.linkedin.com/in/bulk-${i}`, i % 10 === 0 ? `bulk${i}@example.com` : '', i % 3 ? 'Bulk Ltd' : '', '', '12 Jan 2020']);
    const file = Buffer.from(header + rows.map((r) => r.map(csvField).join(',')).join('\n') + '\n');

    const report = (await upload('format=linkedin', { 'Connections.csv': file })).json().report;
    assert.equal(report.peopleCreated, 1_200);
    assert.equal(report.interactionsAdded, 1_200);
    assert.deepEqual(report.rejected, []);

    const found = (await t.app.inject({ url: `/api/v1/people?q=${encodeURIComponent('braces')}`, headers: browser.headers })).json().items;
    assert.equal(found.length, 1);
    const person = (await t.app.inject({ url: `/api/v1/people/${found[0].id}`, headers: browser.headers })).json();
    assert.equal(person.name, `${odd.first} ${odd.last}`);
    assert.equal(person.givenName, odd.first);
    assert.equal(person.familyName, odd.last);
    assert.equal(person.organisation, odd.company);
    assert.equal(person.notes, `Position: ${odd.position}`);
    assert.deepEqual(person.emails, ['odd.one+tag@example.com']);
    assert.deepEqual(person.handles.map((h: { url: string }) => h.url), ['https://www.linkedin.com/in/odd-one']);
    assert.deepEqual(person.tags, []);
    // Their touch facts were written with them: the connection counts, as a follow, from its own date.
    assert.equal(person.interactionCount, 1);
    assert.equal(person.lastInteractionAt, '2021-03-05T00:00:00.000Z');
    assert.equal(person.ladder, 'aware');
    const timeline = (await t.app.inject({ url: `/api/v1/people/${person.id}/interactions`, headers: browser.headers })).json().items;
    assert.deepEqual(timeline.map((i: { kind: string; occurredAt: string }) => [i.kind, i.occurredAt]), [['follow', '2021-03-05T00:00:00.000Z']]);
    // Someone without an email has none (an empty list, not a list holding an empty text).
    const plain = (await t.app.inject({ url: '/api/v1/people?q=person1%20bulk', headers: browser.headers })).json().items[0];
    assert.deepEqual(plain.emails, []);
    assert.equal(plain.organisation, 'Bulk Ltd');

    const again = (await upload('format=linkedin', { 'Connections.csv': file })).json().report;
    assert.equal(again.peopleCreated, 0);
    assert.equal(again.peopleUnchanged, 1_200);
    assert.equal(again.interactionsAdded, 0);
    assert.equal(again.interactionsAlreadyThere, 1_200);
    // Found again by their keys: an email, a profile URL.
    const byEmail = (await t.app.inject({ url: '/api/v1/people?q=bulk10%40example.com', headers: browser.headers })).json().items;
    assert.equal(byEmail.length, 1);
  });
  test('a viewer cannot import', async () => {
    const invitation = await t.app.inject({ method: 'POST', url: '/api/v1/invitations', headers: browser.headers, payload: { role: 'viewer' } });
    const token = invitation.json().url.split('/invite/')[1];
    const viewer = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: { name: 'V', email: 'v@example.com', password: 'long enough password' } });
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(fixture('linkedin/Connections.csv'))]), 'Connections.csv');
    const cookie = viewer.cookies.find((c) => c.name === 'onland_session')!.value;
    const refused = await t.app.inject({ method: 'POST', url: '/api/v1/imports?format=linkedin', headers: { cookie: `onland_session=${cookie}`, 'x-csrf-token': viewer.json().csrfToken }, payload: form });
    assert.equal(refused.statusCode, 403);
  });
});
