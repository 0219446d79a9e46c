-- Indexes most people have nothing to put in become partial (an imported contact has no tag, no
-- introducer, no exchange, no event and no step above aware), so writing such a person skips them;
-- every query they serve names a value, which implies the predicate. The emails GIN index served no
-- query (people are found by email through person_keys).
DROP INDEX "people_emails_idx";--> statement-breakpoint
DROP INDEX "people_tags_idx";--> statement-breakpoint
DROP INDEX "people_introduced_by_idx";--> statement-breakpoint
DROP INDEX "people_call_idx";--> statement-breakpoint
DROP INDEX "people_event_idx";--> statement-breakpoint
DROP INDEX "people_latest_step_idx";--> statement-breakpoint
CREATE INDEX "people_tags_idx" ON "people" USING gin ("tags") WHERE cardinality(tags) > 0;--> statement-breakpoint
CREATE INDEX "people_introduced_by_idx" ON "people" USING btree ("workspace_id","introduced_by_id") WHERE introduced_by_id is not null;--> statement-breakpoint
CREATE INDEX "people_call_idx" ON "people" USING btree ("workspace_id","online_exchanges" DESC NULLS FIRST,"id") WHERE ladder_step < 3 and online_exchanges > 0;--> statement-breakpoint
CREATE INDEX "people_event_idx" ON "people" USING btree ("workspace_id","last_event_at") WHERE last_event_at is not null;--> statement-breakpoint
CREATE INDEX "people_latest_step_idx" ON "people" USING btree ("workspace_id",greatest(engaged_at, conversing_at, talked_at, met_at)) WHERE greatest(engaged_at, conversing_at, talked_at, met_at) is not null;