-- Reports that could not be ingested (issue 12): the file (or "upload"), the line of a JSON-lines
-- report (0 for a whole file), the document id when it was read, the stage that failed (read,
-- extract, store) and why. Storing the same file and line, or the same document id, later clears
-- its row, so the table lists what is still failing.

CREATE TABLE failures (
    source              TEXT NOT NULL,
    line                INTEGER NOT NULL,
    doc_id              TEXT,
    stage               TEXT NOT NULL CHECK (stage IN ('read', 'extract', 'store')),
    reason              TEXT NOT NULL,
    failed_at           TEXT NOT NULL,
    PRIMARY KEY (source, line)
);

CREATE INDEX failures_doc_id ON failures (doc_id);

-- A number every commit that changes what the record says (documents, claims, reviews, retractions) moves on: readers on several connections
-- compare it to know they read one snapshot (MarsadStore.Mentions reads claims in parallel slices).
CREATE TABLE generation (value INTEGER NOT NULL);
INSERT INTO generation (value) VALUES (0);

CREATE TRIGGER documents_inserted AFTER INSERT ON documents BEGIN UPDATE generation SET value = value + 1; END;
CREATE TRIGGER documents_updated AFTER UPDATE ON documents BEGIN UPDATE generation SET value = value + 1; END;
CREATE TRIGGER documents_deleted AFTER DELETE ON documents BEGIN UPDATE generation SET value = value + 1; END;
CREATE TRIGGER reviews_inserted AFTER INSERT ON reviews BEGIN UPDATE generation SET value = value + 1; END;
CREATE TRIGGER retractions_inserted AFTER INSERT ON retractions BEGIN UPDATE generation SET value = value + 1; END;
