ALTER TABLE "people" ADD COLUMN "engaged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "conversing_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "talked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "met_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "first_call_at" timestamp with time zone;--> statement-breakpoint
-- Backfill: when each ladder step was first reached and the first call, from the interactions
-- already recorded (the same rules as people.repository.ts touchFacts; new touches keep them since).
WITH f AS (
  SELECT i.workspace_id, i.person_id,
    min(i.occurred_at) FILTER (WHERE i.kind IN ('meeting', 'coffee', 'event_attended') OR i.channel = 'in_person') AS met,
    min(i.occurred_at) FILTER (WHERE i.kind = 'call') AS called,
    min(i.occurred_at) FILTER (WHERE i.kind IN ('dm', 'email', 'question') AND i.direction = 'in') AS private_in,
    min(i.occurred_at) FILTER (WHERE i.kind IN ('dm', 'email', 'question') AND i.direction = 'out') AS private_out,
    min(i.occurred_at) FILTER (WHERE i.kind IN ('like', 'comment', 'reply', 'mention') AND i.direction = 'in') AS public_in,
    min(i.occurred_at) FILTER (WHERE i.kind IN ('like', 'comment', 'reply', 'mention') AND i.direction = 'out') AS public_out
  FROM interactions i GROUP BY i.workspace_id, i.person_id
), m AS (
  SELECT f.*,
    CASE WHEN private_in IS NOT NULL AND private_out IS NOT NULL THEN greatest(private_in, private_out) END AS conversing,
    CASE WHEN public_in IS NOT NULL AND public_out IS NOT NULL THEN greatest(public_in, public_out) END AS engaged
  FROM f
)
UPDATE people p SET met_at = m.met, talked_at = least(m.met, m.called), first_call_at = m.called,
  conversing_at = least(m.met, m.called, m.conversing), engaged_at = least(m.met, m.called, m.conversing, m.engaged)
FROM m WHERE p.workspace_id = m.workspace_id AND p.id = m.person_id;
