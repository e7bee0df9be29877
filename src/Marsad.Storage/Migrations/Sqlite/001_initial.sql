-- Documents as ingested and the claims extracted from them (CODEBOOK §2).
-- A document is addressed by the SHA-256 of its text; its text is never rewritten.

CREATE TABLE documents (
    hash                TEXT PRIMARY KEY,
    id                  TEXT NOT NULL,
    text                TEXT NOT NULL,
    title               TEXT,
    source              TEXT,
    url                 TEXT,
    lang                TEXT,
    published           TEXT,
    published_inferred  TEXT,
    published_how       TEXT,
    ingested_at         TEXT NOT NULL
);

CREATE INDEX documents_id ON documents (id);

CREATE TABLE claims (
    doc_hash            TEXT NOT NULL REFERENCES documents (hash) ON DELETE CASCADE,
    ordinal             INTEGER NOT NULL,
    claim_id            TEXT NOT NULL,
    doc_id              TEXT NOT NULL,
    span_start          INTEGER NOT NULL,
    span_end            INTEGER NOT NULL,
    text                TEXT NOT NULL,
    quote               TEXT NOT NULL,
    headline            INTEGER NOT NULL,
    value               INTEGER,
    low                 INTEGER,
    high                INTEGER,
    qualifier           TEXT NOT NULL,
    magnitude           TEXT,
    unit                TEXT NOT NULL,
    category            TEXT NOT NULL,
    also                TEXT NOT NULL,
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
    warnings            TEXT NOT NULL,
    extractor_version   TEXT NOT NULL,
    PRIMARY KEY (doc_hash, ordinal)
);

CREATE INDEX claims_category ON claims (category);
CREATE INDEX claims_doc_id ON claims (doc_id);
