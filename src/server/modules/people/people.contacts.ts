import { randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock.ts';
import type { Tx } from '../../db/index.ts';
import { identityKeys } from './identity.ts';
import { mergeValues, sameValues } from './merge.ts';
import type { channels, interactionKinds } from './people.contract.ts';
import type { createPeopleRepository } from './people.repository.ts';
import { lockKeys, normalise, toValues } from './people.values.ts';

// What a public form (an RSVP, a sign-up) knows of the person behind it. `touch`: the interaction the
// caller is about to log for them (logInteractions), so a new person is written with its facts at once.
export type FormContact = {
  email: string; name: string; source: string | null; locale: 'en' | 'de' | null;
  touch?: { channel: FormInteraction['channel']; kind: FormInteraction['kind']; direction: 'in' | 'out'; occurredAt: Date };
};
export type FormInteraction = {
  personId: string; channel: (typeof channels)[number]; kind: (typeof interactionKinds)[number]; direction: 'in' | 'out'; occurredAt: Date; note: string;
};

// The public forms' way in, for many people at once and inside the caller's transaction (which
// already chose the workspace, so no role is asked): one round of key locks, one lookup, one insert
// for everyone new — as `create` would do for each, an exact duplicate merged into whoever has the email.
export function createFormContacts({ repo, clock }: { repo: ReturnType<typeof createPeopleRepository>; clock: Clock }) {
  return {
    // The person id of each contact, in order (the same email twice: the same person), and `current`:
    // the people added here with their touch, whose facts logging that interaction will not change.
    async ensureByEmail(tx: Tx, workspaceId: string, contacts: FormContact[]): Promise<{ ids: string[]; current: Set<string> }> {
      const wanted = new Map<string, ReturnType<typeof normalise>>();
      for (const contact of contacts) {
        const email = contact.email.trim().toLowerCase();
        if (wanted.has(email)) continue;
        wanted.set(email, normalise({
          name: contact.name || email, emails: [email], phones: [], handles: [], tags: [], isClient: false, isFriend: false, source: contact.source,
          notes: null, givenName: null, familyName: null, organisation: null, introducedById: null, timezone: null, locale: contact.locale, cadenceDays: null,
        }));
      }
      const keysOf = new Map([...wanted].map(([email, values]) => [email, identityKeys(values)]));
      const allKeys = [...new Set([...keysOf.values()].flat())];
      await lockKeys(tx, workspaceId, allKeys);
      // A burst of sign-ups grows these tables fast: plans made while they were small (the foreign-key
      // checks of every insert below among them) would scan them row by row. PGlite has no autovacuum.
      await repo.analyzeIfGrown(['people', 'person_keys', 'interactions'], tx);
      const owners = await repo.findKeys(workspaceId, allKeys, tx);
      const ids = new Map<string, string>();
      for (const [email, keys] of keysOf) {
        const owner = keys.map((k) => owners.get(k)).find(Boolean);
        if (owner) ids.set(email, owner);
      }
      const now = clock.now();
      // Known people keep what they have and gain what they lacked (a source, a locale).
      const known = await repo.getMany(workspaceId, [...new Set(ids.values())], tx);
      const changed = known.flatMap((row) => {
        const emails = [...wanted.keys()].filter((email) => ids.get(email) === row.id);
        const before = toValues(row);
        const after = emails.reduce((values, email) => mergeValues(values, wanted.get(email)!), before);
        return sameValues(before, after) ? [] : [{ ...after, id: row.id }];
      });
      await repo.updateMany(workspaceId, changed, now, tx);
      const fresh = [...wanted].filter(([email]) => !ids.has(email)).map(([email, values]) => {
        const id = randomUUID();
        ids.set(email, id);
        return { ...values, id, createdAt: now, updatedAt: now };
      });
      // Written with the facts of the interaction to come: logging it then finds them current and leaves the
      // row alone (an update of a person rewrites every index of people, most of a burst's database time).
      const touches = new Map(contacts.flatMap((c) => (c.touch ? [[c.email.trim().toLowerCase(), c.touch] as const] : [])));
      await repo.insertMany(workspaceId, fresh, tx, fresh.flatMap((person) => {
        const touch = touches.get(person.emails[0]!);
        return touch ? [{ ...touch, personId: person.id }] : [];
      }));
      await repo.insertKeys(workspaceId, fresh.flatMap((person) => keysOf.get(person.emails[0]!)!.map((key) => ({ key, personId: person.id }))), tx);
      return {
        ids: contacts.map((contact) => ids.get(contact.email.trim().toLowerCase())!),
        current: new Set(fresh.filter((person) => touches.has(person.emails[0]!)).map((person) => person.id)),
      };
    },

    // Interactions the forms record (registered for an event, asked a question), with the ladder and touch facts kept current.
    // `current`: people whose facts already count their one interaction here (ensureByEmail's), left alone:
    // deriving a burst's new people's facts again took as long as writing them.
    async logInteractions(tx: Tx, workspaceId: string, items: FormInteraction[], current: ReadonlySet<string> = new Set()): Promise<void> {
      if (!items.length) return;
      await repo.insertInteractions(workspaceId, items.map((item) => ({ ...item, durationMinutes: null })), clock.now(), tx);
      const counts = new Map<string, number>();
      for (const { personId } of items) counts.set(personId, (counts.get(personId) ?? 0) + 1);
      await repo.refreshTouches(workspaceId, [...counts].filter(([id, n]) => !(current.has(id) && n === 1)).map(([id]) => id), tx);
    },
  };
}

export type FormContacts = ReturnType<typeof createFormContacts>;
