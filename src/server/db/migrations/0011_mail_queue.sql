CREATE TABLE "mail_queue" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"message" jsonb NOT NULL,
	"dedupe_key" text,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "mail_queue_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "mail_queue_dedupe_key" ON "mail_queue" USING btree ("workspace_id","dedupe_key") WHERE dedupe_key is not null;--> statement-breakpoint
CREATE INDEX "mail_queue_queued_idx" ON "mail_queue" USING btree ("created_at") WHERE status = 'queued';