-- Plans at province scale (issue 17, benchmark): every dashboard and campaign list needs, per approved
-- dossier, how many of its plan items are done and how many do not apply. Counting them from
-- level_plan_item on each request summed every item of every dossier; the dossier now carries both
-- counts, kept by PlanStore.save in the transaction that writes an item and filled for existing rows
-- by the next migration. SQL accepted by both H2 (MODE=PostgreSQL) and PostgreSQL 15.
ALTER TABLE level_dossier ADD COLUMN plan_done INT DEFAULT 0 NOT NULL;
ALTER TABLE level_dossier ADD COLUMN plan_not_applicable INT DEFAULT 0 NOT NULL;

-- campaign lists are ordered by unit name: read units in that order and stop once a page is full,
-- instead of joining and sorting every system of the subtree
CREATE INDEX ix_organization_unit_name ON organization_unit (name, id);
