-- When the user's password last changed (own change or an administrator's reset): every session that signed in
-- before it ends at its next request, on whichever server instance it lives (NULL: never changed since this column).
ALTER TABLE organization_user ADD COLUMN credentials_changed_at TIMESTAMP WITH TIME ZONE;
