import { clip, createCollector, normalisePath, readText, type Collector, type ImportFiles } from './common.ts';
import { ImportFormatError, type ParseResult } from './types.ts';

export type XOptions = {
  // Whose archive this is, when neither data/account.js nor the DMs can tell.
  ownerAccountId?: string | null;
  // Followers and following carry no date: they are dated by the archive's generationDate
  // (data/manifest.js) or, without it, by this.
  importedAt?: Date | null;
};

type YtdFile = { path: string; name: string; records: unknown[] };

// An X (Twitter) archive: data/follower.js, data/following.js, data/direct-messages.js
// (and direct-messages-group.js, account.js, manifest.js when given). Files are recognised by
// their "window.YTD.<name>.partN = [" prefix, not their names, so the whole data/ folder may be
// passed. People are keyed "x:<accountId>"; account ids stay strings (they exceed 2^53).
export function parseXArchive(input: ImportFiles | Buffer | string, options: XOptions = {}): ParseResult {
  const entries = typeof input === 'string' || input instanceof Uint8Array ? { 'input.js': input } : input;
  const files: YtdFile[] = [];
  let generatedAt: Date | null = null;
  for (const [path, content] of Object.entries(entries).sort(([a], [b]) => a.localeCompare(b))) {
    const text = readText(content);
    if (/^\s*window\.__THAR_CONFIG\s*=/.test(text)) generatedAt ??= manifestDate(text);
    const prefix = /^\s*window\.YTD\.([A-Za-z0-9_]+)\.part\d+\s*=\s*/.exec(text);
    if (!prefix || !['follower', 'following', 'direct_messages', 'direct_messages_group', 'account'].includes(prefix[1] ?? '')) continue;
    files.push({ path: normalisePath(path), name: prefix[1] ?? '', records: parseYtdJson(text, path) });
  }
  if (!files.some((f) => f.name !== 'account')) {
    throw new ImportFormatError('No X archive files found: expected data/follower.js, data/following.js or data/direct-messages.js, each starting with "window.YTD.…".');
  }

  const out = createCollector();
  const followDate = generatedAt ?? options.importedAt ?? null;
  for (const file of files.filter((f) => f.name === 'follower' || f.name === 'following')) {
    if (!followDate) throw new Error('parseXArchive needs options.importedAt when the archive has no data/manifest.js');
    readFollows(file, followDate, out);
  }
  const conversations = files.filter((f) => f.name.startsWith('direct_messages')).flatMap((f) => readConversations(f, out));
  if (conversations.length > 0) {
    const owner = options.ownerAccountId ?? accountId(files) ?? inferOwner(conversations);
    for (const conversation of conversations) addMessages(conversation, owner, out);
  }
  return out.result();
}

// Parse from the first "[" with ids kept as the text they were written as: a bare number id in
// the JSON would lose digits past 2^53 if read as a number.
function parseYtdJson(text: string, path: string): unknown[] {
  const start = text.indexOf('[');
  try {
    const value: unknown = JSON.parse(text.slice(start), (key, value, context?: { source?: string }) =>
      typeof value === 'number' && /id$/i.test(key) && context?.source ? context.source : value,
    );
    if (!Array.isArray(value)) throw new Error('not a list');
    return value;
  } catch (error) {
    throw new ImportFormatError(`${path} is not a readable X archive file: ${(error as Error).message}`);
  }
}

function manifestDate(text: string): Date | null {
  try {
    const config = JSON.parse(text.slice(text.indexOf('{'))) as { archiveInfo?: { generationDate?: string } };
    const date = new Date(config.archiveInfo?.generationDate ?? '');
    return Number.isNaN(date.getTime()) ? null : date;
  } catch {
    return null;
  }
}

function idOf(value: unknown): string | null {
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return value.trim();
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return null;
}

function addPerson(out: Collector, id: string, line: number, userLink?: string | null): string {
  const key = `x:${id}`;
  const url = userLink && /^https?:\/\//.test(userLink) ? userLink : `https://twitter.com/intent/user?user_id=${id}`;
  out.person({ key, name: id, emails: [], phones: [], handles: [{ platform: 'x', handle: id, url }], tags: [], line });
  return key;
}

function readFollows(file: YtdFile, occurredAt: Date, out: Collector): void {
  const incoming = file.name === 'follower';
  file.records.forEach((record, i) => {
    const entry = (record as Record<string, { accountId?: unknown; userLink?: string } | undefined>)?.[file.name];
    const id = idOf(entry?.accountId);
    if (!id) {
      out.reject(i + 1, `No account id in this ${file.name} record`, file.path);
      return;
    }
    const key = addPerson(out, id, i + 1, entry?.userLink);
    out.interaction({
      personKey: key,
      channel: 'x',
      kind: 'follow',
      direction: incoming ? 'in' : 'out',
      occurredAt,
      note: null,
      externalId: `x:${file.name}:${id}`,
      line: i + 1,
    });
  });
}

type Message = { id: string; senderId: string; recipientId: string | null; text: string; createdAt: Date };
type Conversation = { id: string; file: string; line: number; participants: Set<string>; messages: Message[] };

function readConversations(file: YtdFile, out: Collector): Conversation[] {
  const conversations: Conversation[] = [];
  file.records.forEach((record, i) => {
    const line = i + 1;
    const dm = (record as { dmConversation?: { conversationId?: unknown; messages?: unknown[] } })?.dmConversation;
    if (!dm || !Array.isArray(dm.messages)) {
      out.reject(line, 'Not a dmConversation record', file.path);
      return;
    }
    const conversationId = String(dm.conversationId ?? '');
    const participants = new Set<string>();
    // One-to-one conversation ids are "<id>-<id>".
    if (file.name === 'direct_messages') for (const id of conversationId.split('-')) if (idOf(id)) participants.add(id);
    const messages: Message[] = [];
    for (const event of dm.messages as Record<string, Record<string, unknown> | undefined>[]) {
      for (const id of [event?.joinConversation?.participantsSnapshot, event?.participantsJoin?.userIds].flat()) {
        const participant = idOf(id);
        if (participant) participants.add(participant);
      }
      const message = event?.messageCreate;
      if (!message) continue; // reactions, joins, name changes
      const senderId = idOf(message.senderId);
      const createdAt = new Date(String(message.createdAt ?? ''));
      if (!senderId || Number.isNaN(createdAt.getTime())) {
        out.reject(line, `A message in conversation ${conversationId} has no sender or no date`, file.path);
        continue;
      }
      const recipientId = idOf(message.recipientId);
      participants.add(senderId);
      if (recipientId) participants.add(recipientId);
      messages.push({ id: String(message.id ?? ''), senderId, recipientId, text: String(message.text ?? ''), createdAt });
    }
    conversations.push({ id: conversationId, file: file.path, line, participants, messages });
  });
  return conversations;
}

function accountId(files: YtdFile[]): string | null {
  for (const file of files.filter((f) => f.name === 'account')) {
    const id = idOf((file.records[0] as { account?: { accountId?: unknown } } | undefined)?.account?.accountId);
    if (id) return id;
  }
  return null;
}

// The owner is in every conversation of their own archive.
function inferOwner(conversations: Conversation[]): string {
  const oneToOne = conversations.filter((c) => /^\d+-\d+$/.test(c.id));
  let common: string[] | null = null;
  for (const c of oneToOne.length > 0 ? oneToOne : conversations) common = common ? common.filter((id) => c.participants.has(id)) : [...c.participants];
  if (common?.length === 1 && common[0]) return common[0];
  throw new ImportFormatError(
    `Cannot tell whose DMs these are (${common?.length ? `accounts ${common.join(', ')} are in every conversation` : 'no account is in every conversation'}): add data/account.js from the archive or give your account id.`,
  );
}

function addMessages(conversation: Conversation, owner: string, out: Collector): void {
  for (const message of conversation.messages) {
    const fromOwner = message.senderId === owner;
    const others = fromOwner
      ? (message.recipientId ? [message.recipientId] : [...conversation.participants].filter((id) => id !== owner))
      : [message.senderId];
    for (const other of others) {
      const key = addPerson(out, other, conversation.line);
      out.interaction({
        personKey: key,
        channel: 'x',
        kind: 'dm',
        direction: fromOwner ? 'out' : 'in',
        occurredAt: message.createdAt,
        note: clip(message.text) || null,
        externalId: `x:dm:${message.id || `${conversation.id}:${message.createdAt.toISOString()}`}:${other}`,
        line: conversation.line,
      });
    }
  }
}
