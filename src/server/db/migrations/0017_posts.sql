CREATE TABLE "channels" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"platform" text NOT NULL,
	"name" text NOT NULL,
	"mode" text NOT NULL,
	"timezone" text NOT NULL,
	"slots" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cadence_per_week" integer DEFAULT 0 NOT NULL,
	"account" text,
	"credentials" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "channels_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "channels_mode_check" CHECK ("channels"."mode" in ('api', 'manual'))
);
--> statement-breakpoint
CREATE TABLE "planner_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"country" text,
	"region" text,
	"pillar_targets" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "post_targets" (
	"workspace_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"body" text,
	"state" text DEFAULT 'pending' NOT NULL,
	"external_id" text,
	"url" text,
	"error" text,
	"published_at" timestamp with time zone,
	"attempted_at" timestamp with time zone,
	"request_key" text,
	CONSTRAINT "post_targets_workspace_id_post_id_channel_id_pk" PRIMARY KEY("workspace_id","post_id","channel_id"),
	CONSTRAINT "post_targets_state_check" CHECK ("post_targets"."state" in ('pending', 'publishing', 'published', 'failed', 'unknown'))
);
--> statement-breakpoint
CREATE TABLE "posts" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"pillar" text NOT NULL,
	"body" text NOT NULL,
	"status" text NOT NULL,
	"scheduled_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "posts_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "posts_status_check" CHECK ("posts"."status" in ('idea', 'draft', 'scheduled', 'publishing', 'published', 'failed', 'unknown'))
);
--> statement-breakpoint
ALTER TABLE "channels" ADD CONSTRAINT "channels_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planner_settings" ADD CONSTRAINT "planner_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_targets" ADD CONSTRAINT "post_targets_workspace_id_post_id_posts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","post_id") REFERENCES "public"."posts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_targets" ADD CONSTRAINT "post_targets_workspace_id_channel_id_channels_workspace_id_id_fk" FOREIGN KEY ("workspace_id","channel_id") REFERENCES "public"."channels"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "post_targets_publishing_idx" ON "post_targets" USING btree ("attempted_at") WHERE "post_targets"."state" = 'publishing';--> statement-breakpoint
CREATE INDEX "post_targets_channel_idx" ON "post_targets" USING btree ("workspace_id","channel_id");--> statement-breakpoint
CREATE INDEX "posts_scheduled_idx" ON "posts" USING btree ("workspace_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "posts_status_idx" ON "posts" USING btree ("workspace_id","status","updated_at");--> statement-breakpoint
CREATE INDEX "posts_due_idx" ON "posts" USING btree ("scheduled_at") WHERE "posts"."status" = 'scheduled';