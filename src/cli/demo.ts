import type { Services } from '../server/app.ts';
import type { Auth } from '../server/modules/auth/index.ts';
import { PersonInput, type InteractionInput } from '../server/modules/people/people.contract.ts';

// A realistic demo workspace: a coach's people, found on several platforms, touched over 90 days.
const given = ['Sam', 'Alex', 'Maria', 'Jonas', 'Priya', 'Tom', 'Lena', 'Kofi', 'Aisha', 'Ben', 'Clara', 'David', 'Elif', 'Farid', 'Greta', 'Hannah', 'Ivan', 'Julia', 'Kai', 'Lukas', 'Mia', 'Noah', 'Olga', 'Paul', 'Rosa', 'Sofia', 'Theo', 'Uma', 'Viktor', 'Yara'];
const family = ['Rivera', 'Schmidt', 'Okafor', 'Patel', 'Müller', 'Nguyen', 'Kowalski', 'Fischer', 'Haddad', 'Larsen', 'Moreau', 'Becker', 'Sato', 'Weber', 'Costa', 'Novak', 'Brennan', 'Yilmaz', 'Andersson', 'Klein'];
const organisations = ['Rivera Bakes', 'Lindenhof Yoga', 'Nordlicht Design', 'Green Door Café', 'Makers Hub', 'Altstadt Books', 'Kiez Kollektiv', 'Brightside Consulting', 'Fahrradwerk', null, null, null];
const tagPool = ['meetup', 'client', 'prospect', 'speaker', 'local', 'family', 'partner', 'volunteer'];
const sources = ['Mastodon', 'LinkedIn', 'a meetup', 'a friend', 'Bluesky', 'the website', null];
const platforms = ['mastodon', 'bluesky', 'linkedin', 'instagram', 'x'] as const;

type Touch = Pick<InteractionInput, 'channel' | 'kind' | 'direction'>;
const online: Touch[] = [
  { channel: 'mastodon', kind: 'reply', direction: 'in' }, { channel: 'mastodon', kind: 'mention', direction: 'out' },
  { channel: 'bluesky', kind: 'like', direction: 'in' }, { channel: 'linkedin', kind: 'comment', direction: 'in' },
  { channel: 'mastodon', kind: 'dm', direction: 'in' }, { channel: 'email', kind: 'email', direction: 'out' },
  { channel: 'instagram', kind: 'follow', direction: 'in' }, { channel: 'bluesky', kind: 'reply', direction: 'out' },
];
const offline: Touch[] = [
  { channel: 'phone', kind: 'call', direction: 'out' }, { channel: 'video', kind: 'call', direction: 'in' },
  { channel: 'in_person', kind: 'coffee', direction: 'out' }, { channel: 'event', kind: 'event_attended', direction: 'in' },
];

// Seeded, so every demo workspace is the same.
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

export async function createDemo(services: Services, options: { people: number; now: Date; email: string; password: string }) {
  const rand = random(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const started = await services.auth.setup({ workspaceName: 'Green Door Coaching (demo)', name: 'Demo Owner', email: options.email, password: options.password, timezone: 'Europe/Berlin' });
  const auth: Auth = { workspaceId: started.workspaceId, userId: started.user.id, role: 'owner', via: 'token' };
  const day = 24 * 3600 * 1000;
  let interactions = 0;
  const created: string[] = [];

  for (let i = 0; i < options.people; i++) {
    const first = pick(given);
    const last = pick(family);
    const slug = `${first}.${last}`.toLowerCase().normalize('NFKD').replace(/[^a-z.]/g, '');
    const platform = pick(platforms);
    const person: PersonInput = {
      name: `${first} ${last}`,
      givenName: first,
      familyName: last,
      emails: rand() < 0.5 ? [`${slug}${i}@example.org`] : [],
      phones: rand() < 0.25 ? [`+49 30 ${String(1_000_000 + i * 7919).slice(0, 7)}`] : [],
      handles: [{ platform, handle: platform === 'mastodon' ? `@${slug}${i}@social.example` : `${slug}${i}`, url: `https://${platform}.example/${slug}${i}` }],
      organisation: pick(organisations),
      tags: [...new Set([pick(tagPool), ...(rand() < 0.4 ? [pick(tagPool)] : [])])],
      source: pick(sources),
      introducedById: created.length > 10 && rand() < 0.1 ? pick(created) : null,
      isClient: rand() < 0.08,
    };
    const { id } = (await services.people.create(auth, PersonInput.parse(person))).person;
    created.push(id);

    // Most people stay online; some move to a call or a meeting, as the ladder intends.
    const touches = 1 + Math.floor(rand() * 9);
    for (let n = 0; n < touches; n++) {
      const touch = rand() < 0.12 ? pick(offline) : pick(online);
      const occurredAt = new Date(options.now.getTime() - Math.floor(rand() * 90 * day));
      await services.people.addInteraction(auth, id, {
        ...touch, occurredAt,
        durationMinutes: touch.kind === 'call' || touch.kind === 'coffee' ? 15 + Math.floor(rand() * 45) : null,
        note: null,
      });
      interactions++;
    }
  }
  return { people: created.length, interactions };
}
