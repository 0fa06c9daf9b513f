-- The table of db-scheduler (vn.camguard.schedule), the one scheduling library of the platform: one
-- row per task instance, picked with an optimistic version so that a task runs once across every
-- instance on this database. Columns as in db-scheduler 16's own PostgreSQL schema; VARCHAR instead
-- of TEXT for the key columns and BYTEA for the data so that the same script runs on H2.
CREATE TABLE scheduled_tasks (
  task_name             VARCHAR(250) NOT NULL,
  task_instance         VARCHAR(250) NOT NULL,
  task_data             BYTEA,
  execution_time        TIMESTAMP WITH TIME ZONE NOT NULL,
  picked                BOOLEAN NOT NULL,
  picked_by             VARCHAR(250),
  last_success          TIMESTAMP WITH TIME ZONE,
  last_failure          TIMESTAMP WITH TIME ZONE,
  consecutive_failures  INT,
  last_heartbeat        TIMESTAMP WITH TIME ZONE,
  version               BIGINT NOT NULL,
  priority              SMALLINT,
  PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX ix_scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX ix_scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX ix_scheduled_tasks_priority_time ON scheduled_tasks (priority DESC, execution_time ASC);
