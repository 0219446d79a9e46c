import { randomBytes } from 'node:crypto';
import type { Clock } from '../../core/clock.ts';
import { createBatcher } from '../../core/batcher.ts';
import { AppError } from '../../core/errors.ts';
import type { Tx } from '../../db/index.ts';
import { enqueueMails, type MailMessage } from '../../mail/index.ts';
import type { ConsentService } from '../audience/index.ts';
import type { PeopleService } from '../people/index.ts';
import type { MailKind } from './events.mail.ts';
import type { EventsRepository, OccurrenceDetails, RegistrationRow } from './events.repository.ts';

// One submission of the public form, as the route checked it.
export type Applicant = {
  email: string; name: string; source: string | null; locale: 'en' | 'de'; checkInCode: string;
  consent: { wording: string; wordingVersion: string; form: string; ip: string | null; userAgent: string | null } | null;
};
export type Admitted = { status: 'confirmed' | 'waitlisted' | 'already'; position: number | null; manageToken: string | null };

type Deps = {
  repo: EventsRepository;
  clock: Clock;
  people: Pick<PeopleService, 'ensureByEmail' | 'logInteractions'>;
  consent: Pick<ConsentService, 'suppressedAmong' | 'recordMany'>;
  withLockedOccurrence: <T>(workspaceId: string, occurrenceId: string, work: (tx: Tx, current: OccurrenceDetails) => Promise<T>) => Promise<T>;
  workspaceName: (workspaceId: string) => Promise<string>;
  newCode: () => string;
  // The line on the person's timeline ("Sold out meetup, 14 March 19:00: waitlisted").
  timelineNote: (occurrence: OccurrenceDetails, status: 'confirmed' | 'waitlisted') => string;
  composeMail: (tx: Tx, kind: MailKind, registration: RegistrationRow, occurrence: OccurrenceDetails, name: string, extra: { position?: number | null; suppressed?: boolean }) => Promise<{ message: MailMessage; dedupeKey: string } | null>;
};


// The timeline line of a registration, as the person's touch facts count it.
const registeredTouch = (occurredAt: Date) => ({ channel: 'event' as const, kind: 'event_registered' as const, direction: 'in' as const, occurredAt });

// Admission to an occurrence, in arrival order. Applicants who arrive while the occurrence is locked wait in
// this process (createBatcher, one queue per occurrence) and are admitted together by the next lock holder, in one transaction: their people found or
// added, one re-count, one insert of registrations, their timeline lines, consents and emails — a few
// statements for the whole batch. The lock (SELECT … FOR UPDATE) still orders them against every other
// process, and a process holds at most one database connection per occurrence while it waits for it.
export function createAdmission({ repo, clock, people, consent, withLockedOccurrence, workspaceName, newCode, timelineNote, composeMail }: Deps) {
  // One queue per occurrence this process has taken registrations for (a few a month).
  const queues = new Map<string, (applicant: Applicant) => Promise<Admitted>>();

  async function admitBatch(occurrence: { workspaceId: string; id: string }, applicants: Applicant[]): Promise<Admitted[]> {
    const name = await workspaceName(occurrence.workspaceId);
    return withLockedOccurrence(occurrence.workspaceId, occurrence.id, async (tx, current) => {
      if (current.status === 'cancelled' || current.endsAt <= clock.now()) throw new AppError('EVENT_CLOSED');
      const now = clock.now();
      const { workspaceId } = current;
      const emails = applicants.map((a) => a.email);
      const existing = new Map((await repo.registrationsByEmail(workspaceId, current.id, emails, tx)).map((r) => [r.email, r]));
      // Who gets a registration (and so a line on their timeline) below: the first of an address, unless it holds one already.
      const firstOf = new Map<string, number>();
      emails.forEach((email, index) => { if (!firstOf.has(email)) firstOf.set(email, index); });
      const admitted = (index: number) => firstOf.get(emails[index]!) === index && (existing.get(emails[index]!)?.status ?? 'cancelled') === 'cancelled';
      // Everyone's person, even a repeat registration's: what the form said joins their record.
      const { ids: personIds, current: freshWithTouch } = await people.ensureByEmail(tx, workspaceId, applicants.map((a, index) => ({
        email: a.email, name: a.name, source: a.source, locale: a.locale, ...(admitted(index) ? { touch: registeredTouch(now) } : {}),
      })));
      const suppressed = await consent.suppressedAmong(workspaceId, emails, tx);
      // Re-counted under the lock: what every earlier holder committed is seen.
      let { holding, waiting } = await repo.countQueue(workspaceId, current.id, tx);
      const results: Admitted[] = [];
      const fresh: { index: number; values: Parameters<EventsRepository['insertRegistrations']>[0][number] }[] = [];
      const changed: { row: RegistrationRow; position: number | null; index: number }[] = [];
      const seen = new Set<string>();
      for (const [index, applicant] of applicants.entries()) {
        const prior = existing.get(applicant.email);
        if (seen.has(applicant.email) || (prior && prior.status !== 'cancelled')) {
          results[index] = { status: 'already', position: null, manageToken: null };
          continue;
        }
        seen.add(applicant.email);
        const status = holding < current.capacity ? 'confirmed' as const : 'waitlisted' as const;
        if (status === 'confirmed') holding++;
        else waiting++;
        const position = status === 'waitlisted' ? waiting : null;
        const values = { personId: personIds[index]!, name: applicant.name, source: applicant.source, locale: applicant.locale, status, updatedAt: now };
        if (prior) {
          // Back after cancelling: the same registration (UID, token), at the end of the queue.
          const row = await repo.updateRegistration(workspaceId, prior.id, { ...values, arrival: repo.nextArrival() as never, checkedInAt: null, sequence: prior.sequence + 1 }, tx);
          changed.push({ row, position, index });
          results[index] = { status, position, manageToken: row.manageToken };
        } else {
          fresh.push({ index, values: { ...values, workspaceId, occurrenceId: current.id, email: applicant.email, manageToken: randomBytes(24).toString('base64url'), checkInCode: applicant.checkInCode, createdAt: now } });
          results[index] = { status, position, manageToken: null };
        }
      }
      // A check-in code already taken at this occurrence (a one-in-a-billion draw) gets another.
      const rows = new Map<string, RegistrationRow>();
      for (let attempt = 0, left = fresh; left.length && attempt < 5; attempt++) {
        for (const row of await repo.insertRegistrations(left.map((f) => f.values), tx)) rows.set(row.email, row);
        left = left.filter((f) => !rows.has(f.values.email));
        for (const f of left) f.values = { ...f.values, checkInCode: newCode(), manageToken: randomBytes(24).toString('base64url') };
      }
      for (const { index, values } of fresh) {
        const row = rows.get(values.email)!;
        results[index] = { ...results[index]!, manageToken: row.manageToken };
        changed.push({ row, position: results[index]!.position, index });
      }
      await people.logInteractions(tx, workspaceId, changed.map(({ row, index }) => ({
        personId: personIds[index]!, ...registeredTouch(now), note: timelineNote(current, row.status === 'confirmed' ? 'confirmed' : 'waitlisted'),
      })), freshWithTouch);
      // The updates box, ticked: express consent, with the words shown.
      await consent.recordMany(workspaceId, changed.flatMap(({ index }) => {
        const given = applicants[index]!.consent;
        return given ? [{ email: emails[index]!, personId: personIds[index]!, purpose: 'event_updates' as const, action: 'grant' as const, basis: 'express' as const, method: 'form' as const, ...given }] : [];
      }), tx);
      // Every admitted applicant's email in one statement.
      const mails = await Promise.all(changed.map(({ row, position, index }) =>
        composeMail(tx, row.status === 'confirmed' ? 'confirmed' : 'waitlisted', row, current, name, { position, suppressed: suppressed.has(emails[index]!) })));
      await enqueueMails(tx, workspaceId, mails.filter((m) => m !== null), { now });
      return results;
    });
  }

  return {
    // Only the occurrence's identity is taken from the caller: everything else is read under the lock.
    admit(occurrence: { workspaceId: string; id: string }, applicant: Applicant): Promise<Admitted> {
      let queue = queues.get(occurrence.id);
      if (!queue) {
        const { workspaceId, id } = occurrence;
        queue = createBatcher((applicants) => admitBatch({ workspaceId, id }, applicants), 500);
        queues.set(id, queue);
      }
      return queue(applicant);
    },
  };
}
