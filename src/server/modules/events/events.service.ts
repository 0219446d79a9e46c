import { randomBytes } from 'node:crypto';
import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import type { Db, Tx } from '../../db/index.ts';
import { requireRole, type Auth } from '../auth/index.ts';
import type { OccurrencePatch, SeriesInput, SeriesPatch } from './events.contract.ts';
import { occurrencesCalendar } from './events.ics.ts';
import { checkRule, isTimeZone, occurrenceStarts, zonedInstant } from './events.recurrence.ts';
import { createEventsRepository, type OccurrenceWithCounts, type SeriesRow } from './events.repository.ts';
import type { RegistrationsService } from './registrations.service.ts';

type Deps = { db: Db; clock: Clock; registrations: RegistrationsService; publicUrl: string };

// How far ahead a series' occurrences exist as rows (each with its own capacity, slug, registrations).
export const materialiseDays = 120;
const day = 24 * 3600 * 1000;

export function slugFor(title: string, start: Date, timezone: string): string {
  const base = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'event';
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(start);
  return `${base}-${date}-${randomBytes(3).toString('hex')}`;
}

export function toOccurrence(row: OccurrenceWithCounts) {
  return {
    id: row.id, seriesId: row.seriesId, slug: row.slug, title: row.title, timezone: row.timezone, startsAt: row.startsAt, endsAt: row.endsAt,
    capacity: row.capacity, venue: row.venue, address: row.address, onlineUrl: row.onlineUrl, status: row.status, detached: row.detached,
    sequence: row.sequence, confirmed: row.confirmed, waitlisted: row.waitlisted, placesLeft: Math.max(0, row.capacity - row.confirmed),
  };
}

function toSeries(row: SeriesRow) {
  const { workspaceId: _w, materialisedUntil: _m, ...rest } = row;
  return rest;
}

function validate(input: { rrule: string | null; timezone: string; localStart: string }) {
  if (!isTimeZone(input.timezone)) throw new AppError('VALIDATION_FAILED', 'Unknown time zone.', [{ path: 'body.timezone', message: 'An IANA zone such as Europe/Berlin' }]);
  if (input.rrule) {
    const problem = checkRule({ rrule: input.rrule, timezone: input.timezone, localStart: input.localStart });
    if (problem) throw new AppError('VALIDATION_FAILED', 'The recurrence rule cannot be used.', [{ path: 'body.rrule', message: problem }]);
  }
}

// Series and their occurrences: the organiser's side of the calendar.
export function createEventsService({ db, clock, registrations, publicUrl }: Deps) {
  const repo = createEventsRepository(db);

  async function requireSeries(auth: Auth, id: string): Promise<SeriesRow> {
    const row = await repo.series(auth.workspaceId, id);
    if (!row) throw new AppError('NOT_FOUND', 'No such event.');
    return row;
  }
  async function requireOccurrence(auth: Auth, id: string): Promise<OccurrenceWithCounts> {
    const row = await repo.occurrence(auth.workspaceId, id);
    if (!row) throw new AppError('NOT_FOUND', 'No such occurrence.');
    return row;
  }

  // Makes the rows for the rule's starts up to `until`; running twice makes nothing twice.
  async function materialise(series: SeriesRow, until: Date, tx: Parameters<Parameters<Db['transaction']>[0]>[0]): Promise<number> {
    const from = series.rrule ? new Date(Math.max(clock.now().getTime() - day, (series.materialisedUntil?.getTime() ?? 0) - day)) : new Date(0);
    // A single event is one occurrence, however far ahead.
    const starts = series.rrule ? occurrenceStarts(series, from, until) : [zonedInstant(series.localStart, series.timezone)];
    const created = await repo.insertOccurrences(starts.map((start) => ({
      workspaceId: series.workspaceId, seriesId: series.id, ruleStart: start, slug: slugFor(series.title, start, series.timezone), title: series.title,
      startsAt: start, endsAt: new Date(start.getTime() + series.durationMinutes * 60_000), capacity: series.capacity,
      venue: series.venue, address: series.address, onlineUrl: series.onlineUrl, createdAt: clock.now(),
    })), tx);
    await repo.updateSeries(series.workspaceId, series.id, { materialisedUntil: until }, tx);
    return created;
  }

  async function detail(auth: Auth, series: SeriesRow) {
    const now = clock.now();
    const occurrences = await repo.listOccurrences(auth.workspaceId, new Date(now.getTime() - day), new Date(now.getTime() + 3660 * day), { seriesId: series.id });
    return { ...toSeries(series), occurrences: occurrences.map(toOccurrence) };
  }

  return {
    async listSeries(auth: Auth) {
      requireRole(auth, 'viewer');
      return { items: (await repo.listSeries(auth.workspaceId)).map(toSeries) };
    },

    async getSeries(auth: Auth, id: string) {
      requireRole(auth, 'viewer');
      return detail(auth, await requireSeries(auth, id));
    },

    // A series (with an RRULE) or a single event (without), and its first occurrences.
    async createSeries(auth: Auth, input: SeriesInput) {
      requireRole(auth, 'editor');
      validate(input);
      const now = clock.now();
      const series = await db.transaction(async (tx) => {
        const row = await repo.insertSeries({ ...input, workspaceId: auth.workspaceId, createdAt: now, updatedAt: now }, tx);
        await materialise(row, new Date(now.getTime() + materialiseDays * day), tx);
        return row;
      });
      return detail(auth, (await repo.series(auth.workspaceId, series.id))!);
    },

    // Text, place and capacity reach future occurrences not edited alone; a new time or rule redoes
    // those nobody has registered for yet (the others keep their time: people plan around it).
    async updateSeries(auth: Auth, id: string, patch: SeriesPatch) {
      requireRole(auth, 'editor');
      const current = await requireSeries(auth, id);
      const next = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as SeriesRow;
      validate(next);
      const now = clock.now();
      const timing = next.rrule !== current.rrule || next.timezone !== current.timezone || next.localStart !== current.localStart || next.durationMinutes !== current.durationMinutes;
      await db.transaction(async (tx) => {
        const row = (await repo.updateSeries(auth.workspaceId, id, { ...patch, updatedAt: now }, tx))!;
        await repo.updateFutureOccurrences(auth.workspaceId, id, now, { title: row.title, capacity: row.capacity, venue: row.venue, address: row.address, onlineUrl: row.onlineUrl }, tx);
        if (timing && !row.rrule && !current.rrule) return;
        if (timing) {
          await repo.removeRedoable(auth.workspaceId, id, now, tx);
          await materialise({ ...row, materialisedUntil: null }, new Date(now.getTime() + materialiseDays * day), tx);
        }
      });
      // A single event keeps its one occurrence and its registrations: it moves, and they are told.
      if (timing && !next.rrule && !current.rrule) {
        const startsAt = zonedInstant(next.localStart, next.timezone);
        // Every occurrence it has, whenever (9999-12-31 is as far as PostgreSQL reads an ISO date).
        for (const occurrence of await repo.listOccurrences(auth.workspaceId, new Date(0), new Date('9999-12-31T00:00:00Z'), { seriesId: id })) {
          await registrations.changeOccurrence(auth, occurrence.id, { startsAt, endsAt: new Date(startsAt.getTime() + next.durationMinutes * 60_000) });
        }
      }
      return detail(auth, (await repo.series(auth.workspaceId, id))!);
    },

    async listOccurrences(auth: Auth, query: { from?: Date; to?: Date }) {
      requireRole(auth, 'viewer');
      const from = query.from ?? clock.now();
      const to = query.to ?? new Date(from.getTime() + 90 * day);
      if (to <= from) throw new AppError('VALIDATION_FAILED', 'The range is empty.', [{ path: 'querystring.to', message: 'Must be after from' }]);
      return { items: (await repo.listOccurrences(auth.workspaceId, from, to)).map(toOccurrence) };
    },

    async getOccurrence(auth: Auth, id: string) {
      requireRole(auth, 'viewer');
      return toOccurrence(await requireOccurrence(auth, id));
    },

    async updateOccurrence(auth: Auth, id: string, patch: OccurrencePatch) {
      requireRole(auth, 'editor');
      const current = await requireOccurrence(auth, id);
      const startsAt = patch.startsAt ?? current.startsAt;
      const endsAt = patch.endsAt ?? (patch.startsAt ? new Date(startsAt.getTime() + (current.endsAt.getTime() - current.startsAt.getTime())) : current.endsAt);
      if (endsAt <= startsAt) throw new AppError('VALIDATION_FAILED', 'An occurrence ends after it starts.', [{ path: 'body.endsAt', message: 'Must be after startsAt' }]);
      await registrations.changeOccurrence(auth, id, { ...patch, startsAt, endsAt });
      return toOccurrence(await requireOccurrence(auth, id));
    },

    async cancelOccurrence(auth: Auth, id: string) {
      requireRole(auth, 'editor');
      await requireOccurrence(auth, id);
      await registrations.cancelOccurrence(auth, id);
      return toOccurrence(await requireOccurrence(auth, id));
    },

    // The job: every series keeps its occurrences materialised ahead.
    async materialiseAll(): Promise<number> {
      const until = new Date(clock.now().getTime() + materialiseDays * day);
      let created = 0;
      for (const series of await repo.seriesToMaterialise(new Date(until.getTime() - day))) {
        created += await db.transaction((tx) => materialise(series, until, tx));
      }
      return created;
    },

    // For nudges: the next public occurrence with places left (an invitation has somewhere to go).
    // Not access-checked: the caller (a broadcast's segment) has checked its own member's role.
    attendees(workspaceId: string, occurrenceIds: string[], conn?: Db | Tx) {
      return repo.attendees(workspaceId, occurrenceIds, conn);
    },
    // Which of these ids are this workspace's occurrences.
    knownOccurrences(workspaceId: string, ids: string[]) {
      return repo.knownOccurrences(workspaceId, ids);
    },

    async nextOpenOccurrence(workspaceId: string, after?: Date) {
      const row = await repo.nextWithPlaces(workspaceId, after ?? clock.now());
      return row ? toOccurrence(row) : null;
    },

    // For meeting mode: the occurrence running at this moment, if any.
    async occurrenceRunningAt(workspaceId: string, at?: Date) {
      const row = await repo.runningAt(workspaceId, at ?? clock.now());
      return row ? { id: row.id, title: row.title, startsAt: row.startsAt, endsAt: row.endsAt } : null;
    },

    // Public pages and feeds: an occurrence by its slug, its calendar file, and a workspace's public calendar.
    publicOccurrence: (slug: string) => repo.occurrenceBySlug(slug),
    formOccurrence: (slug: string) => repo.occurrenceDetailsBySlug(slug),

    async occurrenceCalendar(slug: string): Promise<string | null> {
      const row = await repo.occurrenceBySlug(slug);
      return row ? occurrencesCalendar({ name: row.title, occurrences: [row], publicUrl }) : null;
    },

    async workspaceCalendar(workspaceId: string, name: string): Promise<string> {
      const now = clock.now();
      const rows = await repo.listOccurrences(workspaceId, new Date(now.getTime() - 30 * day), new Date(now.getTime() + 366 * day), { publicOnly: true });
      return occurrencesCalendar({ name, occurrences: rows, publicUrl });
    },
  };
}

export type EventsService = ReturnType<typeof createEventsService>;
