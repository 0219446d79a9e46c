// Replies and mentions from a platform: who wrote, what, when, and which of our posts it answers.
// The cursor is the platform's own bookmark, kept per channel, so each reply is read once.
export type Mention = {
  id: string;
  kind: 'reply' | 'mention';
  // The platform's id of our post this answers (what publishing stored as the post's external id).
  inReplyTo: string | null;
  author: { handles: { platform: 'mastodon' | 'bluesky'; handle: string; url: string | null }[]; name: string };
  text: string;
  createdAt: Date;
};
export type MentionsPage = { mentions: Mention[]; cursor: string | null };
export type MentionsRequest = { account: string | null; credentials: Record<string, string> | null; cursor: string | null; timeoutMs: number };
export type FetchMentions = (request: MentionsRequest) => Promise<MentionsPage>;

// A status's HTML as the plain text a timeline note shows.
export function plainText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n').replace(/<\/p>\s*<p>/gi, '\n\n').replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .trim();
}
