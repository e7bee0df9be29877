-- Monitoring (issue 17): watched sources and their polling state, the last fetches of each with
-- their reasons, every page the watcher has read (by canonical URL) with the fingerprints that
-- recognise a copy, and the alerts new reports raised. Times are ISO 8601 UTC.

CREATE TABLE sources (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    url                 TEXT NOT NULL UNIQUE,
    name                TEXT NOT NULL,
    kind                TEXT NOT NULL CHECK (kind IN ('auto', 'rss', 'atom', 'json', 'sitemap', 'html')),
    paused              INTEGER NOT NULL DEFAULT 0,
    interval_seconds    INTEGER NOT NULL,
    next_fetch_at       TEXT NOT NULL,
    last_fetch_at       TEXT,
    content_hash        TEXT,
    etag                TEXT,
    last_modified       TEXT,
    failures            REAL NOT NULL DEFAULT 0,
    added_at            TEXT NOT NULL
);

-- The last few polls of each source (older ones are deleted as new ones come).
CREATE TABLE fetch_events (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id           INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    at                  TEXT NOT NULL,
    outcome             TEXT NOT NULL CHECK (outcome IN ('changed', 'not_modified', 'unchanged', 'failed')),
    status              INTEGER,
    reason              TEXT NOT NULL,
    bytes               INTEGER NOT NULL,
    items               INTEGER NOT NULL,
    new_items           INTEGER NOT NULL,
    stored              INTEGER NOT NULL,
    elapsed_ms          INTEGER NOT NULL
);

CREATE INDEX fetch_events_source ON fetch_events (source_id, id);

CREATE TABLE articles (
    url                 TEXT PRIMARY KEY,
    source_id           INTEGER REFERENCES sources (id) ON DELETE SET NULL,
    doc_id              TEXT,
    text_hash           TEXT,
    simhash             INTEGER NOT NULL,
    figures             TEXT NOT NULL,
    stamp               TEXT,
    outcome             TEXT NOT NULL CHECK (outcome IN ('stored', 'new_version', 'duplicate', 'near_duplicate', 'failed')),
    seen_at             TEXT NOT NULL
);

CREATE INDEX articles_text_hash ON articles (text_hash);

-- Near copies are looked for only among pages stating the same figures.
CREATE INDEX articles_figures ON articles (figures);

CREATE TABLE alerts (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    kind                TEXT NOT NULL,
    series_id           TEXT,
    series_label        TEXT,
    doc_id              TEXT NOT NULL,
    explanation         TEXT NOT NULL,
    claims              TEXT NOT NULL,
    created_at          TEXT NOT NULL
);

CREATE INDEX alerts_created ON alerts (created_at);
