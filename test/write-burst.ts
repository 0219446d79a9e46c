import assert from 'node:assert/strict';
import type { Database } from '../src/server/db/index.ts';
import { owner } from './helpers.ts';

// For tests that run the real server as a child process (crash safety, snapshots): sign up over
// HTTP, then write through the API with a token from several clients at once, remembering every
// write the server acknowledged with a 2xx, so a test can look for each after a kill -9.

export type Session = { cookie: string; csrf: string; bearer: string };

export async function signUp(url: string): Promise<Session> {
  const setup = await fetch(`${url}/api/v1/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(owner) });
  if (setup.status !== 201) throw new Error(`setup: ${setup.status} ${await setup.text()}`);
  const cookie = setup.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('onland_session='));
  if (!cookie) throw new Error('setup set no session cookie');
  const { csrfToken } = (await setup.json()) as { csrfToken: string };
  const token = await fetch(`${url}/api/v1/tokens`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken }, body: JSON.stringify({ name: 'burst' }) });
  if (token.status !== 201) throw new Error(`token: ${token.status} ${await token.text()}`);
  return { cookie, csrf: csrfToken, bearer: ((await token.json()) as { token: string }).token };
}

// ackedAt: when the 2xx arrived (the write was committed before then).
export type AckedPerson = { id: string; name: string; notes: string | null; ackedAt: number };
export type AckedInteraction = { id: string; personId: string; note: string; kind: string; occurredAt: string; ackedAt: number };
export type Acks = { people: Map<string, AckedPerson>; interactions: AckedInteraction[]; attempts: number };

// Writes until stopped or the connection breaks: each client adds a person, logs two interactions
// with them, then changes their notes once (once, so an acknowledged value cannot be overwritten by
// a later write that was cut off unacknowledged).
export function startBurst(url: string, bearer: string, { clients = 6 } = {}) {
  const acks: Acks = { people: new Map(), interactions: [], attempts: 0 };
  let stopped = false;
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${bearer}` };
  const post = async (method: string, path: string, body: unknown) => {
    acks.attempts++;
    const response = await fetch(`${url}${path}`, { method, headers, body: JSON.stringify(body) });
    const json = (await response.json()) as Record<string, unknown>;
    if (response.status < 200 || response.status > 299) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  const client = async (c: number) => {
    for (let n = 0; !stopped; n++) {
      const name = `Burst ${c}-${n}`;
      const person = await post('POST', '/api/v1/people', { name, tags: ['burst'] });
      const id = person.id as string;
      acks.people.set(id, { id, name, notes: null, ackedAt: Date.now() });
      for (const [i, kind] of (['comment', 'call'] as const).entries()) {
        const occurredAt = new Date(Date.UTC(2026, 0, 1 + (n % 28), c, i)).toISOString();
        const note = `${name} touch ${i}`;
        const interaction = await post('POST', `/api/v1/people/${id}/interactions`, { channel: kind === 'call' ? 'phone' : 'mastodon', kind, direction: 'out', occurredAt, note });
        acks.interactions.push({ id: interaction.id as string, personId: id, note, kind, occurredAt, ackedAt: Date.now() });
      }
      const notes = `${name} met at the harbour`;
      await post('PATCH', `/api/v1/people/${id}`, { notes });
      acks.people.get(id)!.notes = notes;
    }
  };
  // A client ends at its first failure: once the server is killed, every request fails.
  const done = Promise.allSettled(Array.from({ length: clients }, (_, c) => client(c)));
  return {
    acks,
    stop: async () => {
      stopped = true;
      const results = await done;
      return results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason));
    },
  };
}

// Every acknowledged write, read back through the API of the restarted server.
export async function assertAcknowledgedPresent(url: string, bearer: string, acks: Acks) {
  const headers = { authorization: `Bearer ${bearer}` };
  for (const person of acks.people.values()) {
    const response = await fetch(`${url}/api/v1/people/${person.id}`, { headers });
    assert.equal(response.status, 200, `person ${person.name} (${person.id}) acknowledged but missing`);
    const found = (await response.json()) as { name: string; notes: string | null };
    assert.equal(found.name, person.name);
    if (person.notes !== null) assert.equal(found.notes, person.notes, `${person.name}: acknowledged notes lost`);
  }
  const byPerson = Map.groupBy(acks.interactions, (i) => i.personId);
  for (const [personId, expected] of byPerson) {
    const response = await fetch(`${url}/api/v1/people/${personId}/interactions?limit=200`, { headers });
    assert.equal(response.status, 200);
    const items = ((await response.json()) as { items: { id: string; note: string; kind: string; occurredAt: string }[] }).items;
    for (const interaction of expected) {
      const found = items.find((i) => i.id === interaction.id);
      assert.ok(found, `interaction ${interaction.note} acknowledged but missing`);
      assert.equal(found.note, interaction.note);
      assert.equal(found.kind, interaction.kind);
      assert.equal(new Date(found.occurredAt).toISOString(), interaction.occurredAt);
    }
  }
}

// What a consistent database holds after any crash: each person's stored interaction count and
// latest touch agree with their interactions, and no interaction lacks its person.
export async function consistencyProblems(database: Database): Promise<string[]> {
  const orphans = await database.query(`select count(*)::int as n from interactions i where not exists (select 1 from people p where p.workspace_id = i.workspace_id and p.id = i.person_id)`);
  const drift = await database.query(`
    select p.name, p.interaction_count, count(i.id)::int as actual, p.last_interaction_at, max(i.occurred_at) as latest
    from people p left join interactions i on i.workspace_id = p.workspace_id and i.person_id = p.id
    group by p.workspace_id, p.id
    having p.interaction_count <> count(i.id) or p.last_interaction_at is distinct from max(i.occurred_at)`);
  const problems = drift.rows.map((r) => `${r.name}: interaction_count ${r.interaction_count}, actual ${r.actual}; last ${String(r.last_interaction_at)}, latest ${String(r.latest)}`);
  if (Number(orphans.rows[0]!.n) > 0) problems.push(`${orphans.rows[0]!.n} interactions without their person`);
  return problems;
}

export async function countRows(database: Database, table: 'people' | 'interactions'): Promise<number> {
  return Number((await database.query(`select count(*)::int as n from ${table}`)).rows[0]!.n);
}
