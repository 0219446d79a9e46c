import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/index.ts';
import { ladderSteps } from './ladder.ts';
import type { MergeableValues } from './merge.ts';
import type { Interaction, Person, PersonInput } from './people.contract.ts';
import type { InteractionRow, PersonRow } from './people.repository.ts';

// Conversions between rows, API shapes and the values a person is written with, shared by the
// service and the importer.

export type PersonData = z.output<typeof PersonInput>;

export function normalise(input: PersonData): MergeableValues {
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

// Creates hold a shared lock on the workspace (imports hold it exclusively) and one lock per
// identity key, so two requests cannot both create the same person.
export async function lockKeys(tx: Tx, workspaceId: string, keys: string[]) {
  // One statement for all of them, the workspace's first, then the keys in sorted order (a function scan
  // yields the array's order), so two transactions never wait for each other's keys in a circle.
  const sorted = [...new Set(keys)].sort().map((key) => workspaceId + key);
  await tx.execute(sql`select count(case when k.n = 1 then pg_advisory_xact_lock_shared(hashtextextended(k.key, 0)) else pg_advisory_xact_lock(hashtextextended(k.key, 0)) end)
    from unnest(${sql.param(['people:' + workspaceId, ...sorted])}::text[]) with ordinality as k(key, n)`);
}

export function toValues(row: PersonRow): MergeableValues {
  return {
    name: row.name, givenName: row.givenName, familyName: row.familyName, emails: row.emails, phones: row.phones, handles: row.handles,
    organisation: row.organisation, tags: row.tags, notes: row.notes, source: row.source, introducedById: row.introducedById,
    timezone: row.timezone, locale: row.locale, cadenceDays: row.cadenceDays, isClient: row.isClient, isFriend: row.isFriend,
  };
}

export function isId(value: string | null | undefined): value is string {
  return Boolean(value);
}

export function unique(values: string[]): string[] {
  return [...new Set(values)];
}

export function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function toPerson(row: PersonRow): Person {
  return {
    id: row.id, name: row.name, givenName: row.givenName, familyName: row.familyName, emails: row.emails, phones: row.phones,
    handles: row.handles, organisation: row.organisation, tags: row.tags, notes: row.notes, source: row.source,
    introducedById: row.introducedById, timezone: row.timezone, locale: row.locale, cadenceDays: row.cadenceDays,
    isClient: row.isClient, isFriend: row.isFriend, ladder: ladderSteps[row.ladderStep] ?? 'aware', isReferrer: row.isReferrer,
    interactionCount: row.interactionCount, lastInteractionAt: row.lastInteractionAt, createdAt: row.createdAt, updatedAt: row.updatedAt,
  };
}

export function toInteraction(row: InteractionRow): Interaction {
  return {
    id: row.id, personId: row.personId, channel: row.channel, kind: row.kind, direction: row.direction,
    occurredAt: row.occurredAt, durationMinutes: row.durationMinutes, note: row.note, postId: row.postId, eventId: row.eventId, createdAt: row.createdAt,
  };
}
