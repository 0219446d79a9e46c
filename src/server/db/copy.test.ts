import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { and, eq, inArray } from 'drizzle-orm';
import { makeTestApp, setupOwner, type TestApp } from '../../../test/helpers.ts';
import { people } from '../modules/people/people.table.ts';
import { copyRows } from './copy.ts';

// copyRows writes what it is given, whatever CSV, COPY and PostgreSQL's array literals make of it.
describe('rows written by COPY', () => {
  let t: TestApp;
  let workspaceId: string;
  before(async () => {
    t = await makeTestApp();
    await setupOwner(t.app);
    workspaceId = String((await t.database.query('select id from workspaces')).rows[0]!.id);
  });
  after(() => t.close());

  test('read back exactly: quotes, commas, newlines, backslashes, braces and NULL-like text in texts, lists and JSON; empty text and empty lists are not null', async () => {
    const now = new Date('2026-05-04T03:02:01.123Z');
    const odd = 'a "quoted", \\N back\\slash {brace} NULL\nnew line\ttab 🙂';
    const rows = [
      {
        workspaceId, id: randomUUID(), name: odd, givenName: '', familyName: null, emails: ['x@example.com', 'NULL', 'a,b', '{c}', 'q"uote', 'back\\slash', ''],
        phones: [], handles: [{ platform: 'mastodon' as const, handle: '@"odd",\\one', url: null }], organisation: 'NULL', tags: ['x y', 'é'],
        notes: '\\.', isClient: true, isFriend: false, cadenceDays: 14, sortName: odd.toLowerCase(), searchText: odd, createdAt: now, updatedAt: now,
      },
      {
        workspaceId, id: randomUUID(), name: 'Plain', givenName: null, familyName: null, emails: [], phones: [], handles: [], organisation: null, tags: [],
        notes: null, isClient: false, isFriend: false, cadenceDays: null, sortName: 'plain', searchText: 'plain', createdAt: now, updatedAt: now,
      },
    ];
    const keys = ['workspaceId', 'id', 'name', 'givenName', 'familyName', 'emails', 'phones', 'handles', 'organisation', 'tags', 'notes',
      'isClient', 'isFriend', 'cadenceDays', 'sortName', 'searchText', 'createdAt', 'updatedAt'] as const;
    await t.database.db.transaction((tx) => copyRows(tx, people, keys, rows));
    const read = await t.database.db.select().from(people).where(and(eq(people.workspaceId, workspaceId), inArray(people.id, rows.map((r) => r.id))));
    for (const row of rows) {
      const back = read.find((r) => r.id === row.id)!;
      for (const key of keys) assert.deepEqual(back[key], row[key], key);
    }
  });

  test('a row the table refuses writes none of the rows', async () => {
    const row = (name: string | null) => ({ workspaceId, id: randomUUID(), name, sortName: 'x', searchText: 'x' });
    const rows = [row('First'), row(null)];
    await assert.rejects(t.database.db.transaction((tx) => copyRows(tx, people, ['workspaceId', 'id', 'name', 'sortName', 'searchText'], rows)));
    const read = await t.database.db.select().from(people).where(inArray(people.id, rows.map((r) => r.id)));
    assert.equal(read.length, 0);
  });
});
