// An Atom feed (RFC 4287) of a workspace's published posts: the body as text, linked to where each went out.
export type FeedPost = { id: string; body: string; publishedAt: Date; urls: string[] };

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
  // Characters XML 1.0 does not allow at all.
  .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

function titleOf(body: string): string {
  const line = body.trim().split('\n')[0] ?? '';
  const chars = [...line];
  return chars.length > 80 ? `${chars.slice(0, 79).join('')}…` : line;
}

export function renderAtom({ feedUrl, title, posts, updated }: { feedUrl: string; title: string; posts: FeedPost[]; updated: Date }): string {
  const entries = posts.map((post) => [
    '  <entry>',
    `    <id>urn:uuid:${post.id}</id>`,
    `    <title>${escape(titleOf(post.body))}</title>`,
    `    <updated>${post.publishedAt.toISOString()}</updated>`,
    `    <published>${post.publishedAt.toISOString()}</published>`,
    ...post.urls.map((url, i) => `    <link rel="${i === 0 ? 'alternate' : 'related'}" href="${escape(url)}"/>`),
    `    <content type="text">${escape(post.body)}</content>`,
    '  </entry>',
  ].join('\n'));
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escape(feedUrl)}</id>`,
    `  <title>${escape(title)}</title>`,
    `  <updated>${(posts[0]?.publishedAt ?? updated).toISOString()}</updated>`,
    `  <link rel="self" href="${escape(feedUrl)}"/>`,
    `  <author><name>${escape(title)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
