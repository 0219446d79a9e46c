import {
  cleanTags, collapse, columnIndex, createCollector, emailKey, handleFromUrl, hashKey, headerName, isBlankRow, joinNotes,
  clip, readCsvRows, readText, rowReader, sortContactValues, type Platform, type RowReader,
} from './common.ts';
import { ImportFormatError, type ImportedHandle, type ParseResult } from './types.ts';

// Google Contacts CSV, both the current header (First Name, Middle Name, Last Name, …, Labels,
// E-mail 1 - Label/Value, …) and the legacy one (Name, Given Name, Additional Name, Family Name,
// …, Group Membership, E-mail 1 - Type/Value, …). Columns are read by name; the numbered groups
// are as many as the file has. A cell may hold several values joined by " ::: ".
// Key: the first email, otherwise a hash of name, organisation and first phone.
export function parseGoogleContacts(input: Buffer | string): ParseResult {
  const rows = readCsvRows(readText(input));
  const headerAt = rows.findIndex((row) => isGoogleHeader(row.cells.map(headerName)));
  if (headerAt < 0) {
    throw new ImportFormatError('This is not a Google Contacts CSV: no header with "First Name", "Last Name" (or "Name", "Given Name", "Family Name") and Google\'s numbered columns such as "E-mail 1 - Value" was found.');
  }
  const header = rows[headerAt]?.cells ?? [];
  const index = columnIndex(header);
  const groups = numberedGroups(header);
  const out = createCollector();

  for (const row of rows.slice(headerAt + 1)) {
    if (isBlankRow(row.cells)) continue;
    const get = rowReader(index, row.cells);
    const values = (kind: string, field: string): string[] =>
      (groups.get(kind) ?? []).flatMap((n) => splitValues(get(`${kind} ${n} - ${field}`)));

    const given = get('First Name') || get('Given Name');
    const middle = get('Middle Name') || get('Additional Name');
    const family = get('Last Name') || get('Family Name');
    const organisation = get('Organization Name') || get('Organization 1 - Name') || null;
    const title = get('Organization Title') || get('Organization 1 - Title');
    const department = get('Organization Department') || get('Organization 1 - Department');
    const contact = sortContactValues(values('E-mail', 'Value'), values('Phone', 'Value'));
    const handles = websiteHandles(groups.get('Website') ?? [], get);
    const name = collapse(get('Name') || [given, middle, family].filter(Boolean).join(' '))
      || get('Nickname') || get('File As') || organisation || contact.emails[0] || contact.phones[0] || handles[0]?.handle || '';
    if (!name) {
      out.reject(row.line, 'No name, organisation, email, phone or website');
      continue;
    }
    const ims = (groups.get('IM') ?? []).flatMap((n) => {
      const service = splitValues(get(`IM ${n} - Service`)).join(', ');
      return splitValues(get(`IM ${n} - Value`)).map((v) => (service ? `IM (${service}): ${v}` : `IM: ${v}`));
    });
    const birthday = get('Birthday');
    out.person({
      key: contact.emails[0] ? emailKey(contact.emails[0]) : hashKey('google', name, organisation, contact.phones[0]),
      name,
      givenName: given || null,
      familyName: family || null,
      emails: contact.emails,
      phones: contact.phones,
      handles,
      organisation,
      notes: notesOf(get('Notes'), [
        title ? `Position: ${title}` : null,
        department ? `Department: ${department}` : null,
        birthday ? `Birthday: ${birthday}` : null,
        ...ims,
        ...contact.noteLines,
      ]),
      tags: cleanTags(splitValues(get('Labels') || get('Group Membership'))),
      line: row.line,
    });
  }
  return out.result();
}

function isGoogleHeader(names: string[]): boolean {
  const has = (name: string): boolean => names.includes(name);
  const numbered = names.some((n) => /^(e-mail|phone|website|address|organization) \d+ - /.test(n));
  const current = has('first name') && has('last name') && (numbered || has('labels') || has('file as'));
  const legacy = has('name') && has('given name') && has('family name');
  return current || legacy;
}

// "E-mail 3 - Value" → kind "E-mail", number 3; the numbers found, in order, per kind.
function numberedGroups(header: string[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  const kinds: Record<string, string> = { 'e-mail': 'E-mail', phone: 'Phone', website: 'Website', im: 'IM' };
  for (const cell of header) {
    const match = /^(e-mail|phone|website|im) (\d+) - value$/.exec(headerName(cell));
    if (!match) continue;
    const kind = kinds[match[1] ?? ''] ?? '';
    const list = groups.get(kind) ?? [];
    list.push(Number(match[2]));
    groups.set(kind, list);
  }
  return groups;
}

export function splitValues(cell: string): string[] {
  return cell.split(/\s*:::\s*/).map((v) => v.trim()).filter(Boolean);
}

// Website labels such as "LinkedIn", "Twitter" or "Mastodon" help where the URL alone can't tell.
function websiteHandles(numbers: number[], get: RowReader): ImportedHandle[] {
  const handles: ImportedHandle[] = [];
  for (const n of numbers) {
    const label = (get(`Website ${n} - Label`) || get(`Website ${n} - Type`)).replace(/^\*\s*/, '').toLowerCase();
    for (const url of splitValues(get(`Website ${n} - Value`))) {
      const handle = handleFromUrl(url, platformFromLabel(label));
      if (handle && !handles.some((h) => h.platform === handle.platform && h.handle === handle.handle)) handles.push(handle);
    }
  }
  return handles;
}

const labelPlatforms: [RegExp, Platform][] = [
  [/linkedin/, 'linkedin'], [/twitter|^x$/, 'x'], [/mastodon|fediverse/, 'mastodon'], [/bluesky|bsky/, 'bluesky'],
  [/facebook/, 'facebook'], [/instagram/, 'instagram'], [/threads/, 'threads'], [/youtube/, 'youtube'],
  [/tiktok/, 'tiktok'], [/github/, 'github'],
];

export function platformFromLabel(label: string): Platform | null {
  return labelPlatforms.find(([pattern]) => pattern.test(label.toLowerCase()))?.[1] ?? null;
}

function notesOf(notes: string, lines: (string | null)[]): string | null {
  const text = joinNotes(notes, ...lines);
  return text ? clip(text) : null;
}
