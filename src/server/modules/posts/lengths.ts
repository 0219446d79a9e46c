import { createRequire } from 'node:module';
import type TwitterText from 'twitter-text';
import { platformLimits, type Platform } from './platforms.ts';

// twitter-text is large; it loads on the first X count, not with the server.
const require = createRequire(import.meta.url);
let twitterText: typeof TwitterText | undefined;
const parseTweet = (text: string) => (twitterText ??= require('twitter-text') as typeof TwitterText).parseTweet(text);

export { platformLimits, platforms, type Platform } from './platforms.ts';

export type Length = { count: number; limit: number; over: boolean };

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
export function graphemes(text: string): number {
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

// Mastodon's own counter (StatusLengthValidator): every http(s) URL counts 23, a mention
// @user@domain counts as @user, and the rest counts in grapheme clusters.
const mastodonUrl = /(^|[^\/\w])(https?:\/\/[^\s<>"]+[^\s<>".,;:!?'")\]])/giu;
const mastodonMention = /(^|[^\/\w])@([a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_]+)?)@[\p{L}\p{N}.-]+[\p{L}\p{N}]/giu;
const urlPlaceholder = 'x'.repeat(23);

function mastodonLength(text: string): number {
  const countable = text.replace(mastodonUrl, (_m, before: string) => `${before}${urlPlaceholder}`)
    .replace(mastodonMention, (_m, before: string, user: string) => `${before}@${user}`);
  return graphemes(countable);
}

// Each platform counts as it does itself: X weighs with twitter-text (a URL 23, emoji and CJK 2),
// Bluesky counts graphemes, LinkedIn/Instagram/Facebook count UTF-16 units as their web composers do.
export function countFor(platform: Platform, text: string): number {
  switch (platform) {
    case 'x': return parseTweet(text).weightedLength;
    case 'bluesky': return graphemes(text);
    case 'mastodon': return mastodonLength(text);
    default: return text.length;
  }
}

export function lengthFor(platform: Platform, text: string): Length {
  const count = countFor(platform, text);
  const limit = platformLimits[platform];
  return { count, limit, over: count > limit };
}
