-- Audit chain keyed with a secret kept outside the database (HMAC-SHA256, issue 15 item 8).
-- chain_version 1: the entries written before, hashed with plain SHA-256 (anyone with database access
-- could recompute them); 2: HMAC-SHA256 under the key whose fingerprint is key_id. The first keyed
-- entry commits to the last unkeyed hash, so the old entries stay verifiable and nothing is rewritten.
ALTER TABLE audit_entry ADD COLUMN chain_version SMALLINT DEFAULT 1 NOT NULL;
ALTER TABLE audit_entry ADD COLUMN key_id VARCHAR(16);

-- The latest verification of the whole chain (start-up, schedule or on request), shared by every
-- instance: the audit page's banner and the health indicator read it instead of walking the chain.
CREATE TABLE audit_chain_status (
  id             INT PRIMARY KEY,
  checked_at     TIMESTAMP WITH TIME ZONE,
  intact         BOOLEAN NOT NULL,
  checked        BIGINT NOT NULL,
  first_bad_seq  BIGINT,
  reason         VARCHAR(20)
);

INSERT INTO audit_chain_status (id, checked_at, intact, checked, first_bad_seq, reason)
VALUES (1, NULL, TRUE, 0, NULL, NULL);
