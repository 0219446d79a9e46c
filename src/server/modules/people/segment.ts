import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/index.ts';
import { ladderIndex, type LadderStep } from './ladder.ts';

export type PeopleSegment = { tags: string[]; minLadderStep: LadderStep | null };

// The email addresses of the people in a segment (any of the tags, at least the ladder step), for
// broadcasts; the audience module decides who of them may be mailed.
export async function segmentEmails(db: Db | Tx, workspaceId: string, segment: PeopleSegment): Promise<{ personId: string; email: string }[]> {
  const tags = segment.tags.length > 0 ? sql`and tags && ${sql.param(segment.tags)}::text[] and cardinality(tags) > 0` : sql``;
  const ladder = segment.minLadderStep ? sql`and ladder_step >= ${ladderIndex(segment.minLadderStep)}` : sql``;
  const result = await db.execute<{ person_id: string; email: string }>(sql`
    select id as person_id, unnest(emails) as email from people
    where workspace_id = ${workspaceId} and cardinality(emails) > 0 ${tags} ${ladder}`);
  return (result as unknown as { rows: { person_id: string; email: string }[] }).rows.map((r) => ({ personId: r.person_id, email: r.email }));
}
