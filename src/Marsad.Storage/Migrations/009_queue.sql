-- A work queue of extractions (issue 18): `marsad ingest --defer` stores a text with no claims and
-- queues a job for it; `marsad worker` processes lease batches of jobs, extract them and store their
-- claims. One job a stored text (a document version, documents.seq); queuing it again (a
-- re-extraction) starts it over. A job is queued, leased (to lease_owner until lease_until, Unix
-- milliseconds so that both SQLite and PostgreSQL compare it as a number), done, or failed after
-- its attempts ran out (last_error says why). attempts counts the leases taken, so a text that
-- kills the process that reads it runs out of attempts too.

CREATE TABLE jobs (
    doc                 INTEGER PRIMARY KEY REFERENCES documents (seq) ON DELETE CASCADE,
    state               TEXT NOT NULL CHECK (state IN ('queued', 'leased', 'done', 'failed')),
    attempts            INTEGER NOT NULL DEFAULT 0,
    lease_owner         TEXT,
    lease_until         BIGINT,
    last_error          TEXT,
    queued_at           TEXT NOT NULL,
    finished_at         TEXT
);

CREATE INDEX jobs_state ON jobs (state, doc);
