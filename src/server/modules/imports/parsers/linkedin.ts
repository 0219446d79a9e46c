import {
  columnIndex, createCollector, findHeaderRow, handleFromUrl, hashKey, isBlankRow, joinNotes, normaliseProfileUrl,
  parseDayMonthYear, readCsvRows, readText, rowReader, sha256, sortContactValues,
} from './common.ts';
import { ImportFormatError, type ImportedHandle, type ParseResult } from './types.ts';

// LinkedIn's Connections.csv. The header comes after a "Notes:" preamble, so it is found by its
// names. Key: the profile URL; older exports without URL fall back to a hash of name + company.
//
// A connection is mutual and the file does not say who invited whom. It becomes one 'follow'
// interaction with direction 'in' — the same as a follower elsewhere — so the ladder counts it
// as awareness and never as the user having reached out.
export function parseLinkedIn(input: Buffer | string): ParseResult {
  const rows = readCsvRows(readText(input));
  const headerAt = findHeaderRow(rows, ['First Name', 'Last Name', 'Connected On']);
  if (headerAt < 0) {
    throw new ImportFormatError('This is not a LinkedIn Connections.csv: no header row with "First Name", "Last Name" and "Connected On" was found.');
  }
  const index = columnIndex(rows[headerAt]?.cells ?? []);
  const out = createCollector();

  for (const row of rows.slice(headerAt + 1)) {
    if (isBlankRow(row.cells)) continue; // blank ",,,,,," rows occur in real exports
    const get = rowReader(index, row.cells);
    const first = get('First Name');
    const last = get('Last Name');
    const profileUrl = normaliseProfileUrl(get('URL'));
    const company = get('Company');
    const name = [first, last].filter(Boolean).join(' ');
    if (!name && !profileUrl) {
      out.reject(row.line, 'No name and no profile URL: a deactivated LinkedIn profile');
      continue;
    }
    const handle: ImportedHandle | null = profileUrl ? handleFromUrl(profileUrl, 'linkedin') : null;
    const key = profileUrl ?? hashKey('linkedin', name, company);
    const contact = sortContactValues([get('Email Address')], []);
    const position = get('Position');
    out.person({
      key,
      name: name || handle?.handle || profileUrl || key,
      givenName: first || null,
      familyName: last || null,
      emails: contact.emails,
      phones: [],
      handles: handle ? [{ ...handle, url: profileUrl }] : [],
      organisation: company || null,
      notes: joinNotes(position ? `Position: ${position}` : null, ...contact.noteLines),
      tags: [],
      line: row.line,
    });

    const connectedOn = get('Connected On');
    if (!connectedOn) continue;
    const occurredAt = parseDayMonthYear(connectedOn);
    if (!occurredAt) {
      out.reject(row.line, `"Connected On" is "${connectedOn}", not a date like "01 May 2023"; the person was imported without the connection`);
      continue;
    }
    out.interaction({
      personKey: key,
      channel: 'linkedin',
      kind: 'follow',
      direction: 'in',
      occurredAt,
      note: null,
      externalId: `linkedin-connection:${sha256(key, occurredAt.toISOString())}`,
      line: row.line,
    });
  }
  return out.result();
}
