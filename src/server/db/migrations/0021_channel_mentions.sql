ALTER TABLE "channels" ADD COLUMN "mentions_cursor" text;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "mentions_checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "mentions_error" text;