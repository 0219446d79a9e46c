import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/index.ts';
import { exportRows, restoreRows } from '../../db/rows.ts';
import { eventOccurrences, eventRegistrations, eventSeries } from './events.table.ts';

type Row = Record<string, unknown>;
export type EventsBackup = Record<'series' | 'occurrences' | 'registrations', Row[]>;

export function createEventsBackup(db: Db) {
  return {
    async export(workspaceId: string): Promise<EventsBackup> {
      return {
        series: await exportRows(db, eventSeries, workspaceId, [eventSeries.id]),
        occurrences: await exportRows(db, eventOccurrences, workspaceId, [eventOccurrences.startsAt, eventOccurrences.id]),
        registrations: await exportRows(db, eventRegistrations, workspaceId, [eventRegistrations.arrival]),
      };
    },
    async restore(tx: Tx, workspaceId: string, data: EventsBackup): Promise<void> {
      await restoreRows(tx, eventSeries, data.series, workspaceId);
      await restoreRows(tx, eventOccurrences, data.occurrences, workspaceId);
      await restoreRows(tx, eventRegistrations, data.registrations, workspaceId);
      // Restored arrivals keep their order; new ones must come after them.
      await tx.execute(sql`select setval(pg_get_serial_sequence('event_registrations', 'arrival'), greatest((select max(arrival) from event_registrations), 1))`);
    },
  };
}
