DROP INDEX "people_exchanges_idx";--> statement-breakpoint
DROP INDEX "people_cadence_idx";--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "reconnect_due_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "people_call_idx" ON "people" USING btree ("workspace_id","online_exchanges" DESC NULLS FIRST,"id") WHERE ladder_step < 3;--> statement-breakpoint
CREATE INDEX "people_reconnect_due_idx" ON "people" USING btree ("workspace_id","reconnect_due_at","id") WHERE reconnect_due_at is not null;--> statement-breakpoint
CREATE INDEX "people_introduced_idx" ON "people" USING btree ("workspace_id","created_at" DESC NULLS FIRST) WHERE introduced_by_id is not null;