import { createCollector, isEmail, sha256, type ImportFiles } from './common.ts';
import { addMessages, hasThreads, personKey, readJsonFiles, record, text, type JsonFile, type MetaOptions } from './meta.ts';
import { ImportFormatError, type ParseResult } from './types.ts';

// Facebook's "Download your information" in JSON: friends (friends_v2 in newer exports, friends
// in older ones, wherever the file sits that year) and message threads. Text is repaired from
// mojibake. A friendship is mutual and undated as to who asked: like LinkedIn connections it
// becomes an incoming 'follow' at the friendship's timestamp.
export function parseFacebook(input: ImportFiles | Buffer | string, options: MetaOptions = {}): ParseResult {
  const out = createCollector();
  const files = readJsonFiles(input, out, 'Facebook');
  const friendFiles = files.filter((f) => friendsOf(f) !== null);
  if (friendFiles.length === 0 && !hasThreads(files)) {
    throw new ImportFormatError('No Facebook friends or messages found: expected a friends file (with "friends_v2" or "friends") or messages/inbox/<thread>/message_1.json.');
  }
  for (const file of friendFiles) {
    (friendsOf(file) ?? []).forEach((entry, i) => {
      const friend = record(entry);
      const name = text(friend.name);
      const timestamp = Number(friend.timestamp);
      if (!name) {
        out.reject(i + 1, 'A friend without a name', file.path);
        return;
      }
      const key = personKey('facebook', name);
      const email = text(record(friend.contact_info).email ?? friend.contact_info).toLowerCase();
      out.person({ key, name, emails: isEmail(email) ? [email] : [], phones: [], handles: [], tags: [], line: i + 1 });
      if (!Number.isFinite(timestamp) || timestamp <= 0) {
        out.reject(i + 1, `Friend "${name}" has no timestamp; imported without the friendship date`, file.path);
        return;
      }
      out.interaction({
        personKey: key,
        channel: 'facebook',
        kind: 'follow',
        direction: 'in',
        occurredAt: new Date(timestamp * 1000),
        note: null,
        externalId: `facebook-friend:${sha256(key, timestamp)}`,
        line: i + 1,
      });
    });
  }
  addMessages(files, 'facebook', options.ownerName ?? profileName(files), out);
  return out.result();
}

// { "friends_v2": [...] } (2021 on), { "friends": [...] } (before), or a bare list in a file
// named like your_friends.json. Removed friends and requests use other keys and are left out.
function friendsOf(file: JsonFile): unknown[] | null {
  if (Array.isArray(file.json)) {
    const name = file.path.split('/').at(-1) ?? '';
    return /^(your_)?friends(_\d+)?\.json$/i.test(name) ? file.json : null;
  }
  const json = record(file.json);
  const friends = json.friends_v2 ?? json.friends;
  return Array.isArray(friends) ? friends : null;
}

function profileName(files: JsonFile[]): string | null {
  for (const file of files) {
    const json = record(file.json);
    const name = text(record(record(json.profile_v2 ?? json.profile).name).full_name);
    if (name) return name;
  }
  return null;
}

