-- Schema 1 and schema 2 events live side by side in `events`; the `schema` column (there since
-- 0001) says which each one is. This index serves reading and counting by schema version and
-- event type, as readers move from one version to the next.
CREATE INDEX idx_schema_event_type ON events(schema, event_type);
