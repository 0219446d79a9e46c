CREATE TABLE "post_tallies" (
	"workspace_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"generation" integer DEFAULT 0 NOT NULL,
	"counted" boolean DEFAULT false NOT NULL,
	"channels" text[] DEFAULT '{}' NOT NULL,
	"conversations" integer DEFAULT 0 NOT NULL,
	"calls" integer DEFAULT 0 NOT NULL,
	"meetings" integer DEFAULT 0 NOT NULL,
	"per_channel" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "post_tallies_workspace_id_post_id_pk" PRIMARY KEY("workspace_id","post_id")
);
--> statement-breakpoint
ALTER TABLE "post_tallies" ADD CONSTRAINT "post_tallies_workspace_id_post_id_posts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","post_id") REFERENCES "public"."posts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- A post's tally is out of date: raise its generation and clear `counted` (see insights.table.ts).
-- Nothing for a post being deleted (its targets go with it): its tally goes too.
CREATE OR REPLACE FUNCTION post_tally_outdated(p_workspace_id uuid, p_post_id uuid) RETURNS void LANGUAGE sql AS $$
  INSERT INTO post_tallies (workspace_id, post_id, generation)
  SELECT p_workspace_id, p_post_id, 1 WHERE EXISTS (SELECT 1 FROM posts WHERE workspace_id = p_workspace_id AND id = p_post_id)
  ON CONFLICT (workspace_id, post_id) DO UPDATE SET generation = post_tallies.generation + 1, counted = false
$$;
--> statement-breakpoint
-- For rows of interactions and of post_targets: the post they were linked to, and the one they are now.
CREATE OR REPLACE FUNCTION post_tallies_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.post_id IS NOT NULL THEN
    PERFORM post_tally_outdated(OLD.workspace_id, OLD.post_id);
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.post_id IS NOT NULL AND (TG_OP = 'INSERT' OR NEW.post_id IS DISTINCT FROM OLD.post_id) THEN
    PERFORM post_tally_outdated(NEW.workspace_id, NEW.post_id);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Only interactions linked to a post run the function: an import of interactions without one pays nothing.
CREATE TRIGGER interactions_post_tallies_insert AFTER INSERT ON interactions FOR EACH ROW
  WHEN (NEW.post_id IS NOT NULL)
  EXECUTE FUNCTION post_tallies_stale();
--> statement-breakpoint
-- What a tally counts: the post, the person (a merge moves interactions), the kind and the channel.
CREATE TRIGGER interactions_post_tallies_update AFTER UPDATE ON interactions FOR EACH ROW
  WHEN ((OLD.post_id IS NOT NULL OR NEW.post_id IS NOT NULL)
    AND (OLD.post_id IS DISTINCT FROM NEW.post_id OR OLD.person_id IS DISTINCT FROM NEW.person_id
      OR OLD.kind IS DISTINCT FROM NEW.kind OR OLD.channel IS DISTINCT FROM NEW.channel))
  EXECUTE FUNCTION post_tallies_stale();
--> statement-breakpoint
CREATE TRIGGER interactions_post_tallies_delete AFTER DELETE ON interactions FOR EACH ROW
  WHEN (OLD.post_id IS NOT NULL)
  EXECUTE FUNCTION post_tallies_stale();
--> statement-breakpoint
-- The platforms a post went to are its published targets.
CREATE TRIGGER post_targets_post_tallies_insert AFTER INSERT ON post_targets FOR EACH ROW
  WHEN (NEW.state = 'published')
  EXECUTE FUNCTION post_tallies_stale();
--> statement-breakpoint
CREATE TRIGGER post_targets_post_tallies_update AFTER UPDATE ON post_targets FOR EACH ROW
  WHEN ((OLD.state = 'published') IS DISTINCT FROM (NEW.state = 'published')
    OR (NEW.state = 'published' AND (NEW.channel_id IS DISTINCT FROM OLD.channel_id OR NEW.post_id IS DISTINCT FROM OLD.post_id)))
  EXECUTE FUNCTION post_tallies_stale();
--> statement-breakpoint
CREATE TRIGGER post_targets_post_tallies_delete AFTER DELETE ON post_targets FOR EACH ROW
  WHEN (OLD.state = 'published')
  EXECUTE FUNCTION post_tallies_stale();
