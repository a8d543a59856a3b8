-- Two D1 rows written per stored event, no more: the events table keeps only its rowid and the
-- unique event_id (dedupe). The indexes on event_type, timestamp, anonymous_id and received_at go
-- (public stats come from the aggregates, never from a scan), and so does AUTOINCREMENT, whose
-- sqlite_sequence row is rewritten by every insert. Ids still only grow: retention deletes the
-- oldest events, never the newest.
-- `ingest_days` marks the first id of each UTC day of receipt, so the export's `since` and the
-- retention job find their events by id (see collector/src/ingest_days.ts).
CREATE TABLE events_lean (
  id INTEGER PRIMARY KEY,
  event_id TEXT NOT NULL UNIQUE COLLATE NOCASE,
  schema INTEGER NOT NULL,
  event_type TEXT NOT NULL,
  version TEXT NOT NULL,
  platform TEXT NOT NULL,
  python_version TEXT,
  anonymous_id TEXT NOT NULL COLLATE NOCASE,
  metadata TEXT NOT NULL,
  timestamp TEXT NOT NULL,
  received_at TEXT NOT NULL
);
INSERT INTO events_lean (id, event_id, schema, event_type, version, platform, python_version,
  anonymous_id, metadata, timestamp, received_at)
  SELECT id, event_id, schema, event_type, version, platform, python_version, anonymous_id,
    metadata, timestamp, received_at FROM events ORDER BY id;
DROP TABLE events;
ALTER TABLE events_lean RENAME TO events;
CREATE TABLE ingest_days (
  day TEXT PRIMARY KEY,
  first_id INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO ingest_days (day, first_id)
  SELECT substr(received_at, 1, 10), MIN(id) FROM events GROUP BY 1;
