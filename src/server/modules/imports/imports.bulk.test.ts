import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeTestApp, setupOwner, type Browser, type TestApp } from '../../../../test/helpers.ts';

// A file of a thousand records or more is written by COPY through temp tables (people.repository.ts);
// the fixtures' handful of rows never take that path.
describe('a large import', () => {
  let t: TestApp;
  let browser: Browser;
  before(async () => {
    t = await makeTestApp();
    browser = await setupOwner(t.app);
  });
  after(() => t.close());

  const csvField = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  const header = 'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing."\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n';
  // Values that CSV, COPY and array literals each treat specially.
  const odd = { first: 'Ann "Nan" O\'Brien, Jr.', last: 'Back\\slash {braces} 🙂', company: 'Tab\there, "Quotes" & Co', position: 'Line one\nLine two \\N' };
  const rows = Array.from({ length: 1_200 }, (_, i) => i === 700
    ? [odd.first, odd.last, 'https://www.linkedin.com/in/odd-one', 'Odd.One+tag@example.com', odd.company, odd.position, '05 Mar 2021']
    : [`Person${i}`, `Bulk`, `https://www.linkedin.com/in/bulk-${i}`, i % 10 === 0 ? `bulk${i}@example.com` : '', i % 3 ? 'Bulk Ltd' : '', '', '12 Jan 2020']);
  const file = Buffer.from(header + rows.map((r) => r.map(csvField).join(',')).join('\n') + '\n');

  async function upload() {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)]), 'Connections.csv');
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/imports?format=linkedin', headers: browser.headers, payload: form });
    assert.equal(response.statusCode, 200, response.body);
    return response.json().report;
  }

  test('every connection arrives with its values intact, its connection date and its step; the file again adds nothing', async () => {
    const report = await upload();
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

    const again = await upload();
    assert.equal(again.peopleCreated, 0);
    assert.equal(again.peopleUnchanged, 1_200);
    assert.equal(again.interactionsAdded, 0);
    assert.equal(again.interactionsAlreadyThere, 1_200);
    // Found again by their keys: an email, a profile URL.
    const byEmail = (await t.app.inject({ url: '/api/v1/people?q=bulk10%40example.com', headers: browser.headers })).json().items;
    assert.equal(byEmail.length, 1);
  });
});
