import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/index.ts';
import { cancelQueuedMail } from '../../mail/index.ts';
import { requireRole, type Auth } from '../auth/index.ts';
import type { NudgesService, PeopleService } from '../people/index.ts';
import type { ConsentService } from './consent.service.ts';
import { questions } from './questions.table.ts';

type Deps = { db: Db; people: PeopleService; nudges: NudgesService; consent: ConsentService };

// A person's rights (GDPR Art. 15, 17): everything about them in one file, and erasure.
export function createRightsService({ db, people, nudges, consent }: Deps) {
  return {
    async export(auth: Auth, personId: string) {
      requireRole(auth, 'owner');
      const person = await people.get(auth, personId);
      const interactions = [];
      let cursor: string | undefined;
      do {
        const page = await people.listInteractions(auth, personId, { cursor, limit: 200 });
        interactions.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return {
        exportedAt: new Date().toISOString(),
        person,
        interactions,
        plans: await nudges.listPlans(auth, { personId, from: new Date('1970-01-01T00:00:00Z'), to: new Date('9999-12-31T00:00:00Z') }),
        questions: await db.select().from(questions).where(and(eq(questions.workspaceId, auth.workspaceId), eq(questions.personId, personId))),
        consent: await Promise.all(person.emails.map((email) => consent.lookup(auth, email))),
      };
    },

    // Erasure: the person and everything about them go; each address stays only as a hash on the
    // suppression list, so it is never mailed again, and mail still queued to it is cancelled.
    async erase(auth: Auth, personId: string): Promise<void> {
      requireRole(auth, 'owner');
      const person = await people.get(auth, personId);
      for (const email of person.emails) {
        await consent.erase(auth, email);
        await cancelQueuedMail(db, auth.workspaceId, email);
      }
      await people.remove(auth, personId);
    },
  };
}

export type RightsService = ReturnType<typeof createRightsService>;
