-- Reminder mails at least once (issue 17): a mail is noted PENDING with its notification, in the same transaction,
-- and becomes SENT or FAILED once tried; a later reminder run tries a FAILED one again (or a PENDING one left by an
-- instance that stopped before sending it), up to a number of attempts. The attempts are counted here.
-- SQL accepted by both H2 (MODE=PostgreSQL) and PostgreSQL 15.

ALTER TABLE notification_mail ADD COLUMN attempts INT DEFAULT 0 NOT NULL;

UPDATE notification_mail SET attempts = 1;

CREATE INDEX ix_notification_mail_outcome ON notification_mail (outcome, at);
