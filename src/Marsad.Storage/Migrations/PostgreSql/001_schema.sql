-- The store's schema on PostgreSQL, as the SQLite migrations 001–008 leave it (Migrations/Sqlite),
-- in one step: there are no older PostgreSQL stores to bring forward. The same tables, columns and
-- meanings, so that the store's SQL is written once; where the engines differ:
--   * ids are bigint identities (documents.seq, claims.seq, reviews, retractions, sources, alerts…);
--   * every text column compares and sorts by code point (COLLATE "C"), as SQLite's BINARY does,
--     whatever the database's locale: lists come out in the same order on both engines;
--   * documents.text holds the text itself: PostgreSQL compresses long values on its own (TOAST),
--     where SQLite keeps them zlib-compressed (TextColumn);
--   * documents and claims carry the first day of their publication month (given, else inferred;
--     NULL when unknown), kept by triggers, so the two big tables can be partitioned by it later;
--   * the SQL functions and the collation SQLite gets from the store's connection are made here;
--   * `changes` counts the statements that changed any table: what SQLite's data_version tells a
--     cache (MarsadStore.ChangesSeen), moved on only when they commit.

CREATE COLLATION ignorecase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);

-- instr(haystack, needle) as SQLite has it: where needle first starts (1-based), 0 when nowhere.
CREATE FUNCTION instr(text, text) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT strpos($1, $2)';

-- A stored text as SQL reads it: here it is kept as it is.
CREATE FUNCTION document_text(text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT $1';

CREATE TABLE documents (
    seq                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    hash                text COLLATE "C" NOT NULL UNIQUE,
    id                  text COLLATE "C" NOT NULL,
    version             integer NOT NULL,
    title               text COLLATE "C",
    source              text COLLATE "C",
    url                 text COLLATE "C",
    lang                text COLLATE "C",
    published           text COLLATE "C",
    published_inferred  text COLLATE "C",
    published_how       text COLLATE "C",
    ingested_at         text COLLATE "C" NOT NULL,
    extractor_version   text COLLATE "C",
    month               date,
    text                text COLLATE "C" NOT NULL
);

CREATE UNIQUE INDEX documents_version ON documents (id, version);

CREATE TABLE claims (
    seq                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    doc                 bigint NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
    ordinal             integer NOT NULL,
    month               date,
    span_start          integer NOT NULL,
    span_end            integer NOT NULL,
    quote_start         integer,
    quote_end           integer,
    headline            integer NOT NULL,
    value               bigint,
    low                 bigint,
    high                bigint,
    qualifier           text COLLATE "C" NOT NULL,
    magnitude           text COLLATE "C",
    unit                text COLLATE "C" NOT NULL,
    category            text COLLATE "C" NOT NULL,
    also                text COLLATE "C",
    actor               text COLLATE "C",
    role                text COLLATE "C",
    age                 text COLLATE "C",
    sex                 text COLLATE "C",
    nationality         text COLLATE "C",
    perpetrator         text COLLATE "C",
    cause               text COLLATE "C",
    time_kind           text COLLATE "C",
    since               text COLLATE "C",
    period_start        text COLLATE "C",
    period_end          text COLLATE "C",
    as_of               text COLLATE "C",
    place_name          text COLLATE "C",
    admin1              text COLLATE "C",
    gazetteer_id        text COLLATE "C",
    lat                 double precision,
    lon                 double precision,
    parent              text COLLATE "C",
    attribution         text COLLATE "C",
    warnings            text COLLATE "C",
    claim_id            text COLLATE "C",
    doc_id              text COLLATE "C",
    text                text COLLATE "C",
    quote               text COLLATE "C",
    UNIQUE (doc, ordinal)
);

CREATE INDEX claims_claim_id ON claims (claim_id) WHERE claim_id IS NOT NULL;

CREATE FUNCTION documents_month() RETURNS trigger LANGUAGE plpgsql AS '
BEGIN
    NEW.month := date_trunc(''month'', to_date(coalesce(NEW.published, NEW.published_inferred), ''YYYY-MM-DD''))::date;
    RETURN NEW;
END';

CREATE TRIGGER documents_month BEFORE INSERT OR UPDATE OF published, published_inferred ON documents
    FOR EACH ROW EXECUTE FUNCTION documents_month();

CREATE FUNCTION claims_month() RETURNS trigger LANGUAGE plpgsql AS '
BEGIN
    NEW.month := (SELECT month FROM documents WHERE seq = NEW.doc);
    RETURN NEW;
END';

CREATE TRIGGER claims_month BEFORE INSERT ON claims FOR EACH ROW EXECUTE FUNCTION claims_month();

CREATE TABLE users (
    name                text COLLATE "C" PRIMARY KEY,
    token_hash          text COLLATE "C" NOT NULL UNIQUE,
    created_at          text COLLATE "C" NOT NULL,
    role                text COLLATE "C" NOT NULL DEFAULT 'reviewer' CHECK (role IN ('reviewer', 'admin')),
    revoked_at          text COLLATE "C"
);

CREATE TABLE reviews (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    doc_hash            text COLLATE "C" NOT NULL REFERENCES documents (hash) ON DELETE CASCADE,
    span_start          integer NOT NULL,
    span_end            integer NOT NULL,
    claim_id            text COLLATE "C" NOT NULL,
    action              text COLLATE "C" NOT NULL CHECK (action IN ('confirm', 'reject', 'correct')),
    correction          text COLLATE "C",
    reason              text COLLATE "C" NOT NULL,
    reviewer            text COLLATE "C" NOT NULL REFERENCES users (name),
    reviewed_at         text COLLATE "C" NOT NULL
);

CREATE INDEX reviews_span ON reviews (doc_hash, span_start, span_end);

CREATE TABLE retractions (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    doc_id              text COLLATE "C" NOT NULL,
    reason              text COLLATE "C" NOT NULL,
    retracted_by        text COLLATE "C" NOT NULL,
    retracted_at        text COLLATE "C" NOT NULL
);

CREATE INDEX retractions_doc ON retractions (doc_id);

CREATE TABLE sources (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    url                 text COLLATE "C" NOT NULL UNIQUE,
    name                text COLLATE "C" NOT NULL,
    kind                text COLLATE "C" NOT NULL CHECK (kind IN ('auto', 'rss', 'atom', 'json', 'sitemap', 'html')),
    paused              integer NOT NULL DEFAULT 0,
    interval_seconds    bigint NOT NULL,
    next_fetch_at       text COLLATE "C" NOT NULL,
    last_fetch_at       text COLLATE "C",
    content_hash        text COLLATE "C",
    etag                text COLLATE "C",
    last_modified       text COLLATE "C",
    failures            double precision NOT NULL DEFAULT 0,
    added_at            text COLLATE "C" NOT NULL
);

CREATE TABLE fetch_events (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_id           bigint NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    at                  text COLLATE "C" NOT NULL,
    outcome             text COLLATE "C" NOT NULL CHECK (outcome IN ('changed', 'not_modified', 'unchanged', 'failed')),
    status              integer,
    reason              text COLLATE "C" NOT NULL,
    bytes               bigint NOT NULL,
    items               integer NOT NULL,
    new_items           integer NOT NULL,
    stored              integer NOT NULL,
    elapsed_ms          bigint NOT NULL
);

CREATE INDEX fetch_events_source ON fetch_events (source_id, id);

CREATE TABLE articles (
    url                 text COLLATE "C" PRIMARY KEY,
    source_id           bigint REFERENCES sources (id) ON DELETE SET NULL,
    doc_id              text COLLATE "C",
    text_hash           text COLLATE "C",
    simhash             bigint NOT NULL,
    figures             text COLLATE "C" NOT NULL,
    stamp               text COLLATE "C",
    outcome             text COLLATE "C" NOT NULL CHECK (outcome IN ('stored', 'new_version', 'duplicate', 'near_duplicate', 'failed')),
    seen_at             text COLLATE "C" NOT NULL
);

CREATE INDEX articles_text_hash ON articles (text_hash);
CREATE INDEX articles_figures ON articles (figures);

CREATE TABLE alerts (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind                text COLLATE "C" NOT NULL,
    series_id           text COLLATE "C",
    series_label        text COLLATE "C",
    doc_id              text COLLATE "C" NOT NULL,
    explanation         text COLLATE "C" NOT NULL,
    claims              text COLLATE "C" NOT NULL,
    created_at          text COLLATE "C" NOT NULL
);

CREATE INDEX alerts_created ON alerts (created_at);

CREATE TABLE failures (
    source              text COLLATE "C" NOT NULL,
    line                integer NOT NULL,
    doc_id              text COLLATE "C",
    stage               text COLLATE "C" NOT NULL CHECK (stage IN ('read', 'extract', 'store')),
    reason              text COLLATE "C" NOT NULL,
    failed_at           text COLLATE "C" NOT NULL,
    PRIMARY KEY (source, line)
);

CREATE INDEX failures_doc_id ON failures (doc_id);

CREATE TABLE tally_mentions (
    doc                 bigint NOT NULL,
    ordinal             integer NOT NULL,
    family              text COLLATE "C" NOT NULL,
    PRIMARY KEY (doc, ordinal)
);

CREATE INDEX tally_mentions_family ON tally_mentions (family);

CREATE TABLE tally_series (
    id                  text COLLATE "C" PRIMARY KEY,
    family              text COLLATE "C" NOT NULL,
    category            text COLLATE "C" NOT NULL,
    actor               text COLLATE "C",
    since               text COLLATE "C",
    points              text COLLATE "C" NOT NULL
);

CREATE INDEX tally_series_family ON tally_series (family);
CREATE INDEX tally_series_category ON tally_series (category, id);

CREATE TABLE tally_warnings (
    phase               integer NOT NULL,
    sort                bigint NOT NULL,
    series_id           text COLLATE "C",
    seq                 integer NOT NULL,
    family              text COLLATE "C",
    doc                 bigint,
    code                text COLLATE "C" NOT NULL,
    explanation         text COLLATE "C" NOT NULL,
    claim_ids           text COLLATE "C" NOT NULL
);

CREATE INDEX tally_warnings_order ON tally_warnings (phase, sort, series_id NULLS FIRST, seq);
CREATE INDEX tally_warnings_family ON tally_warnings (family);
CREATE INDEX tally_warnings_doc ON tally_warnings (doc);

CREATE TABLE tally_dirty (family text COLLATE "C" PRIMARY KEY);

-- A number every commit that changes what the record says moves on (MarsadStore.Generation).
CREATE TABLE generation (value bigint NOT NULL);
INSERT INTO generation (value) VALUES (0);

CREATE FUNCTION generation_next() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN UPDATE generation SET value = value + 1; RETURN NULL; END';

CREATE TRIGGER documents_changed AFTER INSERT OR UPDATE OR DELETE ON documents FOR EACH ROW EXECUTE FUNCTION generation_next();
CREATE TRIGGER reviews_inserted AFTER INSERT ON reviews FOR EACH ROW EXECUTE FUNCTION generation_next();
CREATE TRIGGER retractions_inserted AFTER INSERT ON retractions FOR EACH ROW EXECUTE FUNCTION generation_next();

-- A number every statement that changes any table moves on (MarsadStore.ChangesSeen).
CREATE TABLE changes (value bigint NOT NULL);
INSERT INTO changes (value) VALUES (0);

CREATE FUNCTION changes_next() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN UPDATE changes SET value = value + 1; RETURN NULL; END';

CREATE TRIGGER documents_change AFTER INSERT OR UPDATE OR DELETE ON documents FOR EACH STATEMENT EXECUTE FUNCTION changes_next();
CREATE TRIGGER users_change AFTER INSERT OR UPDATE OR DELETE ON users FOR EACH STATEMENT EXECUTE FUNCTION changes_next();
CREATE TRIGGER reviews_change AFTER INSERT OR UPDATE OR DELETE ON reviews FOR EACH STATEMENT EXECUTE FUNCTION changes_next();
CREATE TRIGGER retractions_change AFTER INSERT OR UPDATE OR DELETE ON retractions FOR EACH STATEMENT EXECUTE FUNCTION changes_next();
CREATE TRIGGER sources_change AFTER INSERT OR UPDATE OR DELETE ON sources FOR EACH STATEMENT EXECUTE FUNCTION changes_next();
CREATE TRIGGER fetch_events_change AFTER INSERT OR UPDATE OR DELETE ON fetch_events FOR EACH STATEMENT EXECUTE FUNCTION changes_next();
CREATE TRIGGER articles_change AFTER INSERT OR UPDATE OR DELETE ON articles FOR EACH STATEMENT EXECUTE FUNCTION changes_next();
CREATE TRIGGER alerts_change AFTER INSERT OR UPDATE OR DELETE ON alerts FOR EACH STATEMENT EXECUTE FUNCTION changes_next();
CREATE TRIGGER failures_change AFTER INSERT OR UPDATE OR DELETE ON failures FOR EACH STATEMENT EXECUTE FUNCTION changes_next();
CREATE TRIGGER tally_series_change AFTER INSERT OR UPDATE OR DELETE ON tally_series FOR EACH STATEMENT EXECUTE FUNCTION changes_next();
CREATE TRIGGER tally_warnings_change AFTER INSERT OR UPDATE OR DELETE ON tally_warnings FOR EACH STATEMENT EXECUTE FUNCTION changes_next();
