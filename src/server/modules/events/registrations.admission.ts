import { randomBytes } from 'node:crypto';
import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import type { Tx } from '../../db/index.ts';
import { enqueueMails, type MailMessage } from '../../mail/index.ts';
import type { MailKind } from './events.mail.ts';
import type { EventsRepository, OccurrenceWithCounts, RegistrationRow } from './events.repository.ts';

export type Applicant = { email: string; name: string; source: string | null; locale: 'en' | 'de'; personId: string; checkInCode: string; suppressed: boolean };
export type Admitted = { status: 'confirmed' | 'waitlisted' | 'already'; position: number | null; manageToken: string | null };

type Deps = {
  repo: EventsRepository;
  clock: Clock;
  withLockedOccurrence: <T>(workspaceId: string, occurrenceId: string, work: (tx: Tx, current: OccurrenceWithCounts) => Promise<T>, read?: OccurrenceWithCounts) => Promise<T>;
  newCode: () => string;
  composeMail: (tx: Tx, kind: MailKind, registration: RegistrationRow, occurrence: OccurrenceWithCounts, name: string, extra: { position?: number | null; suppressed?: boolean }) => Promise<{ message: MailMessage; dedupeKey: string } | null>;
};
type Waiting = { applicant: Applicant; name: string; resolve: (result: Admitted) => void; reject: (error: unknown) => void };

const maxBatch = 500;

// Admission to an occurrence, in arrival order. Applicants who arrive while the occurrence is locked wait in
// this process and are admitted together by the next lock holder: one lock, one re-count, one insert for
// all of them. The lock (SELECT … FOR UPDATE) still orders them against every other process, and a
// process holds at most one database connection per occurrence while it waits for it.
export function createAdmission({ repo, clock, withLockedOccurrence, newCode, composeMail }: Deps) {
  const queues = new Map<string, Waiting[]>();

  async function admitBatch(occurrence: OccurrenceWithCounts, batch: Waiting[]): Promise<Admitted[]> {
    return withLockedOccurrence(occurrence.workspaceId, occurrence.id, async (tx, current) => {
      if (current.status === 'cancelled') throw new AppError('EVENT_CLOSED');
      const now = clock.now();
      const existing = new Map((await repo.registrationsByEmail(current.workspaceId, current.id, batch.map((w) => w.applicant.email), tx)).map((r) => [r.email, r]));
      // Re-counted under the lock: what every earlier holder committed is seen.
      let { holding, waiting } = await repo.countQueue(current.workspaceId, current.id, tx);
      const results: Admitted[] = [];
      const fresh: { index: number; values: Parameters<EventsRepository['insertRegistrations']>[0][number] }[] = [];
      const changed: { row: RegistrationRow; position: number | null; waiting: Waiting }[] = [];
      const seen = new Set<string>();
      for (const [index, item] of batch.entries()) {
        const { applicant } = item;
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
        const values = { personId: applicant.personId, name: applicant.name, source: applicant.source, locale: applicant.locale, status, updatedAt: now };
        if (prior) {
          // Back after cancelling: the same registration (UID, token), at the end of the queue.
          const row = await repo.updateRegistration(current.workspaceId, prior.id, { ...values, arrival: repo.nextArrival() as never, checkedInAt: null, sequence: prior.sequence + 1 }, tx);
          changed.push({ row, position, waiting: item });
          results[index] = { status, position, manageToken: row.manageToken };
        } else {
          fresh.push({ index, values: { ...values, workspaceId: current.workspaceId, occurrenceId: current.id, email: applicant.email, manageToken: randomBytes(24).toString('base64url'), checkInCode: applicant.checkInCode, createdAt: now } });
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
        changed.push({ row, position: results[index]!.position, waiting: batch[index]! });
      }
      // Every admitted applicant's email in one statement (suppression was asked before the lock: no query here).
      const mails = await Promise.all(changed.map(({ row, position, waiting: item }) =>
        composeMail(tx, row.status === 'confirmed' ? 'confirmed' : 'waitlisted', row, current, item.name, { position, suppressed: item.applicant.suppressed })));
      await enqueueMails(tx, current.workspaceId, mails.filter((m) => m !== null), { now });
      return results;
    }, occurrence);
  }

  async function drain(occurrence: OccurrenceWithCounts) {
    const queue = queues.get(occurrence.id)!;
    while (queue.length) {
      const batch = queue.splice(0, maxBatch);
      try {
        const results = await admitBatch(occurrence, batch);
        batch.forEach((item, i) => item.resolve(results[i]!));
      } catch (error) {
        for (const item of batch) item.reject(error);
      }
    }
    queues.delete(occurrence.id);
  }

  return {
    admit(occurrence: OccurrenceWithCounts, name: string, applicant: Applicant): Promise<Admitted> {
      return new Promise((resolve, reject) => {
        const queue = queues.get(occurrence.id);
        if (queue) {
          queue.push({ applicant, name, resolve, reject });
          return;
        }
        queues.set(occurrence.id, [{ applicant, name, resolve, reject }]);
        void drain(occurrence);
      });
    },
  };
}
