DROP INDEX "people_only_platform_idx";--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "first_touch_channel" text;--> statement-breakpoint
CREATE INDEX "interactions_post_outcome_idx" ON "interactions" USING btree ("workspace_id","post_id","kind","channel","person_id") WHERE post_id is not null and kind in ('dm', 'email', 'question', 'call', 'meeting', 'coffee', 'event_attended');--> statement-breakpoint
CREATE INDEX "people_only_platform_idx" ON "people" USING btree ("workspace_id","only_platform","ladder_step" DESC NULLS FIRST,"last_interaction_at" DESC NULLS LAST,"sort_name","id") WHERE only_platform is not null;--> statement-breakpoint
-- People with interactions already: the channel of their first one (as refreshTouches derives it).
UPDATE "people" p SET "first_touch_channel" = (
  SELECT i.channel FROM "interactions" i WHERE i.workspace_id = p.workspace_id AND i.person_id = p.id
  ORDER BY i.occurred_at, i.channel LIMIT 1
) WHERE p.interaction_count > 0;
