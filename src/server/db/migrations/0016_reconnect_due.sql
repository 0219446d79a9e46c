-- people.reconnect_due_at: when the keep-in-touch cadence is due, for the reconnect nudge (one
-- index range instead of evaluating every person's cadence on each Today). Due counts from the
-- latest interaction's own date (or when the person was added), plus the person's cadence, else
-- the smallest cadence of their tags in relationship_settings.tag_cadences; null without one.
CREATE OR REPLACE FUNCTION people_reconnect_due(p_workspace_id uuid, p_cadence_days integer, p_tags text[], p_last_interaction_at timestamptz, p_created_at timestamptz)
RETURNS timestamptz LANGUAGE sql STABLE AS $$
  SELECT coalesce(p_last_interaction_at, p_created_at) + make_interval(days => coalesce(p_cadence_days, (
    SELECT min(c.value::int) FROM relationship_settings s, jsonb_each_text(s.tag_cadences) c
    WHERE s.workspace_id = p_workspace_id AND c.key = ANY (p_tags))))
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION people_set_reconnect_due() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.reconnect_due_at := people_reconnect_due(NEW.workspace_id, NEW.cadence_days, NEW.tags, NEW.last_interaction_at, NEW.created_at);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
-- Only rows that can have a due date run the function: an import of people without cadence or tags pays nothing.
CREATE TRIGGER people_reconnect_due_insert BEFORE INSERT ON people FOR EACH ROW
  WHEN (NEW.cadence_days IS NOT NULL OR cardinality(NEW.tags) > 0 OR NEW.reconnect_due_at IS NOT NULL)
  EXECUTE FUNCTION people_set_reconnect_due();
--> statement-breakpoint
CREATE TRIGGER people_reconnect_due_update BEFORE UPDATE OF cadence_days, tags, last_interaction_at, created_at ON people FOR EACH ROW
  WHEN ((NEW.cadence_days IS NOT NULL OR cardinality(NEW.tags) > 0 OR OLD.reconnect_due_at IS NOT NULL)
    AND (NEW.cadence_days IS DISTINCT FROM OLD.cadence_days OR NEW.tags IS DISTINCT FROM OLD.tags
      OR NEW.last_interaction_at IS DISTINCT FROM OLD.last_interaction_at OR NEW.created_at IS DISTINCT FROM OLD.created_at))
  EXECUTE FUNCTION people_set_reconnect_due();
--> statement-breakpoint
-- New tag cadences move the due dates of everyone who carries a tag (or had a due date).
CREATE OR REPLACE FUNCTION relationship_settings_reconnect_due() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE people p SET reconnect_due_at = d.due
  FROM (SELECT q.id, people_reconnect_due(q.workspace_id, q.cadence_days, q.tags, q.last_interaction_at, q.created_at) AS due
        FROM people q WHERE q.workspace_id = NEW.workspace_id AND (cardinality(q.tags) > 0 OR q.reconnect_due_at IS NOT NULL)) d
  WHERE p.workspace_id = NEW.workspace_id AND p.id = d.id AND p.reconnect_due_at IS DISTINCT FROM d.due;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER relationship_settings_reconnect_due_insert AFTER INSERT ON relationship_settings FOR EACH ROW
  WHEN (NEW.tag_cadences <> '{}'::jsonb)
  EXECUTE FUNCTION relationship_settings_reconnect_due();
--> statement-breakpoint
CREATE TRIGGER relationship_settings_reconnect_due_update AFTER UPDATE OF tag_cadences ON relationship_settings FOR EACH ROW
  WHEN (NEW.tag_cadences IS DISTINCT FROM OLD.tag_cadences)
  EXECUTE FUNCTION relationship_settings_reconnect_due();
--> statement-breakpoint
UPDATE people SET reconnect_due_at = people_reconnect_due(workspace_id, cadence_days, tags, last_interaction_at, created_at)
WHERE cadence_days IS NOT NULL OR cardinality(tags) > 0;
