-- Security plan by level (issue 17, second slice): per approved dossier, the state of each requirement
-- item of its framework version's catalogue for its level. An item without a row is not started.
-- Evidence is a link or one document (kept like dossier files: outside the database, with a SHA-256).
CREATE TABLE level_plan_item (
  dossier_id            BIGINT NOT NULL REFERENCES level_dossier(id),
  item_key              VARCHAR(40) NOT NULL,
  status                VARCHAR(20) NOT NULL,
  not_applicable_reason VARCHAR(2000),
  owner                 VARCHAR(200),
  due_on                DATE,
  evidence_link         VARCHAR(1000),
  evidence_file_name    VARCHAR(255),
  evidence_type         VARCHAR(20),
  evidence_size         BIGINT,
  evidence_sha256       VARCHAR(64),
  evidence_storage_key  VARCHAR(100),
  updated_by            VARCHAR(100) NOT NULL,
  updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (dossier_id, item_key)
);
