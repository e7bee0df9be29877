-- A compact store (issue 14): the claims of a text point into it instead of copying it.
--
-- documents: a text gets a number (seq) that its claims and kept tallies name instead of its
-- 64-character hash; the extractor that read it (every claim of a text is read by one extraction);
-- the text last, so its metadata is read without walking its overflow pages.
-- claims: a claim's text is the span of the document's text, its quote [quote_start, quote_end) of
-- it (UTF-16 offsets, as spans are); its id DOC#n (DOC@vK#n) and its document id follow from the
-- document and its ordinal. The columns claim_id, doc_id, text and quote hold a value only when it
-- is not the one the row implies (a claim not made by the extractor, a store older than this); an
-- empty list of also-categories or warnings is NULL. seq is the rowid kept tallies name, declared so
-- that a VACUUM keeps it. Only the indexes the queries use are kept.
-- The rowids of claims are kept, so the kept series (their points name claim rowids) stay valid;
-- MarsadStore.Open then finds the quotes and texts of the rows copied here in their documents.

CREATE TABLE documents_compact (
    seq                 INTEGER PRIMARY KEY,
    hash                TEXT NOT NULL UNIQUE,
    id                  TEXT NOT NULL,
    version             INTEGER NOT NULL,
    title               TEXT,
    source              TEXT,
    url                 TEXT,
    lang                TEXT,
    published           TEXT,
    published_inferred  TEXT,
    published_how       TEXT,
    ingested_at         TEXT NOT NULL,
    extractor_version   TEXT,
    text                TEXT NOT NULL
);

INSERT INTO documents_compact (seq, hash, id, version, title, source, url, lang, published, published_inferred, published_how, ingested_at, extractor_version, text)
SELECT rowid, hash, id, version, title, source, url, lang, published, published_inferred, published_how, ingested_at,
       (SELECT extractor_version FROM claims WHERE doc_hash = documents.hash ORDER BY ordinal LIMIT 1), text
FROM documents;

CREATE TABLE claims_compact (
    seq                 INTEGER PRIMARY KEY,
    doc                 INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
    ordinal             INTEGER NOT NULL,
    span_start          INTEGER NOT NULL,
    span_end            INTEGER NOT NULL,
    quote_start         INTEGER,
    quote_end           INTEGER,
    headline            INTEGER NOT NULL,
    value               INTEGER,
    low                 INTEGER,
    high                INTEGER,
    qualifier           TEXT NOT NULL,
    magnitude           TEXT,
    unit                TEXT NOT NULL,
    category            TEXT NOT NULL,
    also                TEXT,
    actor               TEXT,
    role                TEXT,
    age                 TEXT,
    sex                 TEXT,
    nationality         TEXT,
    perpetrator         TEXT,
    cause               TEXT,
    time_kind           TEXT,
    since               TEXT,
    period_start        TEXT,
    period_end          TEXT,
    as_of               TEXT,
    place_name          TEXT,
    admin1              TEXT,
    gazetteer_id        TEXT,
    lat                 REAL,
    lon                 REAL,
    parent              TEXT,
    attribution         TEXT,
    warnings            TEXT,
    claim_id            TEXT,
    doc_id              TEXT,
    text                TEXT,
    quote               TEXT,
    UNIQUE (doc, ordinal)
);

INSERT INTO claims_compact
SELECT c.rowid, d.seq, c.ordinal, c.span_start, c.span_end, NULL, NULL, c.headline, c.value, c.low, c.high, c.qualifier, c.magnitude,
       c.unit, c.category, nullif(c.also, '[]'), c.actor, c.role, c.age, c.sex, c.nationality, c.perpetrator, c.cause, c.time_kind,
       c.since, c.period_start, c.period_end, c.as_of, c.place_name, c.admin1, c.gazetteer_id, c.lat, c.lon, c.parent, c.attribution,
       nullif(c.warnings, '[]'),
       nullif(c.claim_id, CASE WHEN d.version = 1 THEN d.id ELSE d.id || '@v' || d.version END || '#' || (c.ordinal + 1)),
       nullif(c.doc_id, d.id), c.text, c.quote
FROM claims c JOIN documents_compact d ON d.hash = c.doc_hash;

-- Found again by the store when it opens: the texts and quotes above that are spans of their document.
CREATE TABLE compact_backfill (pending INTEGER NOT NULL);
INSERT INTO compact_backfill (pending) SELECT 1 WHERE EXISTS (SELECT 1 FROM claims_compact);

CREATE TABLE tally_mentions_compact (
    doc                 INTEGER NOT NULL,
    ordinal             INTEGER NOT NULL,
    family              TEXT NOT NULL,
    PRIMARY KEY (doc, ordinal)
) WITHOUT ROWID;

INSERT INTO tally_mentions_compact SELECT d.seq, t.ordinal, t.family FROM tally_mentions t JOIN documents_compact d ON d.hash = t.doc_hash;

CREATE TABLE tally_warnings_compact (
    phase               INTEGER NOT NULL,
    sort                INTEGER NOT NULL,
    series_id           TEXT,
    seq                 INTEGER NOT NULL,
    family              TEXT,
    doc                 INTEGER,
    code                TEXT NOT NULL,
    explanation         TEXT NOT NULL,
    claim_ids           TEXT NOT NULL
);

INSERT INTO tally_warnings_compact
SELECT w.phase, w.sort, w.series_id, w.seq, w.family, d.seq, w.code, w.explanation, w.claim_ids
FROM tally_warnings w LEFT JOIN documents_compact d ON d.hash = w.doc_hash;

DROP TABLE tally_mentions;
DROP TABLE tally_warnings;
DROP TABLE claims;
DROP TABLE documents;
ALTER TABLE documents_compact RENAME TO documents;
ALTER TABLE claims_compact RENAME TO claims;
ALTER TABLE tally_mentions_compact RENAME TO tally_mentions;
ALTER TABLE tally_warnings_compact RENAME TO tally_warnings;

CREATE UNIQUE INDEX documents_version ON documents (id, version);
CREATE INDEX claims_claim_id ON claims (claim_id) WHERE claim_id IS NOT NULL;
CREATE INDEX tally_mentions_family ON tally_mentions (family);
CREATE INDEX tally_warnings_order ON tally_warnings (phase, sort, series_id, seq);
CREATE INDEX tally_warnings_family ON tally_warnings (family);
CREATE INDEX tally_warnings_doc ON tally_warnings (doc);

CREATE TRIGGER documents_inserted AFTER INSERT ON documents BEGIN UPDATE generation SET value = value + 1; END;
CREATE TRIGGER documents_updated AFTER UPDATE ON documents BEGIN UPDATE generation SET value = value + 1; END;
CREATE TRIGGER documents_deleted AFTER DELETE ON documents BEGIN UPDATE generation SET value = value + 1; END;
