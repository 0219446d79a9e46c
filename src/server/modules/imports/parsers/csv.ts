import { platforms } from '../../people/people.contract.ts';
import {
  cleanTags, collapse, columnIndex, createCollector, emailKey, handleFromUrl, hashKey, headerName, isBlankRow, joinNotes,
  clip, mastodonHandle, normaliseProfileUrl, readCsvRows, readText, rowReader, sortContactValues, type Platform,
} from './common.ts';
import { guessColumn } from './column-guess.ts';
import { ImportFormatError, type ImportedHandle, type ParseResult } from './types.ts';

// Our field → the header name of the column that holds it. Several columns may feed emails,
// phones, tags and notes; each platform takes one column of handles or profile URLs.
export type CsvMapping = {
  name?: string;
  givenName?: string;
  familyName?: string;
  email?: string | string[];
  phone?: string | string[];
  organisation?: string;
  tags?: string | string[];
  notes?: string | string[];
} & { [P in Platform]?: string };

export type CsvOptions = {
  // Without a mapping, suggestMapping() decides from the header.
  mapping?: CsvMapping | null;
};

// Any spreadsheet saved as CSV: comma, semicolon or tab separated (German Excel writes ";"),
// UTF-8 or Windows-1252. The header is the first non-blank row.
// Key: the first email, otherwise the first profile URL, otherwise a hash of name, organisation, phone.
export function parseCsv(input: Buffer | string, options: CsvOptions = {}): ParseResult {
  const text = readText(input);
  const rows = readCsvRows(text, detectDelimiter(text));
  const headerAt = rows.findIndex((row) => !isBlankRow(row.cells));
  if (headerAt < 0) throw new ImportFormatError('The CSV file is empty: it has no header row.');
  const header = rows[headerAt]?.cells ?? [];
  const mapping = options.mapping ?? suggestMapping(header);
  checkMapping(mapping, header);
  const index = columnIndex(header);
  const out = createCollector();

  for (const row of rows.slice(headerAt + 1)) {
    if (isBlankRow(row.cells)) continue;
    const get = rowReader(index, row.cells);
    const many = (columns: string | string[] | undefined) => (Array.isArray(columns) ? columns : columns ? [columns] : []);
    const contact = sortContactValues(
      many(mapping.email).flatMap((c) => get(c).split(/[,;\s]+/)),
      many(mapping.phone).flatMap((c) => get(c).split(/\s*[;|]\s*/)),
    );
    const handles: ImportedHandle[] = [];
    for (const platform of platforms) {
      const column = mapping[platform];
      const handle = column ? handleFor(platform, get(column)) : null;
      if (handle) handles.push(handle);
    }
    const given = mapping.givenName ? get(mapping.givenName) : '';
    const family = mapping.familyName ? get(mapping.familyName) : '';
    const organisation = (mapping.organisation ? get(mapping.organisation) : '') || null;
    const fullName = collapse(mapping.name ? get(mapping.name) : '') || collapse(`${given} ${family}`);
    const name = fullName || organisation || contact.emails[0] || contact.phones[0] || handles[0]?.handle || '';
    if (!name) {
      out.reject(row.line, 'No name, organisation, email, phone or handle in this row');
      continue;
    }
    const noteColumns = many(mapping.notes).filter((c) => get(c));
    const notes = noteColumns.length === 1 && noteColumns[0] ? get(noteColumns[0]) : noteColumns.map((c) => `${c}: ${get(c)}`).join('\n');
    const profile = handles.map((h) => (h.url ? normaliseProfileUrl(h.url) : null)).find(Boolean);
    out.person({
      key: contact.emails[0] ? emailKey(contact.emails[0]) : profile ?? hashKey('csv', name, organisation, contact.phones[0]),
      name,
      givenName: given || null,
      familyName: family || null,
      emails: contact.emails,
      phones: contact.phones,
      handles,
      organisation,
      notes: clip(joinNotes(notes, ...contact.noteLines) ?? '') || null,
      tags: cleanTags(many(mapping.tags).flatMap((c) => get(c).split(/\s*(?:[,;|]|\s:::\s)\s*/))),
      line: row.line,
    });
  }
  return out.result();
}

function checkMapping(mapping: CsvMapping, header: string[]): void {
  const names = new Set(header.map(headerName));
  const used = Object.entries(mapping).flatMap(([field, columns]) => (Array.isArray(columns) ? columns : columns ? [columns] : []).map((c) => [field, c] as const));
  for (const [field, column] of used) {
    if (!names.has(headerName(column))) throw new ImportFormatError(`The column "${column}" (for ${field}) is not in the file's header.`);
  }
  const identifying = ['name', 'givenName', 'familyName', 'email', 'organisation', ...platforms];
  if (!used.some(([field]) => identifying.includes(field))) {
    throw new ImportFormatError(`No column in this CSV looks like a name, email, company or profile (the header is: ${header.slice(0, 8).map((h) => `"${h}"`).join(', ')}${header.length > 8 ? ', …' : ''}). Choose the columns by hand.`);
  }
}

// The separator that occurs most often, outside quotes, in the first line.
function detectDelimiter(text: string): string {
  const line = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}

const profileTemplates: Partial<Record<Platform, (handle: string) => string>> = {
  x: (h) => `https://x.com/${h}`,
  instagram: (h) => `https://www.instagram.com/${h}`,
  linkedin: (h) => `https://www.linkedin.com/in/${h}`,
  bluesky: (h) => `https://bsky.app/profile/${h}`,
  facebook: (h) => `https://www.facebook.com/${h}`,
  github: (h) => `https://github.com/${h}`,
  threads: (h) => `https://www.threads.net/@${h}`,
  tiktok: (h) => `https://www.tiktok.com/@${h}`,
  youtube: (h) => `https://www.youtube.com/@${h}`,
};

// A cell of a platform column: a profile URL, or a bare handle ("@zoe", "zoe.bsky.social",
// "@zoe@example.social") that gets the platform's profile URL.
export function handleFor(platform: Platform, raw: string): ImportedHandle | null {
  const value = raw.trim();
  if (!value) return null;
  if (platform === 'mastodon') return mastodonHandle(value) ?? (/^https?:\/\//i.test(value) ? handleFromUrl(value, 'mastodon') : null);
  if (/^https?:\/\//i.test(value) || (platform === 'website' && /\.[a-z]{2,}/i.test(value))) {
    const handle = handleFromUrl(value, platform);
    return handle && platform !== 'website' && platform !== 'other' ? { ...handle, platform } : handle;
  }
  const bare = value.replace(/^@/, '');
  if (!/^[\p{L}\p{N}._:-]+$/u.test(bare)) return platform === 'other' ? { platform, handle: value, url: null } : null;
  return { platform, handle: bare, url: profileTemplates[platform]?.(bare) ?? null };
}

// A first guess at the mapping from the header; the user confirms or corrects it.
export function suggestMapping(headers: string[]): CsvMapping {
  const mapping: CsvMapping = {};
  const lists: { email: string[]; phone: string[]; tags: string[]; notes: string[] } = { email: [], phone: [], tags: [], notes: [] };
  for (const header of headers) {
    const guess = guessColumn(header);
    if (!guess) continue;
    if ('platform' in guess) mapping[guess.platform] ??= header;
    else if (guess.field === 'email' || guess.field === 'phone' || guess.field === 'tags' || guess.field === 'notes') lists[guess.field].push(header);
    else mapping[guess.field] ??= header;
  }
  for (const field of ['email', 'phone', 'tags', 'notes'] as const) {
    const list = lists[field];
    if (list.length > 0) mapping[field] = list.length === 1 ? list[0] : list;
  }
  return mapping;
}
