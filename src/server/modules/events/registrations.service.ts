import { randomBytes, randomUUID } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import type { Clock } from '../../core/clock.ts';
import { AppError, isAppError } from '../../core/errors.ts';
import type { Db, Tx } from '../../db/index.ts';
import { enqueueMail } from '../../mail/index.ts';
import type { ConsentService } from '../audience/index.ts';
import { publicActor, requireRole, type Auth } from '../auth/index.ts';
import type { PeopleService } from '../people/index.ts';
import type { WorkspacesService } from '../workspaces/index.ts';
import type { OccurrencePatch, Registration, messageGroups } from './events.contract.ts';
import { formatWhen, organiserMessage, registrationMail, type MailKind } from './events.mail.ts';
import { createAdmission } from './registrations.admission.ts';
import { createEventsRepository, type OccurrenceRow, type OccurrenceDetails, type RegistrationRow, type RegistrationStatus } from './events.repository.ts';

type Deps = { db: Db; clock: Clock; people: PeopleService; consent: ConsentService; workspaces: WorkspacesService; publicUrl: string };
type Locale = 'en' | 'de';
export type PublicRegistrationInput = { name: string; email: string; source: string | null; consent: boolean; locale: Locale; ip: string | null; userAgent: string | null };
export type RegisterResult = { status: 'confirmed' | 'waitlisted' | 'already'; position: number | null; manageToken: string | null };

// The words next to the updates box, recorded with the consent exactly as shown.
export const eventUpdatesWording = {
  en: { version: 'event-updates-en-1', text: 'Yes, email me about future meetups and event updates. I can unsubscribe at any time with one click.' },
  de: { version: 'event-updates-de-1', text: 'Ja, schickt mir E-Mails zu künftigen Treffen und Veranstaltungen. Ich kann mich jederzeit mit einem Klick abmelden.' },
} as const;

// Short codes for the door: no 0/O or 1/I to confuse.
const codeAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function checkInCode(): string {
  return [...randomBytes(6)].map((b) => codeAlphabet[b % codeAlphabet.length]).join('');
}

const groupStatuses: Record<(typeof messageGroups)[number], RegistrationStatus[]> = { confirmed: ['confirmed', 'attended'], waitlisted: ['waitlisted'], attended: ['attended'] };
const day = 24 * 3600 * 1000;
type MailExtra = { position?: number | null; attending?: boolean; suppressed?: boolean };

export function toRegistration(row: RegistrationRow, position: number | null = null): Registration {
  return {
    id: row.id, occurrenceId: row.occurrenceId, personId: row.personId, name: row.name, email: row.email, source: row.source, status: row.status,
    position, checkInCode: row.checkInCode, checkedInAt: row.checkedInAt, createdAt: row.createdAt,
  };
}

// Registrations: capacity, waitlist, promotion, check-in and their emails. Every change to an occurrence's
// registrations first locks the occurrence's row (SELECT … FOR UPDATE), then re-counts inside the
// transaction: one at a time per occurrence, in every process on the database, so it never oversells.
export function createRegistrationsService({ db, clock, people, consent, workspaces, publicUrl }: Deps) {
  const repo = createEventsRepository(db);
  people.onMerge((tx, workspaceId, from, to) => repo.movePerson(workspaceId, from, to, tx));

  const workspaceName = async (workspaceId: string) => (await workspaces.get(publicActor(workspaceId))).name;

  // Transactional mail (an answer to their own action; no newsletter consent needed), never to a suppressed address.
  async function composeMail(tx: Tx | Db, kind: MailKind, registration: RegistrationRow, occurrence: OccurrenceDetails, name: string, extra: MailExtra = {}) {
    if (extra.suppressed ?? await consent.isSuppressed(registration.workspaceId, registration.email, tx)) return null;
    const attending = extra.attending ?? (registration.status === 'confirmed' || registration.status === 'attended');
    const sequence = registration.sequence + occurrence.sequence;
    const message = await registrationMail(kind, { ...registration, sequence }, {
      workspaceName: name, publicUrl, timezone: occurrence.timezone, occurrence, position: extra.position,
    }, { attending });
    return { message, dedupeKey: `event:${kind}:${registration.id}:${sequence}:${occurrence.startsAt.getTime()}` };
  }
  async function queueMail(tx: Tx | Db, kind: MailKind, registration: RegistrationRow, occurrence: OccurrenceDetails, name: string, extra: MailExtra = {}): Promise<boolean> {
    const mail = await composeMail(tx, kind, registration, occurrence, name, extra);
    return mail ? enqueueMail(tx, registration.workspaceId, mail.message, { dedupeKey: mail.dedupeKey, now: clock.now() }) : false;
  }

  // Fills free places from the waitlist, first come first served, and tells each promoted person.
  async function promote(tx: Tx, occurrence: OccurrenceDetails, name: string): Promise<number> {
    let promoted = 0;
    let holding = await repo.countHolding(occurrence.workspaceId, occurrence.id, tx);
    while (holding < occurrence.capacity) {
      const next = await repo.firstWaitlisted(occurrence.workspaceId, occurrence.id, tx);
      if (!next) break;
      const row = await repo.updateRegistration(next.workspaceId, next.id, { status: 'confirmed', sequence: next.sequence + 1, updatedAt: clock.now() }, tx);
      await queueMail(tx, 'promoted', row, occurrence, name);
      holding++;
      promoted++;
    }
    return promoted;
  }

  // Runs `work` with the occurrence locked; `current` is its row as locked, with the series' zone.
  async function withLockedOccurrence<T>(workspaceId: string, occurrenceId: string, work: (tx: Tx, current: OccurrenceDetails) => Promise<T>): Promise<T> {
    return db.transaction(async (tx) => {
      const current = await repo.lockOccurrence(workspaceId, occurrenceId, tx);
      if (!current) throw new AppError('NOT_FOUND', 'No such occurrence.');
      return work(tx, current);
    });
  }

  const admission = createAdmission({
    repo, clock, people, consent, withLockedOccurrence, workspaceName, newCode: checkInCode, composeMail,
    timelineNote: (occurrence, status) => `${occurrence.title}, ${formatWhen(occurrence.startsAt, occurrence.timezone, 'en')}: ${status}`,
  });

  async function logInteraction(auth: Auth, personId: string | null, input: { kind: 'event_registered' | 'event_attended'; occurredAt: Date; note: string }) {
    if (!personId) return;
    try {
      await people.addInteraction(auth, personId, { channel: 'event', kind: input.kind, direction: 'in', occurredAt: input.occurredAt, durationMinutes: null, note: input.note });
    } catch (error) {
      // The person was deleted since: the registration stands without them.
      if (!isAppError(error) || error.code !== 'NOT_FOUND') throw error;
    }
  }

  async function cancel(workspaceId: string, registrationId: string): Promise<RegistrationRow> {
    const existing = await repo.registration(workspaceId, registrationId);
    if (!existing) throw new AppError('NOT_FOUND', 'No such registration.');
    const name = await workspaceName(workspaceId);
    return withLockedOccurrence(workspaceId, existing.occurrenceId, async (tx, occurrence) => {
      const current = (await repo.registration(workspaceId, registrationId, tx))!;
      if (current.status !== 'confirmed' && current.status !== 'waitlisted') return current;
      const row = await repo.updateRegistration(workspaceId, current.id, { status: 'cancelled', sequence: current.sequence + 1, updatedAt: clock.now() }, tx);
      await queueMail(tx, 'cancelled', row, occurrence, name, { attending: current.status === 'confirmed' });
      if (current.status === 'confirmed') await promote(tx, occurrence, name);
      return row;
    });
  }

  async function requireRegistration(auth: Auth, occurrenceId: string, id: string) {
    const row = await repo.registration(auth.workspaceId, id);
    if (!row || row.occurrenceId !== occurrenceId) throw new AppError('NOT_FOUND', 'No such registration for this occurrence.', [{ path: 'body.registrationId', message: 'Unknown' }]);
    return row;
  }

  return {
    // The public form. The person is found or added by email; the same email twice is one registration.
    // `known`: the occurrence as the form's route found it, perhaps a moment ago; only its identity is used
    // (and its status, to refuse early): admission reads it again under the lock.
    async register(slug: string, input: PublicRegistrationInput, known?: OccurrenceDetails): Promise<RegisterResult> {
      const occurrence = known ?? await repo.occurrenceBySlug(slug);
      if (!occurrence) throw new AppError('NOT_FOUND', 'No such event.');
      if (occurrence.status === 'cancelled' || occurrence.endsAt <= clock.now()) throw new AppError('EVENT_CLOSED');
      const email = input.email.trim().toLowerCase();
      const wording = eventUpdatesWording[input.locale];
      return admission.admit(occurrence, {
        email, name: input.name || email, source: input.source, locale: input.locale, checkInCode: checkInCode(),
        consent: input.consent ? { wording: wording.text, wordingVersion: wording.version, form: `event:${slug}`, ip: input.ip, userAgent: input.userAgent } : null,
      });
    },

    // The manage page (from the email's link).
    async byToken(token: string) {
      const row = await repo.registrationByToken(token);
      if (!row) return null;
      const occurrence = (await repo.occurrence(row.workspaceId, row.occurrenceId))!;
      const position = row.status === 'waitlisted' ? await repo.waitlistPosition(row.workspaceId, row.occurrenceId, row.arrival) : null;
      return { registration: toRegistration(row, position), occurrence };
    },

    async cancelByToken(token: string): Promise<boolean> {
      const row = await repo.registrationByToken(token);
      if (!row) return false;
      await cancel(row.workspaceId, row.id);
      return true;
    },

    async cancelByOrganiser(auth: Auth, occurrenceId: string, id: string): Promise<Registration> {
      requireRole(auth, 'editor');
      await requireRegistration(auth, occurrenceId, id);
      return toRegistration(await cancel(auth.workspaceId, id));
    },

    async list(auth: Auth, occurrenceId: string, q?: string) {
      requireRole(auth, 'viewer');
      if (!(await repo.occurrence(auth.workspaceId, occurrenceId))) throw new AppError('NOT_FOUND', 'No such occurrence.');
      const needle = q?.toLowerCase();
      const rows = (await repo.registrations(auth.workspaceId, occurrenceId))
        .filter((r) => !needle || r.name.toLowerCase().includes(needle) || r.email.includes(needle) || r.checkInCode.toLowerCase() === needle);
      const waitlist = rows.filter((r) => r.status === 'waitlisted');
      return {
        confirmed: rows.filter((r) => r.status === 'confirmed' || r.status === 'attended').map((r) => toRegistration(r)),
        waitlist: waitlist.map((r, i) => toRegistration(r, needle ? null : i + 1)),
        cancelled: rows.filter((r) => r.status === 'cancelled').map((r) => toRegistration(r)),
        noShow: rows.filter((r) => r.status === 'no_show').map((r) => toRegistration(r)),
      };
    },

    async csv(auth: Auth, occurrenceId: string): Promise<string> {
      requireRole(auth, 'viewer');
      const occurrence = await repo.occurrence(auth.workspaceId, occurrenceId);
      if (!occurrence) throw new AppError('NOT_FOUND', 'No such occurrence.');
      const rows = await repo.registrations(auth.workspaceId, occurrenceId);
      return stringify(rows.map((r) => [r.name, r.email, r.status, r.source ?? '', r.checkInCode, r.createdAt.toISOString(), r.checkedInAt?.toISOString() ?? '']),
        { header: true, columns: ['name', 'email', 'status', 'source', 'check_in_code', 'registered_at', 'checked_in_at'] });
    },

    // At the door: by the tapped row or the code (typed or scanned). Attending makes them Met on the ladder.
    async checkIn(auth: Auth, occurrenceId: string, input: { registrationId?: string; code?: string }): Promise<Registration> {
      requireRole(auth, 'editor');
      const now = clock.now();
      const { row, changed, title } = await withLockedOccurrence(auth.workspaceId, occurrenceId, async (tx, occurrence) => {
        const found = input.registrationId
          ? await repo.registration(auth.workspaceId, input.registrationId, tx)
          : await repo.registrationByCode(auth.workspaceId, occurrenceId, input.code ?? '', tx);
        if (!found || found.occurrenceId !== occurrenceId) throw new AppError('NOT_FOUND', 'Nobody with this registration or code at this occurrence.', [{ path: input.registrationId ? 'body.registrationId' : 'body.code', message: 'Unknown' }]);
        if (found.status === 'attended') return { row: found, changed: false, title: occurrence.title };
        if (found.status !== 'confirmed' && found.status !== 'no_show') throw new AppError('NOT_CONFIRMED', `This registration is ${found.status}.`);
        return { row: await repo.updateRegistration(auth.workspaceId, found.id, { status: 'attended', checkedInAt: now, updatedAt: now }, tx), changed: true, title: occurrence.title };
      });
      if (changed) await logInteraction(auth, row.personId, { kind: 'event_attended', occurredAt: now, note: title });
      return toRegistration(row);
    },

    async message(auth: Auth, occurrenceId: string, input: { group: (typeof messageGroups)[number]; subject: string; body: string }): Promise<{ queued: number }> {
      requireRole(auth, 'editor');
      const occurrence = await repo.occurrence(auth.workspaceId, occurrenceId);
      if (!occurrence) throw new AppError('NOT_FOUND', 'No such occurrence.');
      const name = await workspaceName(auth.workspaceId);
      const id = randomUUID();
      return db.transaction(async (tx) => {
        let queued = 0;
        for (const row of await repo.registrations(auth.workspaceId, occurrenceId, groupStatuses[input.group], tx)) {
          if (await consent.isSuppressed(auth.workspaceId, row.email, tx)) continue;
          if (await enqueueMail(tx, auth.workspaceId, organiserMessage(row, input, { workspaceName: name, publicUrl }), { dedupeKey: `event-message:${id}:${row.id}`, now: clock.now() })) queued++;
        }
        return { queued };
      });
    },

    // An occurrence edited on its own: a new time or place is a new SEQUENCE and a notice; more places promote the waitlist.
    async changeOccurrence(auth: Auth, occurrenceId: string, patch: OccurrencePatch) {
      requireRole(auth, 'editor');
      const name = await workspaceName(auth.workspaceId);
      await withLockedOccurrence(auth.workspaceId, occurrenceId, async (tx, current) => {
        const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<OccurrenceRow>;
        const moved = (['venue', 'address', 'onlineUrl'] as const).some((k) => k in defined && defined[k] !== current[k])
          || (defined.startsAt && defined.startsAt.getTime() !== current.startsAt.getTime()) || (defined.endsAt && defined.endsAt.getTime() !== current.endsAt.getTime());
        const row = await repo.updateOccurrence(auth.workspaceId, occurrenceId, { ...defined, detached: true, sequence: current.sequence + (moved ? 1 : 0) }, tx);
        const updated = { ...current, ...row };
        if (moved) {
          for (const registration of await repo.registrations(auth.workspaceId, occurrenceId, ['confirmed', 'waitlisted'], tx)) await queueMail(tx, 'moved', registration, updated, name);
        }
        if (row.capacity > current.capacity) await promote(tx, updated, name);
      });
    },

    async cancelOccurrence(auth: Auth, occurrenceId: string) {
      requireRole(auth, 'editor');
      const name = await workspaceName(auth.workspaceId);
      await withLockedOccurrence(auth.workspaceId, occurrenceId, async (tx, current) => {
        if (current.status === 'cancelled') return;
        const row = await repo.updateOccurrence(auth.workspaceId, occurrenceId, { status: 'cancelled', detached: true, sequence: current.sequence + 1 }, tx);
        for (const registration of await repo.registrations(auth.workspaceId, occurrenceId, ['confirmed', 'waitlisted'], tx)) {
          await queueMail(tx, 'occurrence_cancelled', registration, { ...current, ...row }, name);
        }
      });
    },

    // Jobs, across workspaces; each is idempotent (dedupe keys, conditional updates), so any number of workers may run them.
    async sendReminders(): Promise<number> {
      const now = clock.now();
      let queued = 0;
      for (const occurrence of await repo.dueOccurrences(now, new Date(now.getTime() + day))) {
        const full = (await repo.occurrence(occurrence.workspaceId, occurrence.id))!;
        const name = await workspaceName(occurrence.workspaceId);
        // Who registered in the last day has just had the confirmation.
        const rows = (await repo.registrations(occurrence.workspaceId, occurrence.id, ['confirmed'])).filter((r) => r.createdAt.getTime() <= occurrence.startsAt.getTime() - day);
        for (const row of rows) if (await queueMail(db, 'reminder', row, full, name)) queued++;
      }
      return queued;
    },

    async sendFollowUps(): Promise<number> {
      const now = clock.now();
      let queued = 0;
      for (const occurrence of await repo.endedOccurrences(new Date(now.getTime() - 3 * day), now)) {
        const full = (await repo.occurrence(occurrence.workspaceId, occurrence.id))!;
        const name = await workspaceName(occurrence.workspaceId);
        for (const row of await repo.registrations(occurrence.workspaceId, occurrence.id, ['attended'])) if (await queueMail(db, 'follow_up', row, full, name)) queued++;
      }
      return queued;
    },

    // After the event, whoever was confirmed and never checked in did not show.
    async markNoShows(): Promise<number> {
      const now = clock.now();
      let marked = 0;
      for (const occurrence of await repo.endedOccurrences(new Date(now.getTime() - 30 * day), now, true)) {
        marked += await db.transaction(async (tx) => {
          const locked = await repo.lockOccurrence(occurrence.workspaceId, occurrence.id, tx);
          if (!locked || locked.noShowsMarkedAt) return 0;
          const n = await repo.markNoShows(occurrence.workspaceId, occurrence.id, now, tx);
          await repo.updateOccurrence(occurrence.workspaceId, occurrence.id, { noShowsMarkedAt: now }, tx);
          return n;
        });
      }
      return marked;
    },
  };
}

export type RegistrationsService = ReturnType<typeof createRegistrationsService>;
