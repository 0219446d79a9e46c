import type { z } from 'zod';
import type { Clock } from '../../core/clock.ts';
import { decodeCursor, encodeCursor } from '../../core/cursor.ts';
import { AppError } from '../../core/errors.ts';
import type { Db, Tx } from '../../db/index.ts';
import { requireRole, type Auth } from '../auth/index.ts';
import type { Interaction, InteractionInput, InteractionPatch, PeopleQuery, Person, PersonInput, PersonPatch } from './people.contract.ts';
import { ladderIndex, ladderStep, ladderSteps } from './ladder.ts';
import { createPeopleRepository, type InteractionRow, type PersonRow, type PersonValues } from './people.repository.ts';

type PersonData = z.output<typeof PersonInput>;

export function createPeopleService({ db, clock }: { db: Db; clock: Clock }) {
  const repo = createPeopleRepository(db);

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
  async function refreshTouches(workspaceId: string, personIds: string[], tx: Tx) {
    const facts = await repo.touchFacts(workspaceId, personIds, tx);
    await repo.saveTouchSummaries(workspaceId, facts.map((f) => ({
      personId: f.personId, ladderStep: ladderIndex(ladderStep(f)), count: f.count, firstAt: f.firstAt, lastAt: f.lastAt,
      lastInboundAt: f.lastInboundAt, lastOutboundAt: f.lastOutboundAt, exchanges: f.exchanges,
      firstExchangeAt: f.firstExchangeAt, lastExchangeAt: f.lastExchangeAt, lastEventAt: f.lastEventAt,
    })), tx);
  }

  return {
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

    async create(auth: Auth, input: PersonData): Promise<Person> {
      requireRole(auth, 'editor');
      return db.transaction(async (tx) => {
        await checkIntroducer(auth, input.introducedById, undefined, tx);
        const now = clock.now();
        const row = await repo.insert(auth.workspaceId, { ...normalise(input), createdAt: now, updatedAt: now }, tx);
        if (row.introducedById) await repo.refreshReferrers(auth.workspaceId, [row.introducedById], tx);
        return toPerson(row);
      });
    },

    async update(auth: Auth, id: string, patch: z.output<typeof PersonPatch>): Promise<Person> {
      requireRole(auth, 'editor');
      return db.transaction(async (tx) => {
        const current = await requirePerson(auth, id, tx);
        const merged = { ...toPerson(current), ...definedOnly(patch) } as PersonData;
        await checkIntroducer(auth, merged.introducedById, id, tx);
        const row = (await repo.update(auth.workspaceId, id, normalise(merged), clock.now(), tx))!;
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
        const row = await repo.insertInteraction({
          workspaceId: auth.workspaceId,
          personId,
          channel: input.channel,
          kind: input.kind,
          direction: input.direction,
          occurredAt: input.occurredAt,
          durationMinutes: input.durationMinutes ?? null,
          note: input.note,
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
        const row = await repo.updateInteraction(auth.workspaceId, personId, interactionId, definedOnly(patch), tx);
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
export type { InteractionInput, PersonInput };

function normalise(input: PersonData): PersonValues {
  return {
    name: input.name,
    givenName: input.givenName ?? null,
    familyName: input.familyName ?? null,
    emails: unique(input.emails.map((e) => e.trim().toLowerCase())),
    phones: unique(input.phones.map((p) => p.trim())),
    handles: input.handles.map((h) => ({ platform: h.platform, handle: h.handle, url: h.url ?? null })),
    organisation: input.organisation ?? null,
    tags: unique(input.tags.map((t) => t.trim())),
    notes: input.notes ?? null,
    source: input.source ?? null,
    introducedById: input.introducedById ?? null,
    timezone: input.timezone ?? null,
    locale: input.locale ?? null,
    cadenceDays: input.cadenceDays ?? null,
    isClient: input.isClient,
    isFriend: input.isFriend,
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function toPerson(row: PersonRow): Person {
  return {
    id: row.id, name: row.name, givenName: row.givenName, familyName: row.familyName, emails: row.emails, phones: row.phones,
    handles: row.handles, organisation: row.organisation, tags: row.tags, notes: row.notes, source: row.source,
    introducedById: row.introducedById, timezone: row.timezone, locale: row.locale, cadenceDays: row.cadenceDays,
    isClient: row.isClient, isFriend: row.isFriend, ladder: ladderSteps[row.ladderStep] ?? 'aware', isReferrer: row.isReferrer,
    interactionCount: row.interactionCount, lastInteractionAt: row.lastInteractionAt, createdAt: row.createdAt, updatedAt: row.updatedAt,
  };
}

function toInteraction(row: InteractionRow): Interaction {
  return {
    id: row.id, personId: row.personId, channel: row.channel, kind: row.kind, direction: row.direction,
    occurredAt: row.occurredAt, durationMinutes: row.durationMinutes, note: row.note, createdAt: row.createdAt,
  };
}
