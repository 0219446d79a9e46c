import type { HandleRow } from './people.table.ts';
import { normaliseEmail, normaliseHandle } from './identity.ts';

// What two records of one person add up to: the survivor keeps its own values and gains the
// other's emails, phones, handles and tags; its empty fields are filled from the other.
export type MergeableValues = {
  name: string;
  givenName: string | null;
  familyName: string | null;
  emails: string[];
  phones: string[];
  handles: HandleRow[];
  organisation: string | null;
  tags: string[];
  notes: string | null;
  source: string | null;
  introducedById: string | null;
  timezone: string | null;
  locale: string | null;
  cadenceDays: number | null;
  isClient: boolean;
  isFriend: boolean;
};

export function mergeValues(survivor: MergeableValues, other: Partial<MergeableValues>): MergeableValues {
  return {
    name: survivor.name,
    givenName: survivor.givenName ?? other.givenName ?? null,
    familyName: survivor.familyName ?? other.familyName ?? null,
    emails: unionBy([...survivor.emails, ...(other.emails ?? [])], normaliseEmail),
    phones: unionBy([...survivor.phones, ...(other.phones ?? [])], (p) => p.replace(/[^+0-9]/g, '')),
    handles: unionBy([...survivor.handles, ...(other.handles ?? [])], (h) => `${h.platform}:${normaliseHandle(h.handle)}`),
    organisation: survivor.organisation ?? other.organisation ?? null,
    tags: unionBy([...survivor.tags, ...(other.tags ?? [])], (t) => t.toLowerCase()),
    notes: joinNotes(survivor.notes, other.notes ?? null),
    source: survivor.source ?? other.source ?? null,
    introducedById: survivor.introducedById ?? other.introducedById ?? null,
    timezone: survivor.timezone ?? other.timezone ?? null,
    locale: survivor.locale ?? other.locale ?? null,
    cadenceDays: survivor.cadenceDays ?? other.cadenceDays ?? null,
    isClient: survivor.isClient || Boolean(other.isClient),
    isFriend: survivor.isFriend || Boolean(other.isFriend),
  };
}

// Whether merging changed anything worth writing.
export function sameValues(a: MergeableValues, b: MergeableValues): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function unionBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

function joinNotes(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b || a.includes(b)) return a;
  return `${a}\n\n${b}`;
}
