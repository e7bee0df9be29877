-- Document identity (issue 11): a document is its id and a version. The same id with another text
-- was stored beside the first under the same id, and their claims under the same ids; now each
-- text of an id is a numbered version (in the order they were ingested), and the claims of
-- version K >= 2 are numbered DOC@vK#n (Marsad.Model.DocumentVersions). Reviews stay on the text
-- they were made on; their claim ids follow. A retracted document stays stored but leaves the record.

ALTER TABLE documents ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

UPDATE documents SET version = (SELECT count(*) FROM documents earlier WHERE earlier.id = documents.id AND earlier.rowid <= documents.rowid);

CREATE UNIQUE INDEX documents_version ON documents (id, version);

UPDATE claims SET
    claim_id = doc_id || '@v' || (SELECT version FROM documents WHERE hash = claims.doc_hash) || substr(claim_id, length(doc_id) + 1),
    parent = CASE WHEN parent LIKE doc_id || '#%'
        THEN doc_id || '@v' || (SELECT version FROM documents WHERE hash = claims.doc_hash) || substr(parent, length(doc_id) + 1)
        ELSE parent END
WHERE doc_hash IN (SELECT hash FROM documents WHERE version > 1) AND substr(claim_id, 1, length(doc_id) + 1) = doc_id || '#';

UPDATE reviews SET claim_id = coalesce(
    (SELECT claim_id FROM claims WHERE claims.doc_hash = reviews.doc_hash AND claims.span_start = reviews.span_start AND claims.span_end = reviews.span_end),
    claim_id)
WHERE doc_hash IN (SELECT hash FROM documents WHERE version > 1);

CREATE INDEX claims_claim_id ON claims (claim_id);

CREATE TABLE retractions (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id              TEXT NOT NULL,
    reason              TEXT NOT NULL,
    retracted_by        TEXT NOT NULL,
    retracted_at        TEXT NOT NULL
);

CREATE INDEX retractions_doc ON retractions (doc_id);
