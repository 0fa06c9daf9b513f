-- How many times a scan part was started: more than once when an instance died and another took the part over.
ALTER TABLE monitoring_job_part ADD COLUMN attempts INT DEFAULT 0 NOT NULL;
