-- An optional e-mail address per user account (issue 17: reminders and warning mail go to it). Shown only to the
-- user and to the administrators who manage the user; checked by the application (one address, no display name).
ALTER TABLE organization_user ADD COLUMN email VARCHAR(254);
