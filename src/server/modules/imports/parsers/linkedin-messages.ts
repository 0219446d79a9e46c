import {
  clip, columnIndex, createCollector, findHeaderRow, handleFromUrl, hashKey, isBlankRow, normaliseProfileUrl,
  readCsvRows, readText, rowReader, sha256, type CsvRow,
} from './common.ts';
import { ImportFormatError, type ParseResult } from './types.ts';

export type LinkedInMessagesOptions = {
  // The export does not say whose it is. Without this, the owner is the profile URL that takes
  // part in the most conversations (the owner is in all of them); a tie is refused.
  ownerProfileUrl?: string | null;
};

const required = ['CONVERSATION ID', 'FROM', 'SENDER PROFILE URL', 'RECIPIENT PROFILE URLS', 'DATE'];

// LinkedIn's messages.csv: each message becomes a 'dm' with every other participant —
// 'out' when the owner sent it, 'in' otherwise (one interaction per person in a group).
export function parseLinkedInMessages(input: Buffer | string, options: LinkedInMessagesOptions = {}): ParseResult {
  const rows = readCsvRows(readText(input));
  const headerAt = findHeaderRow(rows, required);
  if (headerAt < 0) {
    throw new ImportFormatError(`This is not a LinkedIn messages.csv: no header row with ${required.map((n) => `"${n}"`).join(', ')} was found.`);
  }
  const index = columnIndex(rows[headerAt]?.cells ?? []);
  const messages = rows.slice(headerAt + 1).filter((row) => !isBlankRow(row.cells)).map((row) => readMessage(row, index));
  const owner = options.ownerProfileUrl ? normaliseProfileUrl(options.ownerProfileUrl) : inferOwner(messages);

  // Names come from FROM cells (reliable, one per message) before the TO cells (a list).
  const names = new Map<string, string>();
  for (const m of messages) if (m.senderUrl && m.from && !names.has(m.senderUrl)) names.set(m.senderUrl, m.from);
  for (const m of messages) {
    const toNames = m.to.split(',').map((n) => n.trim());
    if (toNames.length !== m.recipientUrls.length) continue;
    m.recipientUrls.forEach((url, i) => {
      if (toNames[i] && !names.has(url)) names.set(url, toNames[i]);
    });
  }

  const out = createCollector();
  for (const m of messages) {
    if (m.draft) continue; // a draft was never sent
    if (!m.occurredAt) {
      out.reject(m.line, `DATE "${m.date}" is not a date like "2023-05-01 14:22:10 UTC"`);
      continue;
    }
    const fromOwner = m.senderUrl !== null && m.senderUrl === owner;
    let others: { url: string | null; name: string }[];
    if (fromOwner) {
      others = m.recipientUrls.filter((url) => url !== owner).map((url) => ({ url, name: names.get(url) ?? '' }));
      if (others.length === 0) {
        out.reject(m.line, 'A message from you with no recipient profile URL');
        continue;
      }
    } else if (m.senderUrl || (m.from && m.from !== 'LinkedIn Member')) {
      others = [{ url: m.senderUrl, name: m.from }];
    } else {
      out.reject(m.line, 'The sender has no name and no profile URL (a deactivated LinkedIn profile)');
      continue;
    }
    const note = clip([m.subject, m.content].filter(Boolean).join('\n\n')) || null;
    for (const other of others) {
      const handle = other.url ? handleFromUrl(other.url, 'linkedin') : null;
      const key = other.url ?? hashKey('linkedin', other.name, '');
      out.person({
        key,
        name: other.name || handle?.handle || key,
        emails: [],
        phones: [],
        handles: handle && other.url ? [{ ...handle, url: other.url }] : [],
        tags: [],
        line: m.line,
      });
      out.interaction({
        personKey: key,
        channel: 'linkedin',
        kind: 'dm',
        direction: fromOwner ? 'out' : 'in',
        occurredAt: m.occurredAt,
        note,
        externalId: `linkedin-message:${sha256(m.conversationId, m.senderUrl ?? m.from, m.date, m.content, key)}`,
        line: m.line,
      });
    }
  }
  return out.result();
}

type Message = {
  line: number;
  conversationId: string;
  from: string;
  senderUrl: string | null;
  to: string;
  recipientUrls: string[];
  date: string;
  occurredAt: Date | null;
  subject: string;
  content: string;
  draft: boolean;
};

function readMessage(row: CsvRow, index: Map<string, number>): Message {
  const get = rowReader(index, row.cells);
  const date = get('DATE');
  return {
    line: row.line,
    conversationId: get('CONVERSATION ID'),
    from: get('FROM'),
    senderUrl: normaliseProfileUrl(get('SENDER PROFILE URL')),
    to: get('TO'),
    // Several recipients in a group conversation; LinkedIn has used commas, semicolons and spaces.
    recipientUrls: [...new Set(get('RECIPIENT PROFILE URLS').split(/[\s,;]+/).map(normaliseProfileUrl).filter((u): u is string => u !== null))],
    date,
    occurredAt: parseLinkedInDate(date),
    subject: get('SUBJECT'),
    content: get('CONTENT'),
    draft: /^(true|yes)$/i.test(get('IS MESSAGE DRAFT')),
  };
}

// The owner takes part in every conversation of their own export: count conversations per URL.
function inferOwner(messages: Message[]): string | null {
  const conversations = new Map<string, Set<string>>();
  for (const m of messages) {
    for (const url of [m.senderUrl, ...m.recipientUrls]) {
      if (!url) continue;
      const set = conversations.get(url) ?? new Set<string>();
      set.add(m.conversationId);
      conversations.set(url, set);
    }
  }
  const ranked = [...conversations].map(([url, set]) => ({ url, count: set.size })).sort((a, b) => b.count - a.count);
  const [first, second] = ranked;
  if (!first) return null;
  if (second && second.count === first.count) {
    throw new ImportFormatError(
      `Cannot tell whose messages these are: ${first.url} and ${second.url} both take part in ${first.count} conversation(s). Give your own LinkedIn profile URL.`,
    );
  }
  return first.url;
}

// "2023-05-01 14:22:10 UTC" (also without seconds, or ISO 8601 with an offset).
export function parseLinkedInDate(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?\s*(?:UTC|GMT|Z)?$/i.exec(text.trim());
  if (match) {
    const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
    const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
    return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && s < 60 ? date : null;
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:?\d{2}|Z)$/.test(text.trim())) {
    const date = new Date(text.trim());
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}
