-- Reviewer accounts (issue 11): a role (a reviewer reviews and uploads; an admin also retracts
-- documents and manages accounts), and revocation. A revoked account keeps its name in the review
-- log and no longer authenticates.

ALTER TABLE users ADD COLUMN role TEXT NOT NULL DEFAULT 'reviewer' CHECK (role IN ('reviewer', 'admin'));
ALTER TABLE users ADD COLUMN revoked_at TEXT;
