CREATE TABLE "duplicate_dismissals" (
	"workspace_id" uuid NOT NULL,
	"person_a" uuid NOT NULL,
	"person_b" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duplicate_dismissals_workspace_id_person_a_person_b_pk" PRIMARY KEY("workspace_id","person_a","person_b")
);
--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "dedupe_blocks" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "duplicate_dismissals" ADD CONSTRAINT "duplicate_dismissals_workspace_id_person_a_people_workspace_id_id_fk" FOREIGN KEY ("workspace_id","person_a") REFERENCES "public"."people"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_dismissals" ADD CONSTRAINT "duplicate_dismissals_workspace_id_person_b_people_workspace_id_id_fk" FOREIGN KEY ("workspace_id","person_b") REFERENCES "public"."people"("workspace_id","id") ON DELETE cascade ON UPDATE no action;