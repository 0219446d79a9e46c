import { instanceOf } from './mastodon.ts';
import { plainText, type FetchMentions, type Mention } from './mentions.ts';

type Account = { acct: string; displayName?: string | null; username: string; url?: string | null };
type Notification = { id: string; type: string; createdAt: string; account: Account; status?: { id: string; inReplyToId?: string | null; content: string; createdAt: string } | null };

const maxPages = 10;
// Mastodon ids are numbers written as text, longer than a double holds.
const newer = (a: string, b: string) => (a.length !== b.length ? a.length > b.length : a > b);

// Mentions (a reply to us is a mention too) through masto's REST client, oldest unread first: min_id pages
// forward from the cursor. With no cursor yet, only the latest page is read: history stays history.
export const fetchMastodonMentions: FetchMentions = async ({ account, credentials, cursor, timeoutMs }) => {
  const url = instanceOf(account);
  if (!url || !credentials?.accessToken) return { mentions: [], cursor };
  const { createRestAPIClient } = await import('masto');
  const client = createRestAPIClient({ url, accessToken: credentials.accessToken, timeout: timeoutMs });
  const host = new URL(url).host.toLowerCase();
  const mentions: Mention[] = [];
  let bookmark = cursor;
  for (let page = 0; page < maxPages; page++) {
    const batch = (await client.v1.notifications.list({ types: ['mention'], limit: 40, ...(bookmark ? { minId: bookmark } : {}) })) as unknown as Notification[];
    if (batch.length === 0) break;
    for (const n of batch) {
      if (!bookmark || newer(n.id, bookmark)) bookmark = n.id;
      if (n.type !== 'mention' || !n.status) continue;
      const acct = n.account.acct.includes('@') ? n.account.acct : `${n.account.acct}@${host}`;
      mentions.push({
        id: n.id,
        kind: n.status.inReplyToId ? 'reply' : 'mention',
        inReplyTo: n.status.inReplyToId ?? null,
        author: { name: n.account.displayName || n.account.username, handles: [{ platform: 'mastodon', handle: `@${acct.toLowerCase()}`, url: n.account.url ?? null }] },
        text: plainText(n.status.content),
        createdAt: new Date(n.status.createdAt),
      });
    }
    if (!cursor) break;
  }
  return { mentions, cursor: bookmark };
};
