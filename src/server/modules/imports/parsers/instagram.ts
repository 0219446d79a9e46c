import { createCollector, type Collector, type ImportFiles } from './common.ts';
import { addMessages, basename, hasThreads, list, readJsonFiles, record, text, type JsonFile, type MetaOptions } from './meta.ts';
import { ImportFormatError, type ParseResult } from './types.ts';

// Instagram's "Download your information" in JSON: followers (followers_1.json … as a bare list
// or wrapped in "relationships_followers"), following ("relationships_following"), the 2020-21
// connections.json ({ followers: { user: date } }), and message threads. People from followers
// and following are keyed by their profile URL; threads name people by display name only, so
// those are keyed by name (see meta.ts) and may need merging with the follower by hand.
export function parseInstagram(input: ImportFiles | Buffer | string, options: MetaOptions = {}): ParseResult {
  const out = createCollector();
  const files = readJsonFiles(input, out, 'Instagram');
  let found = false;
  for (const file of files) {
    const lists = followLists(file);
    for (const [direction, entries] of lists) entries.forEach((entry, i) => addFollow(entry, direction, file.path, i + 1, out));
    found ||= lists.length > 0;
  }
  if (!found && !hasThreads(files)) {
    throw new ImportFormatError('No Instagram followers, following or messages found: expected followers_1.json, following.json or messages/inbox/<thread>/message_1.json.');
  }
  addMessages(files, 'instagram', options.ownerName ?? profileName(files), out);
  return out.result();
}

type Direction = 'in' | 'out';
type Follow = { username: string; href: string; timestamp: number | null };

// Which lists a file holds. Pending requests, close friends, blocked and unfollowed accounts use
// other keys and names, and are left out.
function followLists(file: JsonFile): [Direction, Follow[]][] {
  const name = basename(file.path);
  const json = record(file.json);
  const lists: [Direction, Follow[]][] = [];
  if (Array.isArray(file.json) && /^followers(_\d+)?\.json$/i.test(name)) lists.push(['in', file.json.map(fromStringList)]);
  if (Array.isArray(file.json) && /^following(_\d+)?\.json$/i.test(name)) lists.push(['out', file.json.map(fromStringList)]);
  if (Array.isArray(json.relationships_followers)) lists.push(['in', json.relationships_followers.map(fromStringList)]);
  if (Array.isArray(json.relationships_following)) lists.push(['out', json.relationships_following.map(fromStringList)]);
  // connections.json (2020-21): { "followers": { "username": "2020-05-01T12:00:00+00:00" } }
  for (const [key, direction] of [['followers', 'in'], ['following', 'out']] as const) {
    const map = json[key];
    if (!map || typeof map !== 'object' || Array.isArray(map)) continue;
    lists.push([direction, Object.entries(map as Record<string, unknown>).map(([username, date]) => ({
      username, href: '', timestamp: typeof date === 'string' && !Number.isNaN(Date.parse(date)) ? Date.parse(date) / 1000 : null,
    }))]);
  }
  return lists;
}

// { title, string_list_data: [{ href, value, timestamp }] }; newer exports put the username in
// "title" and leave out "value"; hrefs may read https://www.instagram.com/_u/<username>.
function fromStringList(entry: unknown): Follow {
  const item = record(entry);
  const data = record(list(item.string_list_data)[0]);
  const href = text(data.href);
  const fromHref = /instagram\.com\/(?:_u\/)?([^/?#]+)/i.exec(href)?.[1] ?? '';
  const timestamp = Number(data.timestamp);
  return { username: text(data.value) || text(item.title) || fromHref, href, timestamp: Number.isFinite(timestamp) && timestamp > 0 ? timestamp : null };
}

function addFollow(follow: Follow, direction: Direction, file: string, line: number, out: Collector): void {
  const username = follow.username.replace(/^@/, '');
  if (!/^[A-Za-z0-9._]{1,30}$/.test(username)) {
    out.reject(line, username ? `"${username}" is not an Instagram username` : 'No username', file);
    return;
  }
  const url = `https://www.instagram.com/${username.toLowerCase()}`;
  out.person({ key: url, name: username, emails: [], phones: [], handles: [{ platform: 'instagram', handle: username, url }], tags: [], line });
  if (follow.timestamp === null) {
    out.reject(line, `${username} has no date; imported without the follow`, file);
    return;
  }
  out.interaction({
    personKey: url,
    channel: 'instagram',
    kind: 'follow',
    direction,
    occurredAt: new Date(follow.timestamp * 1000),
    note: null,
    externalId: `instagram-${direction === 'in' ? 'follower' : 'following'}:${username.toLowerCase()}:${follow.timestamp}`,
    line,
  });
}

// personal_information.json: { profile_user: [{ string_map_data: { Name: { value } } }] }
function profileName(files: JsonFile[]): string | null {
  for (const file of files) {
    const user = record(list(record(file.json).profile_user)[0]);
    const name = text(record(record(user.string_map_data).Name).value);
    if (name) return name;
  }
  return null;
}
