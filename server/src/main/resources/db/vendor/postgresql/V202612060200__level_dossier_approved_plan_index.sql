-- Campaign lists at province scale (issue 17): the counts and page starts of both overdue lists join every
-- system of the subtree with its approved dossier (NOT EXISTS for systems without a level; the plan counters
-- for plans below 100 %). This partial index holds the approved dossiers only, with what the plans list
-- reads of them, so both are read from a small index instead of the whole dossier table.
-- PostgreSQL only (partial index with INCLUDE); H2 keeps reading the table, with the same results.
CREATE INDEX ix_level_dossier_approved_plan ON level_dossier (system_id)
  INCLUDE (framework_version_id, level, plan_done, plan_not_applicable) WHERE status = 'APPROVED';
