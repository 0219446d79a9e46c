import { guessColumn } from '../../../server/modules/imports/parsers/column-guess.ts';
import { platforms } from '../../../server/modules/people/people.contract.ts';

// Our fields a CSV column can feed. Emails, phones, tags and notes may come from several columns;
// each platform takes one column of handles or profile URLs.
export const singleFields = ['name', 'givenName', 'familyName', 'organisation'] as const;
export const listFields = ['email', 'phone', 'tags', 'notes'] as const;
export const personFields = ['name', 'givenName', 'familyName', 'email', 'phone', 'organisation', 'tags', 'notes'] as const;
export type PersonField = (typeof personFields)[number];
export type Platform = (typeof platforms)[number];
export type MappingKey = PersonField | Platform;
export type ColumnMapping = Partial<Record<MappingKey, string[]>>;
export { platforms };

// The header row of a CSV, read in the browser: the first non-blank line of the first 256 KB,
// UTF-8 or else Windows-1252 (what German Excel writes), separated by whichever of comma,
// semicolon or tab occurs most outside quotes.
export async function readCsvHeader(file: Blob): Promise<string[]> {
  const bytes = new Uint8Array(await file.slice(0, 256 * 1024).arrayBuffer());
  let start = 0;
  while (start < bytes.length) {
    let end = start;
    while (end < bytes.length && bytes[end] !== 0x0a && bytes[end] !== 0x0d) end += 1;
    const line = decode(bytes.subarray(start, end));
    if (line.trim() !== '') return splitCsvLine(line, detectDelimiter(line));
    start = end + 1;
  }
  return [];
}

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export function detectDelimiter(line: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}

// One CSV line into trimmed cells; "" inside quotes is a quote.
export function splitCsvLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) {
      cells.push(cell.trim());
      cell = '';
    } else cell += char;
  }
  cells.push(cell.trim());
  return cells;
}

const isListField = (field: PersonField): field is (typeof listFields)[number] => (listFields as readonly string[]).includes(field);

// A first guess from the header names; the person confirms or corrects it.
export function suggestMapping(headers: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const add = (key: MappingKey, header: string, many: boolean) => {
    const current = mapping[key] ?? [];
    if (many || current.length === 0) mapping[key] = [...current, header];
  };
  for (const header of headers) {
    const guess = guessColumn(header);
    if (!guess) continue;
    if ('platform' in guess) add(guess.platform, header, false);
    else add(guess.field, header, isListField(guess.field));
  }
  return mapping;
}

// Without one of these, a row has nothing to know the person by.
export function hasIdentity(mapping: ColumnMapping): boolean {
  const identifying: MappingKey[] = ['name', 'givenName', 'familyName', 'email', 'organisation', ...platforms];
  return identifying.some((key) => (mapping[key]?.length ?? 0) > 0);
}

// The query parameter: {"name":"Full Name","email":["Email","Work Email"]}.
export function mappingParam(mapping: ColumnMapping): string {
  const entries = Object.entries(mapping).filter(([, columns]) => columns && columns.length > 0)
    .map(([key, columns]) => [key, columns!.length === 1 ? columns![0] : columns]);
  return JSON.stringify(Object.fromEntries(entries));
}
