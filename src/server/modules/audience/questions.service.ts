import { and, asc, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import type { Db } from '../../db/index.ts';
import { enqueueMail } from '../../mail/index.ts';
import { publicActor, requireRole, type Auth, type AuthService } from '../auth/index.ts';
import type { WorkspacesService } from '../workspaces/index.ts';
import type { PeopleService } from '../people/index.ts';
import { addMonths, impliedInquiryMonths } from './consent.rules.ts';
import type { ConsentService } from './consent.service.ts';
import { questions } from './questions.table.ts';
import type { SubscribeService } from './subscribe.service.ts';

type Deps = { db: Db; clock: Clock; people: PeopleService; consent: ConsentService; subscribe: SubscribeService; members: AuthService; workspaces: WorkspacesService };
export type QuestionRow = typeof questions.$inferSelect;

// "Ask us anything": a question becomes a person's timeline entry and waits for a person's answer.
export function createQuestionsService({ db, clock, people, consent, subscribe, members, workspaces }: Deps) {
  people.onMerge(async (tx, workspaceId, from, to) => {
    await tx.update(questions).set({ personId: to }).where(and(eq(questions.workspaceId, workspaceId), eq(questions.personId, from)));
  });

  async function requireQuestion(auth: Auth, id: string): Promise<QuestionRow> {
    const [row] = await db.select().from(questions).where(and(eq(questions.workspaceId, auth.workspaceId), eq(questions.id, id)));
    if (!row) throw new AppError('NOT_FOUND', 'No such question.');
    return row;
  }

  return {
    // The public form: the asker is found or added by email, the question joins their timeline, and the
    // inquiry implies consent for six months (CASL). The newsletter box asks for express consent by double opt-in.
    async ask(workspace: { id: string; name: string }, input: { name: string; email: string; question: string; newsletter: boolean; locale: 'en' | 'de'; ip: string | null; userAgent: string | null }) {
      const actor = publicActor(workspace.id);
      const now = clock.now();
      const { person } = await people.create(actor, { name: input.name, emails: [input.email], phones: [], handles: [], tags: [], isClient: false, isFriend: false, source: null, notes: null, givenName: null, familyName: null, organisation: null, introducedById: null, timezone: null, locale: input.locale, cadenceDays: null });
      await people.addInteraction(actor, person.id, { channel: 'form', kind: 'question', direction: 'in', occurredAt: now, durationMinutes: null, note: input.question });
      const [row] = await db.insert(questions).values({ workspaceId: workspace.id, personId: person.id, name: input.name, email: input.email.trim().toLowerCase(), body: input.question, createdAt: now }).returning();
      await consent.record(workspace.id, { email: input.email, personId: person.id, purpose: 'newsletter', action: 'grant', basis: 'implied', expiresAt: addMonths(now, impliedInquiryMonths), method: 'form', form: 'ask', ip: input.ip, userAgent: input.userAgent });
      if (input.newsletter) await subscribe.request({ workspaceId: workspace.id, workspaceName: workspace.name, email: input.email, locale: input.locale, ip: input.ip, userAgent: input.userAgent });
      return row!;
    },

    async list(auth: Auth, status: 'open' | 'answered') {
      requireRole(auth, 'viewer');
      return db.select().from(questions)
        .where(and(eq(questions.workspaceId, auth.workspaceId), status === 'open' ? isNull(questions.answeredAt) : isNotNull(questions.answeredAt)))
        .orderBy(status === 'open' ? asc(questions.createdAt) : desc(questions.answeredAt)).limit(200);
    },

    async assign(auth: Auth, id: string, userId: string | null): Promise<QuestionRow> {
      requireRole(auth, 'editor');
      await requireQuestion(auth, id);
      // Only a member of this workspace can be assigned (a user id of another workspace was taken as is).
      if (userId && !(await members.listMembers(auth)).some((m) => m.id === userId)) throw new AppError('NOT_FOUND', 'No such member in this workspace.');
      const [row] = await db.update(questions).set({ assignedTo: userId }).where(and(eq(questions.workspaceId, auth.workspaceId), eq(questions.id, id))).returning();
      return row!;
    },

    // A person writes the answer; Onland sends it (a reply to their own question needs no consent) and logs it.
    async answer(auth: Auth, id: string, answer: string): Promise<QuestionRow> {
      requireRole(auth, 'editor');
      const question = await requireQuestion(auth, id);
      const [member, workspace] = await Promise.all([members.me(auth), workspaces.get(auth)]);
      if (question.answeredAt) throw new AppError('ALREADY_ANSWERED');
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const [updated] = await tx.update(questions).set({ answer, answeredBy: auth.userId, answeredAt: now })
          .where(and(eq(questions.workspaceId, auth.workspaceId), eq(questions.id, id), isNull(questions.answeredAt))).returning();
        if (!updated) throw new AppError('ALREADY_ANSWERED');
        await enqueueMail(tx, auth.workspaceId, {
          to: question.email, replyTo: member.email, subject: `Re: your question to ${workspace.name}`,
          text: `${answer}\n\n${member.name}, ${workspace.name}\n\n> ${question.body.split('\n').join('\n> ')}\n`,
        }, { dedupeKey: `answer:${question.id}`, now });
        return updated;
      });
      await people.addInteraction(auth, question.personId, { channel: 'email', kind: 'email', direction: 'out', occurredAt: now, durationMinutes: null, note: answer });
      return row;
    },
  };
}

export type QuestionsService = ReturnType<typeof createQuestionsService>;
