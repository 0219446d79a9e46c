import type { channels, interactionKinds, platforms } from '../../people/people.contract.ts';

// What every format parser produces: plain records, no database, no ids of ours.
// The import service dedupes, merges and writes them in one transaction.

export type ImportedHandle = { platform: (typeof platforms)[number]; handle: string; url?: string | null };

export type ImportedPerson = {
  // Stable within the source (profile URL, account id, email, vCard UID, or a hash of name+fields),
  // so re-importing the same file finds the same person.
  key: string;
  name: string;
  givenName?: string | null;
  familyName?: string | null;
  emails: string[];
  phones: string[];
  handles: ImportedHandle[];
  organisation?: string | null;
  notes?: string | null;
  tags: string[];
  // 1-based line (CSV, vCard) or record number (JSON) in the source, for the report.
  line: number;
};

export type ImportedInteraction = {
  personKey: string; // the ImportedPerson.key it belongs to (the person may come from this file or an earlier import)
  channel: (typeof channels)[number];
  kind: (typeof interactionKinds)[number];
  direction: 'in' | 'out';
  occurredAt: Date;
  durationMinutes?: number | null; // calls (Facebook/Instagram call logs); null elsewhere
  note?: string | null;
  // Stable id of this touch in the source (message id, or a hash of its fields), so re-import adds nothing.
  externalId: string;
  line: number;
};

// file: for multi-file exports (X, Facebook, Instagram), the path the line or record number refers to.
export type RejectedRecord = { line: number; reason: string; file?: string };

export type ParseResult = {
  people: ImportedPerson[];
  interactions: ImportedInteraction[];
  rejected: RejectedRecord[];
};

// A file that cannot be read as its format at all (not a row-level problem).
export class ImportFormatError extends Error {}
