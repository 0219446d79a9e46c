import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { makeTestDatabase } from '../../../test/helpers.ts';

// Every connection of the pool, and the transactions on them, run without PostgreSQL's JIT: it
// compiled for over a second before an insights statement that then ran in a fifth of that.
test('on PostgreSQL every pooled connection runs without JIT compilation', async (t) => {
  const database = await makeTestDatabase();
  t.after(() => database.dispose());
  if (database.kind !== 'postgres') return t.skip('PGlite has no JIT');
  const settings = await Promise.all(Array.from({ length: 6 }, () => database.query('show jit')));
  assert.deepEqual(settings.map((r) => r.rows[0]!.jit), Array(6).fill('off'));
  const inTransaction = await database.db.transaction(async (tx) => (await tx.execute(sql`show jit`) as unknown as { rows: { jit: string }[] }).rows[0]!.jit);
  assert.equal(inTransaction, 'off');
});
