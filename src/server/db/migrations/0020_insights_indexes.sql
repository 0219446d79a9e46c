-- The one platform someone can be reached on when there is no other way: no email, no phone, and
-- every handle on the same platform; null otherwise (also for someone with no handle at all).
CREATE OR REPLACE FUNCTION people_only_platform(p_emails text[], p_phones text[], p_handles jsonb)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN cardinality(p_emails) = 0 AND cardinality(p_phones) = 0 THEN
    (SELECT min(h->>'platform') FROM jsonb_array_elements(p_handles) h HAVING count(DISTINCT h->>'platform') = 1) END
$$;
--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "only_platform" text GENERATED ALWAYS AS (people_only_platform(emails, phones, handles)) STORED;--> statement-breakpoint
CREATE INDEX "interactions_post_idx" ON "interactions" USING btree ("workspace_id","post_id","kind","channel","person_id") WHERE post_id is not null;--> statement-breakpoint
CREATE INDEX "interactions_outcome_time_idx" ON "interactions" USING btree ("workspace_id","occurred_at","kind","channel","person_id") WHERE kind in ('dm', 'email', 'question', 'meeting', 'coffee', 'event_attended');--> statement-breakpoint
CREATE INDEX "interactions_received_time_idx" ON "interactions" USING btree ("workspace_id","occurred_at","kind","channel","post_id") WHERE direction = 'in' and kind in ('like', 'follow');--> statement-breakpoint
CREATE INDEX "people_only_platform_idx" ON "people" USING btree ("workspace_id","only_platform") WHERE only_platform is not null;--> statement-breakpoint
CREATE INDEX "people_latest_step_idx" ON "people" USING btree ("workspace_id",greatest(engaged_at, conversing_at, talked_at, met_at));--> statement-breakpoint
CREATE INDEX "people_milestones_idx" ON "people" USING btree ("workspace_id","first_interaction_at","first_call_at","met_at") WHERE first_call_at is not null or met_at is not null;--> statement-breakpoint
CREATE INDEX "people_clients_idx" ON "people" USING btree ("workspace_id","sort_name","id") WHERE is_client;