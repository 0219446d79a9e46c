CREATE TABLE "focus_budgets" (
	"workspace_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"channels" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "focus_budgets_workspace_id_subject_pk" PRIMARY KEY("workspace_id","subject")
);
--> statement-breakpoint
CREATE TABLE "focus_reflections" (
	"workspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"week" text NOT NULL,
	"time_spent" smallint NOT NULL,
	"pressure" smallint NOT NULL,
	"over_commitment" smallint NOT NULL,
	"phone_down" smallint NOT NULL,
	"measured" jsonb NOT NULL,
	"answered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "focus_reflections_workspace_id_user_id_week_pk" PRIMARY KEY("workspace_id","user_id","week"),
	CONSTRAINT "focus_reflections_scale" CHECK ("focus_reflections"."time_spent" between 1 and 5 and "focus_reflections"."pressure" between 1 and 5 and "focus_reflections"."over_commitment" between 1 and 5 and "focus_reflections"."phone_down" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "focus_sessions" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"channels" jsonb NOT NULL,
	"plan" jsonb NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_early" boolean DEFAULT false NOT NULL,
	"actual" jsonb,
	"planned_calls" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "focus_sessions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "focus_budgets" ADD CONSTRAINT "focus_budgets_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "focus_reflections" ADD CONSTRAINT "focus_reflections_workspace_id_user_id_users_workspace_id_id_fk" FOREIGN KEY ("workspace_id","user_id") REFERENCES "public"."users"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "focus_sessions" ADD CONSTRAINT "focus_sessions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "focus_sessions" ADD CONSTRAINT "focus_sessions_workspace_id_user_id_users_workspace_id_id_fk" FOREIGN KEY ("workspace_id","user_id") REFERENCES "public"."users"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "focus_sessions_open_key" ON "focus_sessions" USING btree ("workspace_id","user_id") WHERE ended_at is null;--> statement-breakpoint
CREATE INDEX "focus_sessions_started_idx" ON "focus_sessions" USING btree ("workspace_id","user_id","started_at");