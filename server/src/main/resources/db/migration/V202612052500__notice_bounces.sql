-- Notice bounces (issue 19): each mailed notice keeps what comes back in a delivery status notification (its
-- Message-ID, and the token of its VERP envelope sender), and a bounced notice keeps the failed recipient, the DSN's
-- status code and diagnostic text. The bounce mailbox's last check is kept for the notices page. H2 and PostgreSQL.

ALTER TABLE subscriber_notice ADD COLUMN message_id VARCHAR(300);
ALTER TABLE subscriber_notice ADD COLUMN bounce_token VARCHAR(40);
ALTER TABLE subscriber_notice ADD COLUMN bounce_recipient VARCHAR(254);
ALTER TABLE subscriber_notice ADD COLUMN bounce_status VARCHAR(20);
ALTER TABLE subscriber_notice ADD COLUMN bounce_diagnostic VARCHAR(500);
ALTER TABLE subscriber_notice ADD COLUMN bounced_at TIMESTAMP WITH TIME ZONE;

ALTER TABLE subscriber_notice DROP CONSTRAINT ck_subscriber_notice_status;
ALTER TABLE subscriber_notice ADD CONSTRAINT ck_subscriber_notice_status
  CHECK (status IN ('SENT', 'FAILED', 'NOT_SENT', 'LETTER', 'BOUNCED'));

CREATE INDEX ix_subscriber_notice_bounce_token ON subscriber_notice (bounce_token);
CREATE INDEX ix_subscriber_notice_message_id ON subscriber_notice (message_id);

CREATE TABLE notice_bounce_check (
  id          INT PRIMARY KEY,
  checked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  read_count  INT NOT NULL,
  bounced     INT NOT NULL,
  unmatched   INT NOT NULL,
  malformed   INT NOT NULL,
  error       VARCHAR(500)
);
