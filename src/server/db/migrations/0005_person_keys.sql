CREATE TABLE "person_keys" (
	"workspace_id" uuid NOT NULL,
	"key" text NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "person_keys_workspace_id_key_pk" PRIMARY KEY("workspace_id","key")
);
--> statement-breakpoint
ALTER TABLE "interactions" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "person_keys" ADD CONSTRAINT "person_keys_workspace_id_person_id_people_workspace_id_id_fk" FOREIGN KEY ("workspace_id","person_id") REFERENCES "public"."people"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_keys_person_idx" ON "person_keys" USING btree ("workspace_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "interactions_external_id_key" ON "interactions" USING btree ("workspace_id","external_id") WHERE external_id is not null;