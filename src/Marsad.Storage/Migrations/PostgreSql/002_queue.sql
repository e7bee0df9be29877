-- The work queue of extractions, as Migrations/Sqlite/009_queue.sql has it (see there): one job a
-- stored text; lease_until in Unix milliseconds.

CREATE TABLE jobs (
    doc                 bigint PRIMARY KEY REFERENCES documents (seq) ON DELETE CASCADE,
    state               text COLLATE "C" NOT NULL CHECK (state IN ('queued', 'leased', 'done', 'failed')),
    attempts            integer NOT NULL DEFAULT 0,
    lease_owner         text COLLATE "C",
    lease_until         bigint,
    last_error          text COLLATE "C",
    queued_at           text COLLATE "C" NOT NULL,
    finished_at         text COLLATE "C"
);

CREATE INDEX jobs_state ON jobs (state, doc);

CREATE TRIGGER jobs_change AFTER INSERT OR UPDATE OR DELETE ON jobs FOR EACH STATEMENT EXECUTE FUNCTION changes_next();
