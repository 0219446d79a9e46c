import type { Database } from '../../src/server/db/index.ts';
import { mulberry32 } from './people-data.ts';
import { log } from './report.ts';

// Interactions in bulk, generated inside the database (INSERT … SELECT over generate_series), and
// the relationship settings people carry: cadences, a "family" tag, who introduced whom.

// How many interactions each person has: a few have thousands, most have a handful, some none
// (Pareto, alpha 0.8, capped), scaled so they add up to `total`. Seeded: the same every run.
export function interactionCounts(people: number, total: number, seed = 5_150_301): number[] {
  const random = mulberry32(seed);
  const raw = Array.from({ length: people }, () => (random() < 0.08 ? 0 : Math.min((1 - random()) ** (-1 / 0.8), 1e6)));
  const cap = Math.max(100, Math.round(total / 500));
  const sum = (k: number) => raw.reduce((s, r) => s + Math.min(Math.floor(k * r), cap), 0);
  let low = 0;
  let high = total;
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2;
    if (sum(mid) < total) low = mid;
    else high = mid;
  }
  const counts = raw.map((r) => Math.min(Math.floor(low * r), cap));
  // What rounding left over goes one by one to people below the cap.
  let missing = total - counts.reduce((s, n) => s + n, 0);
  for (let i = 0; missing > 0; i = (i + 7919) % people) {
    if (counts[i]! > 0 && counts[i]! < cap) {
      counts[i]!++;
      missing--;
    }
  }
  return counts;
}

// Months of the last two years, oldest first: each month's interactions go in one statement, so the
// table fills in time order with everyone's touches interleaved, as a real workspace's does.
const slices = 24;
const days = 730;

// The mix: mostly online (likes, replies, comments, mentions, DMs, email), some calls (phone,
// video) and meetings (coffee, meeting in person, events attended).
const insertSlice = `
  insert into interactions (workspace_id, person_id, channel, kind, direction, occurred_at, duration_minutes, note, created_at)
  select $1::uuid, person_id,
    case kind
      when 'email' then 'email'
      when 'call' then case when s < 0.6 then 'phone' else 'video' end
      when 'coffee' then 'in_person'
      when 'meeting' then 'in_person'
      when 'event_attended' then 'event'
      else (array['mastodon', 'mastodon', 'bluesky', 'linkedin', 'linkedin', 'instagram'])[1 + floor(s * 6)::int]
    end,
    kind,
    case
      when kind in ('call', 'coffee', 'meeting') then case when d < 0.7 then 'out' else 'in' end
      when kind = 'event_attended' then 'in'
      when d < 0.55 then 'in' else 'out'
    end,
    at,
    case kind
      when 'call' then 10 + floor(s * 50)::int
      when 'coffee' then 30 + floor(d * 60)::int
      when 'meeting' then 45 + floor(d * 75)::int
      when 'event_attended' then 120 + floor(s * 60)::int
    end,
    case when kind in ('call', 'coffee', 'meeting') and d < 0.4
      then 'Talked about ' || (array['the workshop', 'their new studio', 'a referral', 'pricing', 'the next meetup', 'a podcast guest spot'])[1 + floor(s * 6)::int]
    end,
    at
  from (
    select person_id, random() as s, random() as d,
      $4::timestamptz + (($2::int + random()) * $5::float8) * interval '1 day' as at,
      case
        when r < 0.30 then 'like' when r < 0.42 then 'reply' when r < 0.51 then 'comment' when r < 0.58 then 'mention'
        when r < 0.70 then 'dm' when r < 0.85 then 'email' when r < 0.87 then 'follow' when r < 0.93 then 'call'
        when r < 0.96 then 'coffee' when r < 0.98 then 'meeting' else 'event_attended'
      end as kind
    from (
      select c.person_id, random() as r
      from bench_interaction_counts c,
        generate_series(1, (floor(c.n * ($2::int + 1)::float8 / $3 + c.phase) - floor(c.n * $2::int::float8 / $3 + c.phase))::int)
    ) picked
  ) g`;

// Each person's interactions are spread evenly over the two years (a random phase per person, so
// someone with one interaction has it in a random month), at random times within each month.
export async function insertInteractions(database: Database, workspaceId: string, ids: string[], counts: number[], now: Date): Promise<number> {
  const started = performance.now();
  const random = mulberry32(91_127);
  await database.query('create table bench_interaction_counts (person_id uuid not null, n int not null, phase float8 not null)');
  for (let i = 0; i < ids.length; i += 20_000) {
    await database.query('insert into bench_interaction_counts select * from unnest($1::uuid[], $2::int[], $3::float8[])',
      [ids.slice(i, i + 20_000), counts.slice(i, i + 20_000), counts.slice(i, i + 20_000).map(() => random())]);
  }
  const start = new Date(now.getTime() - days * 86_400_000);
  let inserted = 0;
  for (let slice = 0; slice < slices; slice++) {
    const result = await database.query(insertSlice, [workspaceId, slice, slices, start.toISOString(), days / slices]);
    inserted += result.rowCount ?? 0;
    if (slice % 6 === 5) log(`  ${inserted} interactions after ${Math.round((performance.now() - started) / 1000)} s`);
  }
  await database.query('drop table bench_interaction_counts');
  return inserted;
}

export type Decoration = { withCadence: number; family: number; introduced: number; referrers: number };

// ~20% keep-in-touch cadences, a "family" tag on ~3% (clients already carry "client"), ~2%
// introduced by one of a few hundred connectors; people were added before the two years of
// interactions, those introduced during the last year. Seeded.
export async function decoratePeople(database: Database, workspaceId: string, ids: string[], now: Date, seed = 4_020_117): Promise<Decoration> {
  const random = mulberry32(seed);
  const cadences = [7, 14, 30, 30, 60, 90, 180];
  const connectors = ids.filter(() => random() < 0.004);
  const connectorSet = new Set(connectors);
  const cadence: (number | null)[] = [];
  const family: boolean[] = [];
  const introducer: (string | null)[] = [];
  const created: string[] = [];
  const day = 86_400_000;
  for (const id of ids) {
    cadence.push(random() < 0.2 ? cadences[Math.floor(random() * cadences.length)]! : null);
    family.push(random() < 0.03);
    const by = !connectorSet.has(id) && connectors.length > 0 && random() < 0.02 ? connectors[Math.floor(random() * connectors.length)]! : null;
    introducer.push(by);
    const age = by ? random() * 365 : days + random() * 365;
    created.push(new Date(now.getTime() - age * day).toISOString());
  }
  for (let i = 0; i < ids.length; i += 20_000) {
    const part = <T>(list: T[]) => list.slice(i, i + 20_000);
    await database.query(`
      update people p set cadence_days = v.cadence, introduced_by_id = v.introducer, created_at = v.created, updated_at = v.created,
        tags = case when v.family then p.tags || array['family'] else p.tags end
      from unnest($2::uuid[], $3::int[], $4::bool[], $5::uuid[], $6::timestamptz[]) as v(id, cadence, family, introducer, created)
      where p.workspace_id = $1 and p.id = v.id`,
    [workspaceId, part(ids), part(cadence), part(family), part(introducer), part(created)]);
  }
  // As the service keeps it: a referrer is someone who introduced at least one person.
  const referrers = await database.query(`update people p set is_referrer = true where p.workspace_id = $1
    and exists (select 1 from people i where i.workspace_id = p.workspace_id and i.introduced_by_id = p.id)`, [workspaceId]);
  return {
    withCadence: cadence.filter((c) => c !== null).length, family: family.filter(Boolean).length,
    introduced: introducer.filter(Boolean).length, referrers: referrers.rowCount ?? 0,
  };
}
