import { platforms, type PersonInput } from '../../../server/modules/people/people.contract.ts';
import type { Person } from './api.ts';

export type Platform = (typeof platforms)[number];
export type HandleValues = { platform: Platform; handle: string; url: string };

// What the person form edits: plain strings and lists, turned into the contract's input on submit.
export type PersonFormValues = {
  name: string;
  emails: string[];
  phones: string[];
  organisation: string;
  tags: string[];
  source: string;
  notes: string;
  handles: HandleValues[];
  isClient: boolean;
  isFriend: boolean;
  cadenceDays: number | string;
  introducedById: string | null;
};

export const emptyPerson: PersonFormValues = {
  name: '', emails: [], phones: [], organisation: '', tags: [], source: '', notes: '', handles: [], isClient: false, isFriend: false, cadenceDays: '',
  introducedById: null,
};

export function isPlatform(value: string): value is Platform {
  return (platforms as readonly string[]).includes(value);
}

export function formValuesOf(person: Person): PersonFormValues {
  return {
    name: person.name,
    emails: person.emails,
    phones: person.phones,
    organisation: person.organisation ?? '',
    tags: person.tags,
    source: person.source ?? '',
    notes: person.notes ?? '',
    handles: person.handles.map((h) => ({ platform: isPlatform(h.platform) ? h.platform : 'other', handle: h.handle, url: h.url ?? '' })),
    isClient: person.isClient,
    isFriend: person.isFriend,
    cadenceDays: person.cadenceDays ?? '',
    introducedById: person.introducedById,
  };
}

// Every field the form shows is sent, also on PATCH: the server's PersonPatch fills left-out lists
// and flags with their defaults (empty, false), so a partial patch would wipe them.
export function personInputOf(values: PersonFormValues): PersonInput {
  const text = (value: string) => value.trim() || null;
  return {
    name: values.name.trim(),
    emails: values.emails.map((e) => e.trim()).filter(Boolean),
    phones: values.phones.map((p) => p.trim()).filter(Boolean),
    organisation: text(values.organisation),
    tags: values.tags.map((t) => t.trim()).filter(Boolean),
    source: text(values.source),
    notes: text(values.notes),
    handles: values.handles.map((h) => ({ platform: h.platform, handle: h.handle.trim(), url: text(h.url) })),
    isClient: values.isClient,
    isFriend: values.isFriend,
    cadenceDays: values.cadenceDays === '' ? null : Number(values.cadenceDays),
    introducedById: values.introducedById,
  };
}

// A link to the profile: the stored URL, or one derived from the handle where the platform's form is plain.
export function profileUrl(handle: { platform: string; handle: string; url?: string | null }): string | null {
  if (handle.url) return handle.url;
  const name = handle.handle.trim().replace(/^@/, '');
  if (!name || /\s/.test(name)) return null;
  const fediverse = /^([^@]+)@([^@]+\.[^@]+)$/.exec(name);
  switch (handle.platform) {
    case 'mastodon': return fediverse ? `https://${fediverse[2]}/@${fediverse[1]}` : null;
    case 'bluesky': return `https://bsky.app/profile/${encodeURIComponent(name)}`;
    case 'x': return `https://x.com/${encodeURIComponent(name)}`;
    case 'instagram': return `https://www.instagram.com/${encodeURIComponent(name)}/`;
    case 'threads': return `https://www.threads.net/@${encodeURIComponent(name)}`;
    case 'github': return `https://github.com/${encodeURIComponent(name)}`;
    case 'tiktok': return `https://www.tiktok.com/@${encodeURIComponent(name)}`;
    case 'website': return /^https?:\/\//.test(name) ? name : null;
    default: return null;
  }
}
