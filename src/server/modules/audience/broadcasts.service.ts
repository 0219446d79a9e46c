import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import type { Db, Tx } from '../../db/index.ts';
import { enqueueMail } from '../../mail/index.ts';
import { requireRole, type Auth, type AuthService } from '../auth/index.ts';
import { segmentEmails } from '../people/index.ts';
import type { WorkspacesService } from '../workspaces/index.ts';
import type { Segment } from './broadcasts.contract.ts';
import { renderBroadcast } from './broadcasts.render.ts';
import { createBroadcastsRepository, type BroadcastRow } from './broadcasts.repository.ts';
import { addressHash, normaliseAddress, subscriptionState } from './consent.rules.ts';
import type { ConsentService } from './consent.service.ts';
import type { SubscribeService } from './subscribe.service.ts';

// Who came to which event occurrences: the events module's answer, passed in (audience does not read its tables).
export type Attendees = (workspaceId: string, occurrenceIds: string[], conn?: Db | Tx) => Promise<{ personId: string | null; email: string }[]>;
type Meetups = { attendees: Attendees; knownOccurrences: (workspaceId: string, ids: string[]) => Promise<string[]> };
type Deps = { db: Db; clock: Clock; consent: ConsentService; subscribe: SubscribeService; members: AuthService; workspaces: WorkspacesService; meetups: Meetups };
type Draft = { subject: string; body: string; segment: Segment };

export const unsubscribeHeaders = (link: string) => ({ 'List-Unsubscribe': `<${link}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });

// Broadcasts: compose, choose a segment, test, send now or later, and read the report.
// The sending itself is broadcasts.sender.ts, in the worker.
export function createBroadcastsService({ db, clock, consent, subscribe, members, workspaces, meetups }: Deps) {
  const repo = createBroadcastsRepository(db);

  // A segment names only this workspace's event dates.
  async function checkSegment(workspaceId: string, segment: Segment): Promise<void> {
    const known = new Set(await meetups.knownOccurrences(workspaceId, segment.attendedOccurrenceIds));
    const index = segment.attendedOccurrenceIds.findIndex((id) => !known.has(id));
    if (index >= 0) throw new AppError('NOT_FOUND', 'No such event date.', [{ path: `segment.attendedOccurrenceIds.${index}`, message: 'No such event date' }]);
  }

  async function require(auth: Auth, id: string): Promise<BroadcastRow> {
    const row = await repo.get(auth.workspaceId, id);
    if (!row) throw new AppError('NOT_FOUND', 'No such broadcast.');
    return row;
  }

  async function withReports(workspaceId: string, rows: BroadcastRow[]) {
    const counts = await repo.counts(workspaceId, rows.filter((r) => r.startedAt).map((r) => r.id));
    return rows.map(({ workspaceId: _w, paceAt: _p, createdBy: _c, ...row }) => ({
      ...row, report: row.startedAt ? (counts.get(row.id) ?? { recipients: 0, pending: 0, sent: 0, failed: 0, skipped: 0, unsubscribedSince: 0 }) : null,
    }));
  }

  // The addresses a segment's filters pick, before consent: tags and ladder choose people (all their addresses);
  // attendance chooses the address each attendee registered with, narrowed to those people when both are set.
  async function pickAddresses(workspaceId: string, segment: Segment, tx: Db | Tx): Promise<{ hash: string; email: string }[]> {
    const byPerson = segment.tags.length > 0 || segment.minLadderStep !== null;
    if (!byPerson && segment.attendedOccurrenceIds.length === 0) return repo.subjects(workspaceId, tx);
    let picked: { personId: string | null; email: string }[] = byPerson ? await segmentEmails(tx, workspaceId, segment) : [];
    if (segment.attendedOccurrenceIds.length > 0) {
      const came = await meetups.attendees(workspaceId, segment.attendedOccurrenceIds, tx);
      const people = new Set(picked.map((p) => p.personId));
      picked = byPerson ? came.filter((a) => people.has(a.personId)) : came;
    }
    return picked.map(({ email }) => ({ hash: addressHash(email), email: normaliseAddress(email) }));
  }

  // Everyone a segment reaches right now: consented to the purpose by the ledger's rules, not suppressed,
  // each address once. Without person filters, subscribers who are nobody's person yet count too.
  async function recipients(workspaceId: string, segment: Segment, tx: Db | Tx = db): Promise<{ hash: string; email: string }[]> {
    const now = clock.now();
    const ledger = await repo.ledger(workspaceId, segment.purpose, tx);
    const suppressed = await repo.suppressedHashes(workspaceId, tx);
    const candidates = await pickAddresses(workspaceId, segment, tx);
    const chosen = new Map<string, string>();
    for (const { hash, email } of candidates) {
      if (chosen.has(hash) || suppressed.has(hash)) continue;
      const entries = ledger.get(hash);
      if (entries && subscriptionState(entries, now) === 'subscribed') chosen.set(hash, email);
    }
    return [...chosen].map(([hash, email]) => ({ hash, email }));
  }

  return {
    recipients,

    async list(auth: Auth) {
      requireRole(auth, 'viewer');
      return { items: await withReports(auth.workspaceId, await repo.list(auth.workspaceId)) };
    },

    async get(auth: Auth, id: string) {
      requireRole(auth, 'viewer');
      return (await withReports(auth.workspaceId, [await require(auth, id)]))[0]!;
    },

    async create(auth: Auth, input: Draft) {
      requireRole(auth, 'editor');
      await checkSegment(auth.workspaceId, input.segment);
      const now = clock.now();
      const row = await repo.insert({ workspaceId: auth.workspaceId, ...input, createdBy: auth.userId, createdAt: now, updatedAt: now });
      return this.get(auth, row.id);
    },

    // Drafts and scheduled broadcasts can change; a scheduled one goes back to draft, to be sent again on purpose.
    async update(auth: Auth, id: string, patch: Partial<Draft>) {
      requireRole(auth, 'editor');
      await require(auth, id);
      if (patch.segment) await checkSegment(auth.workspaceId, patch.segment);
      const row = await repo.update(auth.workspaceId, id, ['draft', 'scheduled'], { ...patch, status: 'draft', scheduledAt: null, updatedAt: clock.now() });
      if (!row) throw new AppError('BROADCAST_SENT', 'This broadcast is sending or sent; it can no longer change.');
      return this.get(auth, id);
    },

    // Send now is "scheduled for now": the worker starts it within seconds.
    async send(auth: Auth, id: string, at: Date | null) {
      requireRole(auth, 'editor');
      const broadcast = await require(auth, id);
      const now = clock.now();
      if (at && at.getTime() < now.getTime() - 60_000) throw new AppError('VALIDATION_FAILED', 'The time is in the past.', [{ path: 'at', message: 'Choose a time in the future' }]);
      if (!broadcast.subject.trim() || !broadcast.body.trim()) throw new AppError('VALIDATION_FAILED', 'A broadcast needs a subject and a text.', [{ path: 'body', message: 'Write something first' }]);
      const row = await repo.update(auth.workspaceId, id, ['draft', 'scheduled'], { status: 'scheduled', scheduledAt: at ?? now, updatedAt: now });
      if (!row) throw new AppError('BROADCAST_SENT', 'This broadcast is sending or sent already.');
      return this.get(auth, id);
    },

    async unschedule(auth: Auth, id: string) {
      requireRole(auth, 'editor');
      await require(auth, id);
      const row = await repo.update(auth.workspaceId, id, ['scheduled'], { status: 'draft', scheduledAt: null, updatedAt: clock.now() });
      if (!row) throw new AppError('BROADCAST_SENT', 'Only a scheduled broadcast can go back to draft.');
      return this.get(auth, id);
    },

    async count(auth: Auth, segment: Segment) {
      requireRole(auth, 'viewer');
      return { count: (await recipients(auth.workspaceId, segment)).length };
    },

    async preview(auth: Auth, input: { subject: string; body: string }) {
      requireRole(auth, 'viewer');
      const workspace = await workspaces.get(auth);
      return renderBroadcast({ ...input, workspace: workspace.name, unsubscribeUrl: subscribe.unsubscribeLink(auth.workspaceId, 'preview@example.invalid'), locale: workspace.locale === 'de' ? 'de' : 'en' });
    },

    // A test goes to the member's own address only, marked as a test, through the mail queue.
    async testSend(auth: Auth, id: string) {
      requireRole(auth, 'editor');
      const broadcast = await require(auth, id);
      const me = await members.me(auth);
      if (await consent.isSuppressed(auth.workspaceId, me.email)) throw new AppError('ADDRESS_SUPPRESSED', 'Your own address is on the suppression list.');
      const workspace = await workspaces.get(auth);
      const link = subscribe.unsubscribeLink(auth.workspaceId, me.email);
      const parts = renderBroadcast({ subject: broadcast.subject, body: broadcast.body, workspace: workspace.name, unsubscribeUrl: link, locale: workspace.locale === 'de' ? 'de' : 'en' });
      await enqueueMail(db, auth.workspaceId, { to: me.email, subject: `[Test] ${broadcast.subject}`, ...parts, headers: unsubscribeHeaders(link) }, { now: clock.now() });
      return { to: me.email };
    },
  };
}

export type BroadcastsService = ReturnType<typeof createBroadcastsService>;
