import { stringify } from 'csv-stringify/sync';
import ICAL from 'ical.js';
import type { Db } from '../../db/index.ts';
import { requireRole, type Auth } from '../auth/index.ts';
import { ladderSteps } from './ladder.ts';
import { createPeopleRepository, type PersonRow } from './people.repository.ts';

// Open formats anyone can take elsewhere: CSV per entity, and vCard 4 of people.
export function createPeopleExport({ db }: { db: Db }) {
  const repo = createPeopleRepository(db);

  async function* allPeople(workspaceId: string): AsyncGenerator<PersonRow[]> {
    let after: string | undefined;
    for (;;) {
      const ids = await repo.idsAfter(workspaceId, after, 2000);
      if (!ids.length) return;
      yield (await repo.getMany(workspaceId, ids)).sort((a, b) => a.sortName.localeCompare(b.sortName) || a.id.localeCompare(b.id));
      after = ids.at(-1);
    }
  }

  return {
    async peopleCsv(auth: Auth): Promise<string> {
      requireRole(auth, 'viewer');
      const rows: unknown[][] = [['id', 'name', 'given_name', 'family_name', 'emails', 'phones', 'handles', 'organisation', 'tags', 'source', 'introduced_by_id', 'ladder', 'client', 'friend', 'cadence_days', 'notes', 'last_interaction_at', 'created_at']];
      for await (const page of allPeople(auth.workspaceId)) {
        for (const p of page) {
          rows.push([p.id, p.name, p.givenName, p.familyName, p.emails.join(' '), p.phones.join(' ; '), p.handles.map((h) => `${h.platform}:${h.handle}`).join(' '),
            p.organisation, p.tags.join(', '), p.source, p.introducedById, ladderSteps[p.ladderStep], p.isClient, p.isFriend, p.cadenceDays, p.notes,
            p.lastInteractionAt?.toISOString() ?? '', p.createdAt.toISOString()]);
        }
      }
      return stringify(rows, { cast: { boolean: (v) => (v ? 'yes' : 'no') } });
    },

    async interactionsCsv(auth: Auth): Promise<string> {
      requireRole(auth, 'viewer');
      const rows: unknown[][] = [['id', 'person_id', 'person_name', 'occurred_at', 'channel', 'kind', 'direction', 'duration_minutes', 'note']];
      for await (const page of allPeople(auth.workspaceId)) {
        for (const person of page) {
          for (const i of await repo.listInteractions(auth.workspaceId, person.id, null, 1_000_000)) {
            rows.push([i.id, person.id, person.name, i.occurredAt.toISOString(), i.channel, i.kind, i.direction, i.durationMinutes, i.note]);
          }
        }
      }
      return stringify(rows);
    },

    async vcards(auth: Auth): Promise<string> {
      requireRole(auth, 'viewer');
      const cards: string[] = [];
      for await (const page of allPeople(auth.workspaceId)) {
        for (const p of page) {
          const card = new ICAL.Component('vcard');
          card.addPropertyWithValue('version', '4.0');
          card.addPropertyWithValue('uid', `urn:uuid:${p.id}`);
          card.addPropertyWithValue('fn', p.name);
          const n = new ICAL.Property('n');
          n.setValue([p.familyName ?? '', p.givenName ?? '', '', '', ''] as never);
          card.addProperty(n);
          for (const email of p.emails) card.addPropertyWithValue('email', email);
          for (const phone of p.phones) card.addPropertyWithValue('tel', phone);
          if (p.organisation) card.addPropertyWithValue('org', p.organisation);
          for (const h of p.handles) {
            const social = card.addPropertyWithValue('x-socialprofile', h.url ?? h.handle);
            social.setParameter('type', h.platform);
          }
          if (p.tags.length) {
            const categories = new ICAL.Property('categories');
            categories.setValues(p.tags);
            card.addProperty(categories);
          }
          if (p.notes) card.addPropertyWithValue('note', p.notes);
          cards.push(card.toString());
        }
      }
      return cards.map((c) => c.replace(/\r?\n/g, '\r\n') + '\r\n').join('');
    },
  };
}

export type PeopleExport = ReturnType<typeof createPeopleExport>;
