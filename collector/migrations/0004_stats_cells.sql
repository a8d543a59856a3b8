-- The public stats are precomputed: the daily job folds new events into one cell per dimension,
-- group and UTC month of receipt (events counted, installs in a HyperLogLog sketch, no id kept),
-- and releases the day's coarse numbers into stats_state, which GET /v1/stats reads as one row.
CREATE TABLE stats_cells (
  dimension TEXT NOT NULL,
  key TEXT NOT NULL,
  month TEXT NOT NULL,
  events INTEGER NOT NULL,
  installs TEXT NOT NULL,
  PRIMARY KEY (dimension, key, month)
) WITHOUT ROWID;
-- folded_through: the last event id folded; release: the day's published stats (JSON);
-- offset_secret: the random key of the published numbers' offsets (never leaves the database).
CREATE TABLE stats_state (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
