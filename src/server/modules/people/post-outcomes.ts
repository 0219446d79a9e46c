import { sql } from 'drizzle-orm';
import type { Db } from '../../db/index.ts';
import { touchClasses } from './ladder.ts';

export type OutcomeEntry = { personId: string; name: string; kind: string; channel: string; occurredAt: Date; note: string | null };
export type PostOutcomes = { conversations: OutcomeEntry[]; calls: OutcomeEntry[]; meetings: OutcomeEntry[]; likes: number };

type Row = { person_id: string; name: string; kind: string; channel: string; occurred_at: Date | string; note: string | null; linked: boolean };

const followUpDays = 90;
const calls: readonly string[] = touchClasses.call;
const meetings: readonly string[] = touchClasses.meeting;

// What one post led to: the replies and mentions linked to it, then the calls and meetings with those same
// people in the 90 days after each one's first reply. Likes are only counted.
export async function postOutcomes(db: Db, workspaceId: string, postId: string): Promise<PostOutcomes> {
  const result = await db.execute<Row>(sql`
    with linked as (
      select i.person_id, i.kind, i.channel, i.occurred_at, i.note from interactions i
      where i.workspace_id = ${workspaceId} and i.post_id = ${postId}
    ), first_touch as (
      select person_id, min(occurred_at) as since from linked where kind <> 'like' group by person_id
    )
    select l.person_id, p.name, l.kind, l.channel, l.occurred_at, l.note, true as linked
    from linked l join people p on p.workspace_id = ${workspaceId} and p.id = l.person_id
    union all
    select i.person_id, p.name, i.kind, i.channel, i.occurred_at, i.note, false as linked
    from first_touch f
    join interactions i on i.workspace_id = ${workspaceId} and i.person_id = f.person_id
      and i.occurred_at >= f.since and i.occurred_at < f.since + make_interval(days => ${followUpDays})
      and (i.post_id is distinct from ${postId})
      and (i.kind = any(${sql.param([...calls, ...meetings])}::text[]) or i.channel = 'in_person')
    join people p on p.workspace_id = ${workspaceId} and p.id = i.person_id
    order by occurred_at`);
  const rows = (result as unknown as { rows: Row[] }).rows;
  const entry = (r: Row): OutcomeEntry => ({ personId: r.person_id, name: r.name, kind: r.kind, channel: r.channel, occurredAt: new Date(r.occurred_at), note: r.note });
  const isMeeting = (r: Row) => meetings.includes(r.kind) || r.channel === 'in_person';
  const isCall = (r: Row) => !isMeeting(r) && calls.includes(r.kind);
  return {
    conversations: rows.filter((r) => r.linked && r.kind !== 'like' && !isCall(r) && !isMeeting(r)).map(entry),
    calls: rows.filter(isCall).map(entry),
    meetings: rows.filter(isMeeting).map(entry),
    likes: rows.filter((r) => r.linked && r.kind === 'like').length,
  };
}
