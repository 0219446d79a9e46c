import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { parseVCard } from '../imports/parsers/index.ts';
import { makeTestApp, setupOwner, type Browser, type TestApp } from '../../../../test/helpers.ts';

describe('CSV and vCard exports', () => {
  let t: TestApp;
  let browser: Browser;
  before(async () => {
    t = await makeTestApp();
    browser = await setupOwner(t.app);
    const send = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: browser.headers, payload });
    const jurgen = (await send('/api/v1/people', {
      name: 'Jürgen Müller', givenName: 'Jürgen', familyName: 'Müller', emails: ['juergen@example.de'], phones: ['+49 30 1234567'],
      organisation: 'Müller, Söhne & Co', tags: ['client', 'berlin'], notes: 'Likes "quotes", commas, and\nnew lines',
      handles: [{ platform: 'mastodon', handle: '@juergen@social.example', url: 'https://social.example/@juergen' }],
    })).json();
    await send('/api/v1/people', { name: 'Zoë Laurent', emails: ['zoe@example.org'] });
    await send(`/api/v1/people/${jurgen.id}/interactions`, { channel: 'phone', kind: 'call', direction: 'out', occurredAt: '2026-11-01T09:30:00Z', durationMinutes: 20, note: 'About the workshop, part 2' });
  });
  after(() => t.close());

  const download = (name: string) => t.app.inject({ url: `/api/v1/export/${name}`, headers: browser.headers });

  test('people.csv has every person with their fields, quoting intact', async () => {
    const response = await download('people.csv');
    assert.match(response.headers['content-type'] as string, /text\/csv/);
    const rows = parse(response.body, { columns: true }) as Record<string, string>[];
    assert.deepEqual(rows.map((r) => r.name), ['Jürgen Müller', 'Zoë Laurent']);
    assert.equal(rows[0]!.organisation, 'Müller, Söhne & Co');
    assert.equal(rows[0]!.notes, 'Likes "quotes", commas, and\nnew lines');
    assert.equal(rows[0]!.tags, 'client, berlin');
    assert.equal(rows[0]!.ladder, 'talked');
  });

  test('interactions.csv lists each touch with its person', async () => {
    const rows = parse((await download('interactions.csv')).body, { columns: true }) as Record<string, string>[];
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.person_name, 'Jürgen Müller');
    assert.equal(rows[0]!.occurred_at, '2026-11-01T09:30:00.000Z');
    assert.equal(rows[0]!.note, 'About the workshop, part 2');
  });

  test('people.vcf is vCard 4 that reads back with names, emails, phones, organisation, tags and handles', async () => {
    const response = await download('people.vcf');
    assert.match(response.body, /^BEGIN:VCARD\r\nVERSION:4\.0\r\n/);
    const back = parseVCard(response.body);
    assert.equal(back.people.length, 2);
    const jurgen = back.people.find((p) => p.name === 'Jürgen Müller')!;
    assert.deepEqual(jurgen.emails, ['juergen@example.de']);
    assert.deepEqual(jurgen.phones, ['+49 30 1234567']);
    assert.equal(jurgen.organisation, 'Müller, Söhne & Co');
    assert.deepEqual(jurgen.tags, ['client', 'berlin']);
    assert.equal(jurgen.handles[0]?.platform, 'mastodon');
    assert.equal(jurgen.notes?.includes('new lines'), true);
  });
});
