-- Reviewers and their decisions (issue 6). A review is attached to the claim's span in the text
-- it was read from, not to its id, so a re-extraction keeps it. Reviews are only ever added: the
-- table is the audit log, and the latest review of a span is the one in force.

CREATE TABLE users (
    name                TEXT PRIMARY KEY,
    token_hash          TEXT NOT NULL UNIQUE,
    created_at          TEXT NOT NULL
);

CREATE TABLE reviews (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_hash            TEXT NOT NULL REFERENCES documents (hash) ON DELETE CASCADE,
    span_start          INTEGER NOT NULL,
    span_end            INTEGER NOT NULL,
    claim_id            TEXT NOT NULL,
    action              TEXT NOT NULL CHECK (action IN ('confirm', 'reject', 'correct')),
    correction          TEXT,
    reason              TEXT NOT NULL,
    reviewer            TEXT NOT NULL REFERENCES users (name),
    reviewed_at         TEXT NOT NULL
);

CREATE INDEX reviews_span ON reviews (doc_hash, span_start, span_end);
