-- The events table of the source documents, plus the envelope's `event_id` (unique, so a
-- redelivered batch stores each event once), its `schema` and the server's `received_at`
-- (which replaces the sketch's `created_at`). UUIDs compare without case, so one event or
-- one install is never counted twice because of its spelling.
-- No column holds an IP address, a header or a user agent.
CREATE TABLE events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
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
CREATE INDEX idx_event_type ON events(event_type);
CREATE INDEX idx_timestamp ON events(timestamp);
CREATE INDEX idx_anonymous_id ON events(anonymous_id);
CREATE INDEX idx_received_at ON events(received_at);
