import { clip, collapse, hashKey, normalisePath, readText, repairMojibake, sha256, type Collector, type ImportFiles } from './common.ts';
import { ImportFormatError } from './types.ts';

// What Facebook's and Instagram's "Download your information" JSON exports share: files of JSON
// whose text is mojibake, and message threads in messages/…/<thread>/message_N.json.

export type MetaOptions = {
  // Your name as it appears in the message threads, when the export cannot tell (see below).
  ownerName?: string | null;
};

export type JsonFile = { path: string; json: unknown };

// Every *.json file as parsed JSON; one that does not parse is reported, not fatal, because an
// export holds hundreds of files and most are not ours to read.
export function readJsonFiles(input: ImportFiles | Buffer | string, out: Collector, what: string): JsonFile[] {
  if (typeof input === 'string' || input instanceof Uint8Array) {
    try {
      return [{ path: 'input.json', json: JSON.parse(readText(input)) }];
    } catch {
      throw new ImportFormatError(`The file is not JSON, so it is not a ${what} "Download your information" export in JSON.`);
    }
  }
  const files: JsonFile[] = [];
  for (const [rawPath, content] of Object.entries(input).sort(([a], [b]) => a.localeCompare(b))) {
    const path = normalisePath(rawPath);
    if (!/\.json$/i.test(path)) continue;
    try {
      files.push({ path, json: JSON.parse(readText(content)) });
    } catch {
      out.reject(1, 'Not valid JSON; the file was skipped', path);
    }
  }
  return files;
}

export function text(value: unknown): string {
  return typeof value === 'string' ? collapse(repairMojibake(value)) : '';
}

export function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function basename(path: string): string {
  return path.split('/').at(-1) ?? path;
}

// Deleted accounts appear under a placeholder name in threads.
const placeholderNames = new Set(['facebook user', 'facebook-nutzer', 'instagram user', 'instagram-nutzer', 'deleted account']);

type Thread = { id: string; path: string; participants: string[]; messages: Record<string, unknown>[] };

function threadsOf(files: JsonFile[]): Thread[] {
  const threads: Thread[] = [];
  for (const file of files) {
    if (!/(^|\/)message_\d+\.json$/i.test(file.path)) continue;
    const json = record(file.json);
    if (!Array.isArray(json.messages)) continue;
    const folder = file.path.split('/').slice(-2, -1)[0] ?? file.path;
    threads.push({
      // The thread folder ("juergenmueller_1015…") names the thread in every file of it and in
      // every later export, wherever the export puts the messages folder that year.
      id: text(json.thread_path).split('/').at(-1) || folder,
      path: file.path,
      participants: list(json.participants).map((p) => text(record(p).name)).filter(Boolean),
      messages: json.messages.map(record),
    });
  }
  return threads;
}

export function hasThreads(files: JsonFile[]): boolean {
  return threadsOf(files).length > 0;
}

// The owner is in every thread of their own export; the export's profile file names them too.
function ownerOf(threads: Thread[], ownerName: string | null, what: string): string {
  if (ownerName) return ownerName;
  let common: string[] | null = null;
  for (const thread of threads) common = common ? common.filter((name) => thread.participants.includes(name)) : [...thread.participants];
  if (common?.length === 1 && common[0]) return common[0];
  throw new ImportFormatError(
    `Cannot tell whose ${what} messages these are (${common?.length ? `${common.join(', ')} are in every thread` : 'nobody is in every thread'}): include the export's profile information or give your name as it appears in the threads.`,
  );
}

// Each message → a 'dm' (or a 'call' with its duration) with every other participant:
// 'out' when the owner sent it, 'in' from the sender otherwise.
export function addMessages(files: JsonFile[], platform: 'facebook' | 'instagram', ownerName: string | null, out: Collector): void {
  const threads = threadsOf(files);
  if (threads.length === 0) return;
  const owner = ownerOf(threads, ownerName, platform === 'facebook' ? 'Facebook' : 'Instagram');
  for (const thread of threads) {
    thread.messages.forEach((message, i) => {
      const line = i + 1;
      const sender = text(message.sender_name);
      const timestamp = Number(message.timestamp_ms);
      if (!sender || !Number.isFinite(timestamp) || timestamp <= 0) {
        out.reject(line, 'A message without sender or timestamp_ms', thread.path);
        return;
      }
      const fromOwner = sender === owner;
      const others = fromOwner ? thread.participants.filter((name) => name !== owner) : [sender];
      if (others.some((name) => placeholderNames.has(name.toLowerCase())) && others.length === 1) {
        out.reject(line, `A message ${fromOwner ? 'to' : 'from'} a deleted account ("${others[0]}")`, thread.path);
        return;
      }
      const content = text(message.content);
      const seconds = typeof message.call_duration === 'number' ? message.call_duration : null;
      for (const name of others) {
        if (placeholderNames.has(name.toLowerCase())) continue;
        const key = personKey(platform, name);
        out.person({ key, name, emails: [], phones: [], handles: [], tags: [], line });
        out.interaction({
          personKey: key,
          channel: platform,
          kind: seconds ? 'call' : 'dm',
          direction: fromOwner ? 'out' : 'in',
          occurredAt: new Date(timestamp),
          durationMinutes: seconds ? Math.max(1, Math.round(seconds / 60)) : null,
          note: clip(content) || null,
          externalId: `${platform}-message:${sha256(thread.id, timestamp, sender, content, key)}`,
          line,
        });
      }
    });
  }
}

// Meta's exports name people, never id them: people are keyed by their (repaired) name, so a
// friend and the same name in a thread meet. Two friends with one name become one person.
export function personKey(platform: string, name: string): string {
  return hashKey(platform, name);
}
