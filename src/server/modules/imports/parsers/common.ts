import { hash } from 'node:crypto';
import { parse as parseCsv } from 'csv-parse/sync';
import type { platforms } from '../../people/people.contract.ts';
import { ImportFormatError, type ImportedHandle, type ImportedInteraction, type ImportedPerson, type ParseResult, type RejectedRecord } from './types.ts';

// Helpers shared by the format parsers. Pure functions: no clock, no file system, no database.

export type Platform = (typeof platforms)[number];

// Multi-file exports (X, Facebook, Instagram) arrive as relative path → content.
export type ImportFiles = Record<string, Buffer | Uint8Array | string>;

// Bytes as text: UTF-8 when valid (BOM dropped), otherwise Windows-1252, which is what
// spreadsheet programs in German and English locales write when they save "CSV".
export function readText(input: Buffer | Uint8Array | string): string {
  if (typeof input === 'string') return stripBom(input);
  try {
    return stripBom(new TextDecoder('utf-8', { fatal: true }).decode(input));
  } catch {
    return new TextDecoder('windows-1252').decode(input);
  }
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function sha256(...parts: unknown[]): string {
  return hash('sha256', JSON.stringify(parts));
}

// A key from identifying fields when the source has no id, URL or email. The namespace keeps
// hashes of different formats apart; the fields are compared without case and extra spaces.
export function hashKey(namespace: string, ...fields: (string | null | undefined)[]): string {
  return `sha256:${sha256(namespace, ...fields.map((f) => collapse(f ?? '').toLowerCase()))}`;
}

export function collapse(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function emailKey(email: string): string {
  return `mailto:${email.trim().toLowerCase()}`;
}

// Profile URLs as keys: https, lower-case host, no query, no fragment, no trailing slash.
export function normaliseProfileUrl(raw: string): string | null {
  const text = raw.trim();
  // Nothing to key on, or another scheme (mailto:, tel:, skype:) that would read as user:password@host.
  if (!text || /^[a-z][a-z0-9+.-]*:(?!\/\/|\d)/i.test(text)) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || !url.hostname.includes('.')) return null;
  // Percent escapes in one case, so "zo%c3%ab" and "zoë" give the same key as "zo%C3%AB".
  const path = url.pathname.replace(/\/+$/, '').replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase());
  return `https://${url.host.toLowerCase()}${path}`;
}

export function isEmail(text: string): boolean {
  return /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/.test(text);
}

const phonePattern = /^[+0-9 ()./-]+$/;

// Values a person record would refuse (a phone with letters, an address that is no address)
// are kept as a note line rather than dropped.
export type ContactValues = { emails: string[]; phones: string[]; noteLines: string[] };

export function sortContactValues(emails: string[], phones: string[]): ContactValues {
  const out: ContactValues = { emails: [], phones: [], noteLines: [] };
  for (const raw of emails) {
    const email = raw.trim().replace(/^mailto:/i, '').toLowerCase();
    if (!email) continue;
    if (isEmail(email)) pushUnique(out.emails, email);
    else out.noteLines.push(`Email: ${raw.trim()}`);
  }
  for (const raw of phones) {
    const phone = collapse(raw.replace(/^tel:/i, ''));
    if (!phone) continue;
    if (phonePattern.test(phone) && /\d{3}/.test(phone.replace(/\D/g, ''))) pushUnique(out.phones, phone);
    else out.noteLines.push(`Phone: ${collapse(raw)}`);
  }
  return out;
}

export function pushUnique<T>(list: T[], value: T): void {
  if (!list.includes(value)) list.push(value);
}

export function joinNotes(...parts: (string | null | undefined)[]): string | null {
  const text = parts.map((p) => p?.trim()).filter(Boolean).join('\n');
  return text || null;
}

// Split "Jürgen Müller" into given and family name the simple way: last word is the family name.
export function splitName(name: string): { givenName: string | null; familyName: string | null } {
  const words = collapse(name).split(' ').filter(Boolean);
  if (words.length < 2) return { givenName: words[0] ?? null, familyName: null };
  return { givenName: words.slice(0, -1).join(' '), familyName: words.at(-1) ?? null };
}

// "* myContacts ::: Clients" → ["Clients"]: Google's and Apple's system groups are not tags.
const systemLabels = new Set(['mycontacts', 'my contacts', 'starred', 'other contacts', 'othercontacts']);

export function cleanTags(values: string[]): string[] {
  const tags: string[] = [];
  for (const value of values) {
    const tag = collapse(value.replace(/^\*\s*/, ''));
    if (!tag || systemLabels.has(tag.toLowerCase())) continue;
    if (!tags.some((t) => t.toLowerCase() === tag.toLowerCase())) tags.push(tag.slice(0, 50));
  }
  return tags;
}

// Mojibake from Meta's exports: each UTF-8 byte written as its own \u00XX character.
// Repaired only when every code point fits in a byte and the bytes decode as valid UTF-8.
export function repairMojibake(text: string): string {
  if (!/[\u0080-\u00ff]/.test(text) || /[^\u0000-\u00ff]/.test(text)) return text;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(text, 'latin1'));
  } catch {
    return text;
  }
}

// Handles recognised from profile URLs (websites in Google Contacts, URL and X-SOCIALPROFILE in
// vCards, columns of a generic CSV). Anything unrecognised stays a 'website'.
const hostPlatforms: [RegExp, Platform][] = [
  [/(^|\.)linkedin\.com$/, 'linkedin'],
  [/(^|\.)(twitter|x)\.com$/, 'x'],
  [/(^|\.)(facebook|fb)\.com$/, 'facebook'],
  [/(^|\.)instagram\.com$/, 'instagram'],
  [/(^|\.)threads\.(net|com)$/, 'threads'],
  [/(^|\.)bsky\.app$/, 'bluesky'],
  [/(^|\.)(youtube\.com|youtu\.be)$/, 'youtube'],
  [/(^|\.)tiktok\.com$/, 'tiktok'],
  [/(^|\.)github\.com$/, 'github'],
];

export function handleFromUrl(raw: string, platformHint?: Platform | null): ImportedHandle | null {
  const text = raw.trim();
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return null;
  }
  if (!/^[a-z0-9.-]+$/i.test(url.hostname) || !url.hostname.includes('.')) return null;
  const host = url.hostname.toLowerCase();
  const segments = url.pathname.split('/').filter(Boolean).map(safeDecode);
  const href = url.toString();
  const platform = hostPlatforms.find(([pattern]) => pattern.test(host))?.[1];
  const first = segments[0];
  if (platform === 'linkedin') {
    const slug = (first === 'in' || first === 'company' || first === 'pub') ? segments[1] : undefined;
    return { platform, handle: slug ?? (segments.join('/') || host), url: href };
  }
  if (platform === 'bluesky' && first === 'profile' && segments[1]) return { platform, handle: segments[1], url: href };
  if (platform === 'x' && first === 'intent' && url.searchParams.get('user_id')) {
    return { platform, handle: url.searchParams.get('user_id') ?? '', url: href };
  }
  if (platform === 'facebook' && first === 'profile.php' && url.searchParams.get('id')) {
    return { platform, handle: url.searchParams.get('id') ?? '', url: href };
  }
  if (platform === 'instagram' && first === '_u' && segments[1]) return { platform, handle: segments[1], url: href };
  if (platform && first) return { platform, handle: first, url: href };
  // Mastodon and other fediverse servers: https://server/@user → @user@server.
  if (first?.startsWith('@') && segments.length === 1 && first.length > 1) {
    return { platform: 'mastodon', handle: `${first}@${host}`, url: href };
  }
  if (platformHint && platformHint !== 'website') return { platform: platformHint, handle: segments.at(-1) ?? host, url: href };
  return { platform: 'website', handle: host + url.pathname.replace(/\/+$/, ''), url: href };
}

// "@user@server" or "user@server" → a Mastodon handle with its profile URL.
export function mastodonHandle(raw: string): ImportedHandle | null {
  const match = /^@?([a-z0-9_.-]+)@([a-z0-9.-]+\.[a-z]{2,})$/i.exec(raw.trim());
  if (!match) return null;
  const [, user, domain] = match as unknown as [string, string, string];
  return { platform: 'mastodon', handle: `@${user}@${domain.toLowerCase()}`, url: `https://${domain.toLowerCase()}/@${user}` };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

// Collects people and interactions; the same key twice merges into one person.
export type Collector = {
  person(person: ImportedPerson): void;
  interaction(interaction: ImportedInteraction): void;
  reject(line: number, reason: string, file?: string): void;
  has(key: string): boolean;
  result(): ParseResult;
};

export function createCollector(): Collector {
  const people = new Map<string, ImportedPerson>();
  const interactions = new Map<string, ImportedInteraction>();
  const rejected: RejectedRecord[] = [];
  return {
    person(person) {
      const known = people.get(person.key);
      if (!known) {
        people.set(person.key, { ...person, emails: [...person.emails], phones: [...person.phones], handles: [...person.handles], tags: [...person.tags] });
        return;
      }
      // A name we made up from an id gives way to a real one.
      if (known.name === known.key || (isPlaceholderName(known) && !isPlaceholderName(person))) known.name = person.name;
      known.givenName ??= person.givenName;
      known.familyName ??= person.familyName;
      known.organisation ??= person.organisation;
      if (person.notes && !known.notes?.includes(person.notes)) known.notes = joinNotes(known.notes, person.notes);
      for (const email of person.emails) pushUnique(known.emails, email);
      for (const phone of person.phones) pushUnique(known.phones, phone);
      for (const tag of person.tags) pushUnique(known.tags, tag);
      for (const handle of person.handles) {
        if (!known.handles.some((h) => h.platform === handle.platform && h.handle === handle.handle)) known.handles.push(handle);
      }
    },
    interaction(interaction) {
      if (!interactions.has(interaction.externalId)) interactions.set(interaction.externalId, interaction);
    },
    reject(line, reason, file) {
      rejected.push(file ? { line, reason, file } : { line, reason });
    },
    has(key) {
      return people.has(key);
    },
    result() {
      return { people: [...people.values()], interactions: [...interactions.values()], rejected };
    },
  };
}

function isPlaceholderName(person: ImportedPerson): boolean {
  return person.handles.some((h) => h.handle === person.name);
}

// CSV as rows of cells with the physical line each row starts on (1-based), blank lines included,
// so the line numbers in a report match what a spreadsheet or editor shows.
export type CsvRow = { cells: string[]; line: number };

export function readCsvRows(input: string, delimiter = ','): CsvRow[] {
  const text = stripBom(input);
  const bytes = Buffer.from(text);
  // csv-parse builds an error (a stack and deep copies) for every record whose length differs from
  // the first record's, even when told to accept it; after a preamble (LinkedIn's "Notes:") that
  // would be every record of the table. So the records from the last change of length among the
  // first few on are read as a file of their own, and the error is built for ragged rows only.
  const head = parseCsvRecords(bytes, delimiter, previewRecords);
  let start = 0;
  for (let i = 1; i < head.length; i++) if (head[i]!.record.length !== head[i - 1]!.record.length) start = i;
  const records = head.length < previewRecords ? head
    : start === 0 ? parseCsvRecords(bytes, delimiter)
    : [...head.slice(0, start), ...parseCsvRecords(bytes.subarray(head[start - 1]!.info.bytes), delimiter, undefined, head[start - 1]!.info.bytes)];
  // csv-parse counts a CRLF inside a quoted cell as two lines, so lines are counted here, in the
  // bytes before each record (info.bytes: where the record, with its line break, ends).
  const rows: CsvRow[] = [];
  let line = 1;
  let offset = 0;
  for (const { record, info } of records) {
    rows.push({ cells: record.map((cell) => cell.replace(/\r\n?/g, '\n')), line });
    const end = info.bytes;
    for (let i = offset; i < end; i++) {
      if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
    }
    offset = end;
  }
  return rows;
}

const previewRecords = 20;

// Records with where each ends in bytes, counted from `base`; the first `limit` only when given.
function parseCsvRecords(bytes: Buffer, delimiter: string, limit?: number, base = 0): { record: string[]; info: { bytes: number } }[] {
  let records: { record: string[]; info: { bytes: number } }[];
  try {
    records = parseCsv(bytes, {
      bom: false, // readText has removed it; info.bytes then counts from the first character
      delimiter,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      record_delimiter: ['\r\n', '\n', '\r'],
      ...(limit ? { to: limit } : {}),
    }) as unknown as { record: string[]; info: { bytes: number } }[];
  } catch (error) {
    throw new ImportFormatError(`The file could not be read as CSV: ${(error as Error).message}`);
  }
  if (base) for (const r of records) r.info.bytes += base;
  return records;
}

export function isBlankRow(cells: string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

export function headerName(cell: string): string {
  return collapse(cell).toLowerCase();
}

// The first row that holds every required column name (case and spacing ignored).
export function findHeaderRow(rows: CsvRow[], required: string[]): number {
  const wanted = required.map((name) => name.toLowerCase());
  return rows.findIndex((row) => {
    const names = new Set(row.cells.map(headerName));
    return wanted.every((name) => names.has(name));
  });
}

// Access to a row's cells by header name; missing columns read as ''.
export type RowReader = (name: string) => string;

export function columnIndex(header: string[]): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((cell, i) => {
    const name = headerName(cell);
    if (name && !index.has(name)) index.set(name, i);
  });
  return index;
}

export function rowReader(index: Map<string, number>, cells: string[]): RowReader {
  return (name) => {
    const i = index.get(name.toLowerCase());
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
}

// 01 May 2023, 1 Mai 2023, 2023-05-01 → midnight UTC of that day.
const months: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, mär: 2, mrz: 2, apr: 3, may: 4, mai: 4, jun: 5, jul: 6, aug: 7,
  sep: 8, sept: 8, oct: 9, okt: 9, nov: 10, dec: 11, dez: 11,
};

export function parseDayMonthYear(text: string): Date | null {
  const value = text.trim();
  const named = /^(\d{1,2})\.?\s+([a-zäé]+)\.?\s+(\d{4})$/i.exec(value);
  if (named) {
    const [, day, monthName, year] = named as unknown as [string, string, string, string];
    const month = months[monthName.toLowerCase().slice(0, 3)] ?? months[monthName.toLowerCase()];
    return month === undefined ? null : utcDate(Number(year), month, Number(day));
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (iso) {
    const [, year, month, day] = iso as unknown as [string, string, string, string];
    return utcDate(Number(year), Number(month) - 1, Number(day));
  }
  return null;
}

function utcDate(year: number, month: number, day: number): Date | null {
  const date = new Date(Date.UTC(year, month, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month && date.getUTCDate() === day ? date : null;
}

export function isValidDate(date: Date): boolean {
  return !Number.isNaN(date.getTime());
}

// Multi-file exports: paths compared with forward slashes, without a leading "./".
export function normalisePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '');
}

// Notes and interaction notes are stored up to 20,000 characters.
export function clip(text: string, max = 20_000): string {
  const trimmed = text.trim();
  return trimmed.length <= max ? trimmed : `${trimmed.slice(0, max - 1)}…`;
}
