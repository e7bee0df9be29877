-- Tallies kept in the store (issue 14, docs/tallies.md): maintained by every change that can alter
-- them instead of built from every claim at each read.
--
-- tally_mentions: the claims of each stored text that go into series (reviews applied, breakdown
-- wholes of mixed parts and parts no narrower than their whole left out), with their family — the
-- series key without its time shape, the unit a tally is recomputed in (SeriesKey.Family).
-- tally_series: the series of the record, a row each, its points and the claims (rowids) stating them.
-- tally_warnings: the checks across claims of a family (phase 1 conflicts, 2 decreases,
-- 3 increments) and the breakdown warnings of a text (phase 4, doc_hash set), in the order a tally lists them.
-- tally_dirty: families a change has touched and whose series are not yet recomputed (a batched
-- ingest recomputes them once at its end); a read that finds any recomputes what it reads.

CREATE TABLE tally_mentions (
    doc_hash            TEXT NOT NULL REFERENCES documents (hash) ON DELETE CASCADE,
    ordinal             INTEGER NOT NULL,
    family              TEXT NOT NULL,
    PRIMARY KEY (doc_hash, ordinal)
) WITHOUT ROWID;

CREATE INDEX tally_mentions_family ON tally_mentions (family);

CREATE TABLE tally_series (
    id                  TEXT PRIMARY KEY,
    family              TEXT NOT NULL,
    category            TEXT NOT NULL,
    actor               TEXT,
    since               TEXT,
    points              TEXT NOT NULL
);

CREATE INDEX tally_series_family ON tally_series (family);
CREATE INDEX tally_series_category ON tally_series (category, id);

CREATE TABLE tally_warnings (
    phase               INTEGER NOT NULL,
    sort                INTEGER NOT NULL,
    series_id           TEXT,
    seq                 INTEGER NOT NULL,
    family              TEXT,
    doc_hash            TEXT,
    code                TEXT NOT NULL,
    explanation         TEXT NOT NULL,
    claim_ids           TEXT NOT NULL
);

CREATE INDEX tally_warnings_order ON tally_warnings (phase, sort, series_id, seq);
CREATE INDEX tally_warnings_family ON tally_warnings (family);
CREATE INDEX tally_warnings_doc ON tally_warnings (doc_hash);

CREATE TABLE tally_dirty (family TEXT PRIMARY KEY) WITHOUT ROWID;

-- A store made before this migration has claims but no tally: MarsadStore.Open fills it in.
CREATE TABLE tally_backfill (pending INTEGER NOT NULL);
INSERT INTO tally_backfill (pending) SELECT 1 WHERE EXISTS (SELECT 1 FROM documents);
