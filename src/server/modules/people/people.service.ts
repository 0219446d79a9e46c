import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Clock } from '../../core/clock.ts';
import { decodeCursor, encodeCursor } from '../../core/cursor.ts';
import { AppError } from '../../core/errors.ts';
import type { Db, Tx } from '../../db/index.ts';
import { requireRole, type Auth } from '../auth/index.ts';
import type { Interaction, InteractionInput, InteractionPatch, PeopleQuery, Person, PersonInput, PersonPatch } from './people.contract.ts';
import { duplicateReasons, nameSimilarity } from './duplicates.ts';
import { identityKeys } from './identity.ts';
import { ladderIndex } from './ladder.ts';
import { mergeValues, type MergeableValues } from './merge.ts';
import { definedOnly, isId, lockKeys, normalise, toInteraction, toPerson, toValues, type PersonData } from './people.values.ts';
import { createPeopleRepository, type PersonRow } from './people.repository.ts';
import { createFormContacts } from './people.contacts.ts';

export type MergeHook = (tx: Tx, workspaceId: string, fromPersonId: string, toPersonId: string) => Promise<void>;

export function createPeopleService({ db, clock }: { db: Db; clock: Clock }) {
  const repo = createPeopleRepository(db);
  const mergeHooks: MergeHook[] = [];
  // Whether a post is this workspace's: the posts module answers (set in app.ts); until it does, no post can be named.
  let postExists: (workspaceId: string, postId: string, tx: Tx) => Promise<boolean> = async () => false;
  async function requirePost(auth: Auth, postId: string | null | undefined, tx: Tx) {
    if (postId && !(await postExists(auth.workspaceId, postId, tx))) throw new AppError('NOT_FOUND', 'No such post.', [{ path: 'postId', message: 'No such post' }]);
  }

  async function requirePerson(auth: Auth, id: string, tx?: Tx): Promise<PersonRow> {
    const row = await repo.get(auth.workspaceId, id, tx);
    if (!row) throw new AppError('NOT_FOUND', 'No such person in this workspace.');
    return row;
  }

  async function checkIntroducer(auth: Auth, introducedById: string | null | undefined, selfId: string | undefined, tx: Tx) {
    if (!introducedById) return;
    if (introducedById === selfId) throw new AppError('VALIDATION_FAILED', 'Nobody introduces themselves.', [{ path: 'body.introducedById', message: 'Cannot be the person themselves' }]);
    if (!(await repo.get(auth.workspaceId, introducedById, tx))) {
      throw new AppError('VALIDATION_FAILED', 'The introducer is not in this workspace.', [{ path: 'body.introducedById', message: 'No such person' }]);
    }
  }

  // Keeps the derived ladder step and touch facts current, in the transaction that changed the interactions.
  const refreshTouches = (workspaceId: string, personIds: string[], tx: Tx) => repo.refreshTouches(workspaceId, personIds, tx);

  // A person's identity keys follow their emails, phones and handles; a key someone else holds is a
  // duplicate to merge, not to create.
  async function syncKeys(workspaceId: string, personId: string, values: MergeableValues, tx: Tx) {
    const wanted = identityKeys(values);
    const current = (await repo.keysOf(workspaceId, personId, tx)).filter((k) => !k.startsWith('import:'));
    await repo.removeKeys(workspaceId, personId, current.filter((k) => !wanted.includes(k)), tx);
    const added = wanted.filter((k) => !current.includes(k));
    const taken = [...(await repo.findKeys(workspaceId, added, tx)).entries()].filter(([, owner]) => owner !== personId);
    if (taken.length) {
      const [key, owner] = taken[0]!;
      const other = await repo.get(workspaceId, owner, tx);
      throw new AppError('DUPLICATE_PERSON', `${key.split(':').slice(1).join(':')} belongs to ${other?.name ?? 'someone else'} (${owner}): merge the two instead.`,
        [{ path: `body.${key.startsWith('email:') ? 'emails' : key.startsWith('phone:') ? 'phones' : 'handles'}`, message: 'Belongs to another person' }]);
    }
    await repo.insertKeys(workspaceId, added.map((key) => ({ key, personId })), tx);
  }

  return {
    ...createFormContacts({ repo, clock }),

    async list(auth: Auth, query: z.output<typeof PeopleQuery>): Promise<{ items: Person[]; nextCursor: string | null }> {
      requireRole(auth, 'viewer');
      const after = decodeCursor(query.cursor, 2) as [string, string] | null;
      const step = query.step ? ladderIndex(query.step) : undefined;
      const rows = await repo.list(auth.workspaceId, { q: query.q || undefined, tag: query.tag || undefined, step, after, limit: query.limit + 1 });
      const items = rows.slice(0, query.limit);
      const last = items.at(-1);
      return { items: items.map(toPerson), nextCursor: rows.length > query.limit && last ? encodeCursor([last.sortName, last.id]) : null };
    },

    async tags(auth: Auth) {
      requireRole(auth, 'viewer');
      return { items: await repo.tags(auth.workspaceId) };
    },

    async get(auth: Auth, id: string): Promise<Person> {
      requireRole(auth, 'viewer');
      return toPerson(await requirePerson(auth, id));
    },

    // An exact duplicate (same email, phone, handle or profile URL) is merged into the person who has it.
    async create(auth: Auth, input: PersonData): Promise<{ person: Person; merged: boolean }> {
      requireRole(auth, 'editor');
      return db.transaction(async (tx) => {
        await checkIntroducer(auth, input.introducedById, undefined, tx);
        const values = normalise(input);
        const keys = identityKeys(values);
        await lockKeys(tx, auth.workspaceId, keys);
        const owners = [...new Set((await repo.findKeys(auth.workspaceId, keys, tx)).values())];
        const now = clock.now();
        if (owners[0]) {
          const existing = await requirePerson(auth, owners[0], tx);
          const merged = mergeValues(toValues(existing), values);
          const row = (await repo.update(auth.workspaceId, existing.id, merged, now, tx))!;
          await syncKeys(auth.workspaceId, row.id, merged, tx);
          await repo.refreshReferrers(auth.workspaceId, [existing.introducedById, row.introducedById].filter(isId), tx);
          return { person: toPerson(row), merged: true };
        }
        const row = await repo.insert(auth.workspaceId, { ...values, createdAt: now, updatedAt: now }, tx);
        await repo.insertKeys(auth.workspaceId, keys.map((key) => ({ key, personId: row.id })), tx);
        if (row.introducedById) await repo.refreshReferrers(auth.workspaceId, [row.introducedById], tx);
        return { person: toPerson(row), merged: false };
      });
    },

    // Two records of one person become one: everything of the other moves to the survivor.
    async merge(auth: Auth, survivorId: string, otherId: string): Promise<Person> {
      requireRole(auth, 'editor');
      if (survivorId === otherId) throw new AppError('VALIDATION_FAILED', 'A person cannot be merged with themselves.', [{ path: 'body.otherId', message: 'Same person' }]);
      return db.transaction(async (tx) => {
        const survivor = await requirePerson(auth, survivorId, tx);
        const other = await requirePerson(auth, otherId, tx);
        const values = mergeValues(toValues(survivor), { ...toValues(other), introducedById: other.introducedById === survivorId ? null : other.introducedById });
        await repo.moveEverything(auth.workspaceId, otherId, survivorId, tx);
        for (const hook of mergeHooks) await hook(tx, auth.workspaceId, otherId, survivorId);
        await repo.remove(auth.workspaceId, otherId, tx);
        await repo.update(auth.workspaceId, survivorId, values, clock.now(), tx);
        await syncKeys(auth.workspaceId, survivorId, values, tx);
        await refreshTouches(auth.workspaceId, [survivorId], tx);
        await repo.refreshReferrers(auth.workspaceId, [survivorId, survivor.introducedById, other.introducedById].filter(isId), tx);
        return toPerson(await requirePerson(auth, survivorId, tx));
      });
    },

    // The "who introduced whom" tree around a person (a cycle cannot run away: the depth is bounded).
    async introductions(auth: Auth, id: string) {
      requireRole(auth, 'viewer');
      await requirePerson(auth, id);
      const { up, down } = await repo.introductions(auth.workspaceId, id, 5);
      return { introducedBy: up.map(({ id, name }) => ({ id, name })), introduced: down };
    },

    // Possible duplicates to review: found through blocking keys, explained by what they share.
    async duplicateCandidates(auth: Auth) {
      requireRole(auth, 'viewer');
      const pairs = await repo.candidatePairs(auth.workspaceId, 5000);
      const rows = new Map((await repo.getMany(auth.workspaceId, [...new Set(pairs.flat())])).map((r) => [r.id, r]));
      const items = pairs.flatMap(([aId, bId]) => {
        const a = rows.get(aId)!;
        const b = rows.get(bId)!;
        const similarity = nameSimilarity(a.name, b.name);
        const reasons = duplicateReasons(a, b, similarity);
        return reasons ? [{ a: candidateSide(a), b: candidateSide(b), reasons, similarity: Math.round(similarity * 100) / 100 }] : [];
      });
      items.sort((x, y) => y.reasons.length - x.reasons.length || y.similarity - x.similarity || x.a.name.localeCompare(y.a.name));
      return { items: items.slice(0, 100) };
    },

    // "Not a duplicate": the pair is never suggested again.
    async dismissDuplicate(auth: Auth, aId: string, bId: string): Promise<void> {
      requireRole(auth, 'editor');
      await requirePerson(auth, aId);
      await requirePerson(auth, bId);
      await repo.dismissPair(auth.workspaceId, aId, bId);
    },

    // Recomputes every person's ladder step and touch facts (after a restore or a bulk load), in
    // one statement over all interactions; returns how many people it looked at.
    async recomputeTouches(auth: Auth): Promise<number> {
      requireRole(auth, 'owner');
      const result = await db.transaction(async (tx) => {
        // Statistics first (a bulk load leaves them stale), and room to group millions of interactions in memory.
        await tx.execute(sql`analyze people, interactions`);
        await tx.execute(sql`set local work_mem = '64MB'`);
        return repo.refreshTouches(auth.workspaceId, null, tx);
      });
      // Every changed person left a dead row version behind, and an entry in every index for it: a
      // search for a common fragment then read twice the pages (and PGlite has no autovacuum).
      if (result.changed) await db.execute(sql`vacuum (analyze) people`);
      return result.people;
    },

    // Later modules (registrations, consents) move their rows to the survivor of a merge.
    checkPostsWith(exists: (workspaceId: string, postId: string, tx: Tx) => Promise<boolean>) {
      postExists = exists;
    },

    onMerge(hook: MergeHook) {
      mergeHooks.push(hook);
    },

    async update(auth: Auth, id: string, patch: z.output<typeof PersonPatch>): Promise<Person> {
      requireRole(auth, 'editor');
      return db.transaction(async (tx) => {
        const current = await requirePerson(auth, id, tx);
        const merged = { ...toPerson(current), ...definedOnly(patch) } as PersonData;
        await checkIntroducer(auth, merged.introducedById, id, tx);
        const values = normalise(merged);
        await lockKeys(tx, auth.workspaceId, identityKeys(values));
        const row = (await repo.update(auth.workspaceId, id, values, clock.now(), tx))!;
        await syncKeys(auth.workspaceId, id, values, tx);
        const introducers = [current.introducedById, row.introducedById].filter((v): v is string => Boolean(v));
        await repo.refreshReferrers(auth.workspaceId, [...new Set(introducers)], tx);
        return toPerson(row);
      });
    },

    async remove(auth: Auth, id: string): Promise<void> {
      requireRole(auth, 'editor');
      const removed = await db.transaction(async (tx) => {
        const person = await repo.get(auth.workspaceId, id, tx);
        const done = await repo.remove(auth.workspaceId, id, tx);
        if (person?.introducedById) await repo.refreshReferrers(auth.workspaceId, [person.introducedById], tx);
        return done;
      });
      if (!removed) throw new AppError('NOT_FOUND', 'No such person in this workspace.');
    },

    async listInteractions(auth: Auth, personId: string, query: { cursor?: string; limit: number }) {
      requireRole(auth, 'viewer');
      await requirePerson(auth, personId);
      const after = decodeCursor(query.cursor, 2) as [string, string] | null;
      if (after && Number.isNaN(Date.parse(after[0]))) throw new AppError('BAD_CURSOR');
      const rows = await repo.listInteractions(auth.workspaceId, personId, after, query.limit + 1);
      const items = rows.slice(0, query.limit);
      const last = items.at(-1);
      return { items: items.map(toInteraction), nextCursor: rows.length > query.limit && last ? encodeCursor([last.occurredAt.toISOString(), last.id]) : null };
    },

    async addInteraction(auth: Auth, personId: string, input: z.output<typeof InteractionInput>): Promise<Interaction> {
      requireRole(auth, 'editor');
      return db.transaction(async (tx) => {
        await requirePerson(auth, personId, tx);
        await requirePost(auth, input.postId, tx);
        const row = await repo.insertInteraction({
          workspaceId: auth.workspaceId,
          personId,
          channel: input.channel,
          kind: input.kind,
          direction: input.direction,
          occurredAt: input.occurredAt,
          durationMinutes: input.durationMinutes ?? null,
          note: input.note,
          postId: input.postId ?? null,
          createdBy: auth.userId,
          createdAt: clock.now(),
        }, tx);
        await refreshTouches(auth.workspaceId, [personId], tx);
        return toInteraction(row);
      });
    },

    async updateInteraction(auth: Auth, personId: string, interactionId: string, patch: z.output<typeof InteractionPatch>): Promise<Interaction> {
      requireRole(auth, 'editor');
      return db.transaction(async (tx) => {
        const values = definedOnly(patch);
        await requirePost(auth, values.postId, tx);
        // An empty patch changes nothing (and an UPDATE without columns is not SQL).
        const row = Object.keys(values).length
          ? await repo.updateInteraction(auth.workspaceId, personId, interactionId, values, tx)
          : await repo.getInteraction(auth.workspaceId, personId, interactionId, tx);
        if (!row) throw new AppError('NOT_FOUND', 'No such interaction.');
        await refreshTouches(auth.workspaceId, [personId], tx);
        return toInteraction(row);
      });
    },

    async removeInteraction(auth: Auth, personId: string, interactionId: string): Promise<void> {
      requireRole(auth, 'editor');
      await db.transaction(async (tx) => {
        if (!(await repo.removeInteraction(auth.workspaceId, personId, interactionId, tx))) throw new AppError('NOT_FOUND', 'No such interaction.');
        await refreshTouches(auth.workspaceId, [personId], tx);
      });
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;

function candidateSide(row: PersonRow) {
  return { id: row.id, name: row.name, organisation: row.organisation, emails: row.emails };
}
export type { InteractionInput, PersonInput };
