CREATE TABLE "nudge_states" (
	"workspace_id" uuid NOT NULL,
	"key" text NOT NULL,
	"person_id" uuid NOT NULL,
	"state" text NOT NULL,
	"until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "nudge_states_workspace_id_key_pk" PRIMARY KEY("workspace_id","key")
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"place" text,
	"note" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"interaction_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "relationship_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"call_min_exchanges" integer NOT NULL,
	"call_min_days" integer NOT NULL,
	"reply_after_hours" integer NOT NULL,
	"follow_up_days" integer NOT NULL,
	"tag_cadences" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "nudge_states" ADD CONSTRAINT "nudge_states_workspace_id_person_id_people_workspace_id_id_fk" FOREIGN KEY ("workspace_id","person_id") REFERENCES "public"."people"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_workspace_id_person_id_people_workspace_id_id_fk" FOREIGN KEY ("workspace_id","person_id") REFERENCES "public"."people"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_workspace_id_interaction_id_interactions_workspace_id_id_fk" FOREIGN KEY ("workspace_id","interaction_id") REFERENCES "public"."interactions"("workspace_id","id") ON DELETE SET NULL ("interaction_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_settings" ADD CONSTRAINT "relationship_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plans_starts_idx" ON "plans" USING btree ("workspace_id","status","starts_at");--> statement-breakpoint
CREATE INDEX "people_exchanges_idx" ON "people" USING btree ("workspace_id","online_exchanges");--> statement-breakpoint
CREATE INDEX "people_event_idx" ON "people" USING btree ("workspace_id","last_event_at");--> statement-breakpoint
CREATE INDEX "people_reply_owed_idx" ON "people" USING btree ("workspace_id","last_inbound_at") WHERE last_inbound_at is not null and (last_outbound_at is null or last_outbound_at < last_inbound_at);--> statement-breakpoint
CREATE INDEX "people_cadence_idx" ON "people" USING btree ("workspace_id","last_interaction_at") WHERE cadence_days is not null;