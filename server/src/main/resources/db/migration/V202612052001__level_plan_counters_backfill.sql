-- Fills the plan counters of level_dossier (previous migration) from the plan items already stored.
-- The same statement as PlanStore's recount; kept as its own migration so a test can run it again.
UPDATE level_dossier SET
  plan_done = (SELECT COUNT(*) FROM level_plan_item p WHERE p.dossier_id = level_dossier.id AND p.status = 'DONE'),
  plan_not_applicable = (SELECT COUNT(*) FROM level_plan_item p
    WHERE p.dossier_id = level_dossier.id AND p.status = 'NOT_APPLICABLE');
