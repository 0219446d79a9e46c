CREATE TABLE "audience_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"record_ip_and_user_agent" boolean DEFAULT true NOT NULL,
	"send_rate_per_minute" integer
);
--> statement-breakpoint
CREATE TABLE "broadcast_deliveries" (
	"workspace_id" uuid NOT NULL,
	"broadcast_id" uuid NOT NULL,
	"email_hash" text NOT NULL,
	"email" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	CONSTRAINT "broadcast_deliveries_workspace_id_broadcast_id_email_hash_pk" PRIMARY KEY("workspace_id","broadcast_id","email_hash")
);
--> statement-breakpoint
CREATE TABLE "broadcasts" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"segment" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"scheduled_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"pace_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "broadcasts_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "audience_settings" ADD CONSTRAINT "audience_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcast_deliveries" ADD CONSTRAINT "broadcast_deliveries_workspace_id_broadcast_id_broadcasts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","broadcast_id") REFERENCES "public"."broadcasts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcasts" ADD CONSTRAINT "broadcasts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "broadcast_deliveries_pending_idx" ON "broadcast_deliveries" USING btree ("workspace_id","broadcast_id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "broadcast_deliveries_hash_idx" ON "broadcast_deliveries" USING btree ("workspace_id","email_hash");--> statement-breakpoint
CREATE INDEX "broadcasts_list_idx" ON "broadcasts" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "broadcasts_due_idx" ON "broadcasts" USING btree ("scheduled_at") WHERE status = 'scheduled';