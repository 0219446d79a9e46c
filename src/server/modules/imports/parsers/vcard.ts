import ICAL from 'ical.js';
import {
  cleanTags, clip, collapse, createCollector, emailKey, handleFromUrl, hashKey, joinNotes, mastodonHandle, readText,
  sortContactValues, type Platform,
} from './common.ts';
import { platformFromLabel } from './google.ts';
import { ImportFormatError, type ImportedHandle, type ParseResult } from './types.ts';

// vCard 3.0 and 4.0 (and the common 2.1 habits: bare TYPE parameters, quoted-printable values).
// The file is cut into cards by their BEGIN/END lines first, so one broken card is reported with
// its line and the others still import; ical.js then reads each card (unfolding, escapes, groups).
// Key: UID, otherwise the first email, otherwise a hash of name, organisation and first phone.
export function parseVCard(input: Buffer | string): ParseResult {
  const cards = splitCards(unfoldBytes(input));
  if (cards.length === 0) throw new ImportFormatError('This is not a vCard file: no "BEGIN:VCARD" line was found.');
  const out = createCollector();
  for (const card of cards) {
    if (!card.complete) {
      out.reject(card.line, 'The card has no END:VCARD line (the file may be cut off)');
      continue;
    }
    let properties: Property[];
    try {
      properties = readProperties(card.text);
    } catch (error) {
      out.reject(card.line, `The card could not be read: ${(error as Error).message}`);
      continue;
    }
    const person = toPerson(properties, card.line);
    if (typeof person === 'string') out.reject(card.line, person);
    else out.person(person);
  }
  return out.result();
}

// Writers fold at 75 bytes and some split a multi-byte character doing so: unfold the bytes
// before decoding. Cards keep the line numbers of the file as written (BEGIN lines never fold).
function unfoldBytes(input: Buffer | string): { text: string; beginLines: number[] } {
  const raw = typeof input === 'string' ? input : Buffer.from(input).toString('latin1');
  const beginLines: number[] = [];
  raw.split(/\r\n|\n|\r/).forEach((line, i) => {
    if (/^(\ufeff|\u00ef\u00bb\u00bf)?BEGIN:VCARD\s*$/i.test(line)) beginLines.push(i + 1);
  });
  const unfolded = raw.replace(/\r?\n[ \t]/g, '');
  return { text: readText(typeof input === 'string' ? unfolded : Buffer.from(unfolded, 'latin1')), beginLines };
}

type Card = { line: number; text: string; complete: boolean };

function splitCards({ text, beginLines }: { text: string; beginLines: number[] }): Card[] {
  const cards: Card[] = [];
  let current: { line: number; lines: string[] } | null = null;
  text.split(/\r\n|\n|\r/).forEach((line, i) => {
    if (/^BEGIN:VCARD\s*$/i.test(line)) {
      if (current) cards.push({ line: current.line, text: '', complete: false });
      current = { line: beginLines[cards.length] ?? i + 1, lines: [line] };
    } else if (current) {
      current.lines.push(line);
      if (/^END:VCARD\s*$/i.test(line)) {
        cards.push({ line: current.line, text: current.lines.join('\r\n'), complete: true });
        current = null;
      }
    }
  });
  if (current) cards.push({ line: (current as { line: number }).line, text: '', complete: false });
  return cards;
}

type Property = { name: string; params: Record<string, string | string[]>; values: unknown[] };

function readProperties(cardText: string): Property[] {
  const parsed: unknown = ICAL.parse(normaliseCard(cardText));
  const vcard = (Array.isArray(parsed) && parsed[0] === 'vcard' ? parsed : Array.isArray(parsed) ? parsed[0] : null) as unknown[] | null;
  if (!vcard || vcard[0] !== 'vcard' || !Array.isArray(vcard[1])) throw new Error('not a vCard');
  return (vcard[1] as unknown[][]).map(([name, params, , ...values]) => ({
    name: String(name).toLowerCase(),
    params: (params ?? {}) as Record<string, string | string[]>,
    values,
  }));
}

// Unfold (a fold may split an escape such as "\," — joining first keeps it whole), then repair
// what ical.js refuses: 2.1's bare parameters ("TEL;CELL:") and quoted-printable values.
function normaliseCard(cardText: string): string {
  const unfolded = cardText.replace(/\r\n[ \t]/g, '');
  const lines: string[] = [];
  for (const line of unfolded.split('\r\n')) {
    const previous = lines.at(-1);
    if (previous !== undefined && /ENCODING=QUOTED-PRINTABLE/i.test(previous.split(':')[0] ?? '') && previous.endsWith('=')) {
      lines[lines.length - 1] = previous.slice(0, -1) + line; // quoted-printable soft line break
    } else if (line.trim() !== '') {
      lines.push(line);
    }
  }
  return lines.map(repairLine).join('\r\n');
}

function repairLine(line: string): string {
  const colon = nameEnd(line);
  if (colon < 0) return line;
  const [name, ...params] = line.slice(0, colon).split(';');
  let value = line.slice(colon + 1);
  const kept: string[] = [];
  let quotedPrintable = false;
  let charset = 'utf-8';
  for (const param of params) {
    if (/^ENCODING=QUOTED-PRINTABLE$/i.test(param)) quotedPrintable = true;
    else if (/^CHARSET=/i.test(param)) charset = param.slice(8).toLowerCase();
    else kept.push(param.includes('=') ? param : `TYPE=${param}`);
  }
  if (quotedPrintable) value = decodeQuotedPrintable(value, charset);
  return [name, ...kept].join(';') + ':' + value;
}

// The colon that ends the property name and parameters (not one inside a quoted parameter).
function nameEnd(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ':' && !quoted) return i;
  }
  return -1;
}

function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value.slice(i + 1, i + 3);
    if (value[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(value.charCodeAt(i) & 0xff);
    }
  }
  try {
    return new TextDecoder(charset).decode(new Uint8Array(bytes));
  } catch {
    return new TextDecoder('utf-8').decode(new Uint8Array(bytes));
  }
}

function toPerson(properties: Property[], line: number) {
  const all = (name: string) => properties.filter((p) => p.name === name);
  // Single text values: ical.js splits at unescaped commas, which 2.1 and sloppy writers leave.
  const first = (name: string) => whole(all(name)[0]);
  const n = all('n')[0]?.values[0];
  const nParts = (Array.isArray(n) ? n : [n]).map(text);
  const [family = '', given = '', additional = ''] = nParts;
  const org = all('org')[0]?.values[0];
  const organisation = text(Array.isArray(org) ? org[0] : org) || null;
  const contact = sortContactValues(all('email').map((p) => text(p.values[0])), all('tel').map((p) => text(p.values[0])));
  const labels = groupLabels(properties);
  const handles: ImportedHandle[] = [];
  const addHandle = (handle: ImportedHandle | null) => {
    if (handle && !handles.some((h) => h.platform === handle.platform && h.handle === handle.handle)) handles.push(handle);
  };
  for (const p of properties) {
    const hint = platformFromLabel([param(p, 'type'), param(p, 'service-type'), param(p, 'x-service-type'), labels.get(String(p.params.group ?? '')) ?? ''].join(' '));
    if (p.name === 'x-socialprofile' || p.name === 'socialprofile') addHandle(socialProfile(p, hint));
    else if (p.name === 'url') addHandle(handleFromUrl(text(p.values[0]), hint));
    else if (p.name === 'impp') addHandle(instantMessaging(text(p.values[0]), hint));
    else if (/^x-(twitter|linkedin|facebook|instagram|mastodon|bluesky|github|threads|tiktok|youtube)$/.test(p.name)) {
      addHandle(socialProfile(p, platformFromLabel(p.name.slice(2))));
    }
  }
  const name = collapse(first('fn')) || collapse([given, additional, family].join(' '))
    || organisation || contact.emails[0] || contact.phones[0] || handles[0]?.handle || '';
  if (!name) return 'The card has no name, organisation, email, phone or profile';
  const uid = first('uid');
  const title = first('title');
  const notes = joinNotes(all('note').map(whole).join('\n'), title ? `Position: ${title}` : null, ...contact.noteLines);
  return {
    key: uid ? `vcard-uid:${uid}` : contact.emails[0] ? emailKey(contact.emails[0]) : hashKey('vcard', name, organisation, contact.phones[0]),
    name,
    givenName: given || null,
    familyName: family || null,
    emails: contact.emails,
    phones: contact.phones,
    handles,
    organisation,
    notes: notes ? clip(notes) : null,
    tags: cleanTags(all('categories').flatMap((p) => p.values.map(text))),
    line,
  };
}

function text(value: unknown): string {
  if (Array.isArray(value)) return value.map(text).filter(Boolean).join(' ');
  return value === undefined || value === null ? '' : String(value).trim();
}

function whole(p: Property | undefined): string {
  return p ? p.values.map((v) => (typeof v === 'string' ? v : text(v))).join(',').trim() : '';
}

function param(p: Property, name: string): string {
  const value = p.params[name];
  return Array.isArray(value) ? value.join(' ') : (value ?? '');
}

// Apple groups a value with its label: item1.URL + item1.X-ABLabel:_$!<HomePage>!$_ or "Mastodon".
function groupLabels(properties: Property[]): Map<string, string> {
  const labels = new Map<string, string>();
  for (const p of properties) {
    if (p.name === 'x-ablabel' && p.params.group) labels.set(String(p.params.group), text(p.values[0]).replace(/^_\$!<(.*)>!\$_$/, '$1'));
  }
  return labels;
}

// X-SOCIALPROFILE;type=twitter;x-user=zoe:https://twitter.com/zoe, SOCIALPROFILE;SERVICE-TYPE=
// Mastodon:https://example.social/@zoe, or a bare "x-apple:zoe" / "@zoe@example.social".
function socialProfile(p: Property, hint: Platform | null): ImportedHandle | null {
  const value = text(p.values[0]);
  const user = param(p, 'x-user');
  if (/^https?:\/\//i.test(value)) {
    const handle = handleFromUrl(value, hint);
    return handle && user && handle.platform !== 'mastodon' ? { ...handle, handle: user } : handle;
  }
  const mastodon = mastodonHandle(value);
  if (mastodon && (hint === 'mastodon' || hint === null)) return mastodon;
  const bare = user || value.replace(/^x-apple:/i, '');
  if (!bare) return null;
  if (/\.[a-z]{2,}\//i.test(bare)) return handleFromUrl(bare, hint);
  return { platform: hint ?? 'other', handle: bare, url: null };
}

function instantMessaging(value: string, hint: Platform | null): ImportedHandle | null {
  if (!value) return null;
  if (/^https?:\/\//i.test(value)) return handleFromUrl(value, hint);
  return { platform: hint ?? 'other', handle: hint ? value.replace(/^[a-z-]+:/i, '') : value, url: null };
}
