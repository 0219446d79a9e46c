import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import type { Db, Tx } from '../../db/index.ts';
import { requireRole, type Auth } from '../auth/index.ts';
import { identityKeys, normaliseEmail, normaliseProfileUrl } from './identity.ts';
import { mergeValues, sameValues, type MergeableValues } from './merge.ts';
import { channels, interactionKinds, PersonInput } from './people.contract.ts';
import { createPeopleRepository } from './people.repository.ts';
import { normalise } from './people.values.ts';

// What an importer hands over: people keyed by their source's own id, and their interactions.
export type IncomingPerson = {
  key: string; name: string; givenName?: string | null; familyName?: string | null; emails: string[]; phones: string[];
  handles: { platform: string; handle: string; url?: string | null }[]; organisation?: string | null; notes?: string | null; tags: string[]; line: number;
};
export type IncomingInteraction = {
  personKey: string; channel: (typeof channels)[number]; kind: (typeof interactionKinds)[number]; direction: 'in' | 'out';
  occurredAt: Date; durationMinutes?: number | null; note?: string | null; externalId: string; line: number;
  // The post this answers (a reply fetched from a platform).
  postId?: string | null;
};
export type ImportProblem = { line: number; reason: string; file?: string };

export type ImportReport = {
  peopleCreated: number;
  peopleUpdated: number;
  peopleUnchanged: number;
  // Records of the file that turned out to be one person (same email, handle, …).
  recordsMerged: number;
  interactionsAdded: number;
  interactionsAlreadyThere: number;
  rejected: ImportProblem[];
};

// Thrown to roll a preview back after it has computed its report.
class DryRun extends Error {
  readonly report: ImportReport;
  constructor(report: ImportReport) {
    super('dry run');
    this.report = report;
  }
}

// One import, one transaction: all of it is written, or (on error, or as a preview) none of it.
export function createPeopleImporter({ db, clock }: { db: Db; clock: Clock }) {
  const repo = createPeopleRepository(db);

  async function run(tx: Tx, workspaceId: string, source: string, people: IncomingPerson[], interactions: IncomingInteraction[], rejected: ImportProblem[]): Promise<ImportReport> {
    // Exclusive: no person is created by hand while an import decides who is new.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${'people:' + workspaceId}, 0))`);
    // Fresh statistics: plans (foreign-key checks among them) made while the tables were small
    // would otherwise scan them row by row for the whole import. PGlite has no autovacuum.
    await repo.analyzeIfGrown(['people', 'person_keys', 'interactions'], tx);
    const report: ImportReport = { peopleCreated: 0, peopleUpdated: 0, peopleUnchanged: 0, recordsMerged: 0, interactionsAdded: 0, interactionsAlreadyThere: 0, rejected: [...rejected] };

    // Records of the file that share a key are one person (union-find over their keys).
    const records: { values: MergeableValues; keys: string[] }[] = [];
    for (const person of people) {
      const parsed = PersonInput.safeParse({ ...person, handles: person.handles.map((h) => ({ ...h, url: h.url || null })) });
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        report.rejected.push({ line: person.line, reason: `${issue.path.join('.') || 'record'}: ${issue.message}` });
        continue;
      }
      const values = normalise(parsed.data);
      records.push({ values, keys: [`import:${person.key}`, ...identityKeys(values)] });
    }
    const groupOf = groupByKeys(records.map((r) => r.keys));
    const groups = new Map<number, number[]>();
    records.forEach((_, i) => {
      const members = groups.get(groupOf[i]!);
      if (members) members.push(i);
      else groups.set(groupOf[i]!, [i]);
    });
    report.recordsMerged = records.length - groups.size;

    const allKeys = [...new Set(records.flatMap((r) => r.keys))];
    const owners = await repo.findKeys(workspaceId, allKeys, tx);
    const existing = new Map((await repo.valuesOf(workspaceId, [...new Set(owners.values())], tx)).map(({ id, ...values }) => [id, { id, values }]));

    const now = clock.now();
    const created: (MergeableValues & { id: string; createdAt: Date; updatedAt: Date })[] = [];
    // Two records of the file can be one existing person (one by email, one by profile URL): both merge in.
    const updated = new Map<string, MergeableValues>();
    const newKeys: { key: string; personId: string }[] = [];
    const keyToPerson = new Map(owners);
    const matched = [...groups.values()].map((members) => {
      const keys = [...new Set(members.flatMap((i) => records[i]!.keys))];
      const ownerId = keys.map((k) => owners.get(k)).find(Boolean);
      return { members, keys, target: ownerId ? existing.get(ownerId) : undefined };
    });
    // New people take their ids in ascending order, so their rows, their keys and their interactions
    // are written (and their foreign keys checked) in index order rather than all over the indexes.
    const newIds = Array.from({ length: matched.filter((m) => !m.target).length }, () => randomUUID()).sort();
    let nextId = 0;
    for (const { members, keys, target } of matched) {
      const values = members.map((i) => records[i]!.values).reduce((a, b) => mergeValues(a, b));
      const personId = target?.id ?? newIds[nextId++]!;
      if (target) {
        const current = updated.get(target.id) ?? target.values;
        const merged = mergeValues(current, values);
        if (sameValues(merged, current)) report.peopleUnchanged++;
        else {
          updated.set(target.id, merged);
          report.peopleUpdated++;
        }
      } else {
        created.push({ ...values, id: personId, createdAt: now, updatedAt: now });
        report.peopleCreated++;
      }
      // Keys another existing person holds stay theirs; merging two people is for a person to decide.
      for (const key of keys) if (!owners.has(key)) newKeys.push({ key, personId });
      for (const key of keys) if (!keyToPerson.has(key)) keyToPerson.set(key, personId);
    }
    // Interactions find their person by the source key, here or from an earlier import.
    const missing = [...new Set(interactions.map((i) => `import:${i.personKey}`).filter((k) => !keyToPerson.has(k)))];
    const alternatives = new Map(missing.map((k) => [k, alternativeKey(k.slice('import:'.length))]));
    const found = await repo.findKeys(workspaceId, [...missing, ...[...alternatives.values()].filter((k): k is string => Boolean(k))], tx);
    const personOf = (personKey: string) => {
      const key = `import:${personKey}`;
      return keyToPerson.get(key) ?? found.get(key) ?? found.get(alternatives.get(key) ?? '');
    };
    const rows = [];
    for (const interaction of interactions) {
      const personId = personOf(interaction.personKey);
      if (!personId) {
        report.rejected.push({ line: interaction.line, reason: `No person for ${interaction.personKey} in this file or an earlier import` });
        continue;
      }
      rows.push({
        personId, channel: interaction.channel, kind: interaction.kind, direction: interaction.direction,
        occurredAt: interaction.occurredAt, durationMinutes: interaction.durationMinutes ?? null, note: interaction.note?.slice(0, 20_000) ?? null,
        externalId: `${source}:${interaction.externalId}`, postId: interaction.postId ?? null,
      });
    }

    await repo.updateMany(workspaceId, [...updated].map(([id, values]) => ({ ...values, id })), now, tx);
    // New people are written with the touch facts of their interactions in this file (a second
    // write of every new row would cost as much as the first).
    const createdIds = new Set(created.map((c) => c.id));
    const expected = new Map<string, number>();
    for (const row of rows) if (createdIds.has(row.personId)) expected.set(row.personId, (expected.get(row.personId) ?? 0) + 1);
    await repo.insertMany(workspaceId, created, tx, rows.filter((row) => createdIds.has(row.personId)));
    await repo.copyFreeKeys(workspaceId, newKeys.sort(byPerson), tx);

    const added = await repo.insertInteractions(workspaceId, rows.sort(byPerson), now, tx);
    report.interactionsAdded = added.length;
    report.interactionsAlreadyThere = rows.length - added.length;
    // Facts change for people who were there before, and for a new person when one of their
    // interactions was already someone else's (then the facts written above counted it).
    const addedPer = new Map<string, number>();
    for (const a of added) addedPer.set(a.personId, (addedPer.get(a.personId) ?? 0) + 1);
    const stale = [...new Set([...addedPer.keys(), ...expected.keys()])].filter((id) => !createdIds.has(id) || addedPer.get(id) !== expected.get(id));
    await repo.refreshTouches(workspaceId, stale, tx);
    report.rejected.sort((a, b) => a.line - b.line);
    return report;
  }

  return {
    async importBatch(auth: Auth, batch: { source: string; people: IncomingPerson[]; interactions: IncomingInteraction[]; rejected?: ImportProblem[] }, options: { dryRun: boolean }): Promise<ImportReport> {
      requireRole(auth, 'editor');
      try {
        return await db.transaction(async (tx) => {
          const report = await run(tx, auth.workspaceId, batch.source, batch.people.map(withoutNul), batch.interactions.map(withoutNul), batch.rejected ?? []);
          if (options.dryRun) throw new DryRun(report);
          return report;
        });
      } catch (error) {
        if (error instanceof DryRun) return error.report;
        throw error;
      }
    },
  };
}

export type PeopleImporter = ReturnType<typeof createPeopleImporter>;

// PostgreSQL text cannot hold U+0000, and in an export it means nothing: it is dropped from the
// record's texts rather than the record refused.
function withoutNul<T>(value: T): T {
  if (typeof value === 'string') return (value.includes('\u0000') ? value.replaceAll('\u0000', '') : value) as T;
  if (!value || typeof value !== 'object' || value instanceof Date) return value;
  // A copy only where something was dropped: most records hold no NUL.
  let copy: Record<string, unknown> | unknown[] | undefined;
  for (const [key, item] of Object.entries(value)) {
    const clean = withoutNul(item);
    if (clean !== item) (copy ??= Array.isArray(value) ? [...value] : { ...value } as Record<string, unknown>)[key as never] = clean as never;
  }
  return (copy ?? value) as T;
}

const byPerson = (a: { personId: string }, b: { personId: string }) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0);

// A source key that is a profile URL or an email also finds people who were not imported from this source.
function alternativeKey(sourceKey: string): string | undefined {
  if (sourceKey.startsWith('mailto:')) return `email:${normaliseEmail(sourceKey.slice(7))}`;
  const url = sourceKey.startsWith('http') ? normaliseProfileUrl(sourceKey) : null;
  return url ? `url:${url}` : undefined;
}

// Union-find: records sharing any key end in one group; returns each record's group id.
export function groupByKeys(keysOfRecords: string[][]): number[] {
  const parent = keysOfRecords.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const firstWithKey = new Map<string, number>();
  keysOfRecords.forEach((keys, i) => {
    for (const key of keys) {
      const j = firstWithKey.get(key);
      if (j === undefined) firstWithKey.set(key, i);
      else parent[find(i)] = find(j);
    }
  });
  return keysOfRecords.map((_, i) => find(i));
}
