import { blueskyAccountOf } from './bluesky.ts';
import type { FetchMentions, Mention } from './mentions.ts';

type Notification = {
  uri: string; reason: string; indexedAt: string;
  author: { did: string; handle: string; displayName?: string };
  record: { text?: string; createdAt?: string; reply?: { parent?: { uri?: string } }; embed?: { record?: { uri?: string } } };
};

const maxPages = 10;
const reasons = new Set(['reply', 'mention', 'quote']);

// Replies, mentions and quotes through @atproto/api. Notifications come newest first, so the cursor kept is
// the newest indexedAt read; pages are read back until one reaches it. No cursor yet: the latest page only.
export const fetchBlueskyMentions: FetchMentions = async ({ account, credentials, cursor, timeoutMs }) => {
  const where = blueskyAccountOf(account);
  if (!where || !credentials?.appPassword) return { mentions: [], cursor };
  const { AtpAgent } = await import('@atproto/api');
  const agent = new AtpAgent({ service: where.service, fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) }) });
  await agent.login({ identifier: where.identifier, password: credentials.appPassword });
  const mentions: Mention[] = [];
  let newest = cursor;
  let page: string | undefined;
  for (let i = 0; i < maxPages; i++) {
    const { data } = await agent.app.bsky.notification.listNotifications({ limit: 50, ...(page ? { cursor: page } : {}) });
    const notifications = data.notifications as unknown as Notification[];
    let reachedCursor = false;
    for (const n of notifications) {
      if (cursor && n.indexedAt <= cursor) { reachedCursor = true; continue; }
      if (!newest || n.indexedAt > newest) newest = n.indexedAt;
      if (!reasons.has(n.reason)) continue;
      const handles = [
        { platform: 'bluesky' as const, handle: n.author.handle, url: `https://bsky.app/profile/${n.author.handle}` },
        { platform: 'bluesky' as const, handle: n.author.did, url: `https://bsky.app/profile/${n.author.did}` },
      ];
      mentions.push({
        id: n.uri,
        kind: n.reason === 'reply' ? 'reply' : 'mention',
        inReplyTo: n.reason === 'reply' ? n.record.reply?.parent?.uri ?? null : n.reason === 'quote' ? n.record.embed?.record?.uri ?? null : null,
        author: { name: n.author.displayName || n.author.handle, handles },
        text: n.record.text ?? '',
        createdAt: new Date(n.record.createdAt ?? n.indexedAt),
      });
    }
    page = data.cursor;
    if (reachedCursor || !cursor || !page || notifications.length === 0) break;
  }
  return { mentions: mentions.reverse(), cursor: newest };
};
