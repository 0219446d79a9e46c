CREATE TABLE "private_talks" (
	"workspace_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	CONSTRAINT "private_talks_workspace_id_person_id_channel_pk" PRIMARY KEY("workspace_id","person_id","channel")
);
--> statement-breakpoint
DROP INDEX "interactions_outcome_time_idx";--> statement-breakpoint
ALTER TABLE "private_talks" ADD CONSTRAINT "private_talks_workspace_id_person_id_people_workspace_id_id_fk" FOREIGN KEY ("workspace_id","person_id") REFERENCES "public"."people"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "private_talks_last_idx" ON "private_talks" USING btree ("workspace_id","last_at","channel");--> statement-breakpoint
CREATE INDEX "interactions_meeting_time_idx" ON "interactions" USING btree ("workspace_id","occurred_at","person_id") WHERE kind in ('meeting', 'coffee', 'event_attended');--> statement-breakpoint
-- The private kinds are the ladder's (touchClasses.private in people/ladder.ts): a kind added there is added here.
-- One person's latest private touch on one channel, counted again from their interactions (by interactions_person_idx).
CREATE OR REPLACE FUNCTION private_talks_refresh(p_workspace_id uuid, p_person_id uuid, p_channel text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  latest timestamptz;
BEGIN
  -- The row is locked before counting, so a touch logged meanwhile by another transaction is either
  -- counted here (it committed first) or raises the row after this (it waited for the lock).
  PERFORM 1 FROM private_talks WHERE workspace_id = p_workspace_id AND person_id = p_person_id AND channel = p_channel FOR UPDATE;
  SELECT max(occurred_at) INTO latest FROM interactions
  WHERE workspace_id = p_workspace_id AND person_id = p_person_id AND channel = p_channel AND kind IN ('dm', 'email', 'question');
  IF latest IS NULL THEN
    DELETE FROM private_talks WHERE workspace_id = p_workspace_id AND person_id = p_person_id AND channel = p_channel;
  ELSE
    INSERT INTO private_talks (workspace_id, person_id, channel, last_at) VALUES (p_workspace_id, p_person_id, p_channel, latest)
    ON CONFLICT (workspace_id, person_id, channel) DO UPDATE SET last_at = excluded.last_at;
  END IF;
END;
$$;
--> statement-breakpoint
-- A new private touch can only move the latest one later; a changed or removed one is counted again.
CREATE OR REPLACE FUNCTION private_talks_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO private_talks (workspace_id, person_id, channel, last_at) VALUES (NEW.workspace_id, NEW.person_id, NEW.channel, NEW.occurred_at)
    ON CONFLICT (workspace_id, person_id, channel) DO UPDATE SET last_at = greatest(private_talks.last_at, excluded.last_at);
    RETURN NULL;
  END IF;
  IF OLD.kind IN ('dm', 'email', 'question') THEN
    PERFORM private_talks_refresh(OLD.workspace_id, OLD.person_id, OLD.channel);
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.kind IN ('dm', 'email', 'question')
    AND (NEW.person_id IS DISTINCT FROM OLD.person_id OR NEW.channel IS DISTINCT FROM OLD.channel OR OLD.kind NOT IN ('dm', 'email', 'question')) THEN
    PERFORM private_talks_refresh(NEW.workspace_id, NEW.person_id, NEW.channel);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Only private touches run the function: an import of follows and likes pays nothing.
CREATE TRIGGER interactions_private_talks_insert AFTER INSERT ON interactions FOR EACH ROW
  WHEN (NEW.kind IN ('dm', 'email', 'question'))
  EXECUTE FUNCTION private_talks_touch();
--> statement-breakpoint
CREATE TRIGGER interactions_private_talks_update AFTER UPDATE ON interactions FOR EACH ROW
  WHEN ((OLD.kind IN ('dm', 'email', 'question') OR NEW.kind IN ('dm', 'email', 'question'))
    AND (OLD.person_id IS DISTINCT FROM NEW.person_id OR OLD.channel IS DISTINCT FROM NEW.channel
      OR OLD.kind IS DISTINCT FROM NEW.kind OR OLD.occurred_at IS DISTINCT FROM NEW.occurred_at))
  EXECUTE FUNCTION private_talks_touch();
--> statement-breakpoint
CREATE TRIGGER interactions_private_talks_delete AFTER DELETE ON interactions FOR EACH ROW
  WHEN (OLD.kind IN ('dm', 'email', 'question'))
  EXECUTE FUNCTION private_talks_touch();
--> statement-breakpoint
INSERT INTO private_talks (workspace_id, person_id, channel, last_at)
SELECT workspace_id, person_id, channel, max(occurred_at) FROM interactions
WHERE kind IN ('dm', 'email', 'question') GROUP BY workspace_id, person_id, channel;
