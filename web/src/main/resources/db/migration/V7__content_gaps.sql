-- What the library lacks: a need of some group found no content fit for it. One row per
-- (kind, tags, interests, language, region); the groups waiting on it are listed beside it.
CREATE TABLE content_gaps (
  gap_key    text PRIMARY KEY,
  kind       text NOT NULL,
  tags       text[] NOT NULL,
  interests  text[] NOT NULL,
  language   text NOT NULL,
  region     text,
  rule       text NOT NULL,
  first_seen timestamptz NOT NULL,
  last_seen  timestamptz NOT NULL
);

-- A group waits on a gap from its first decision that met it until a decision no longer does.
CREATE TABLE content_gap_waits (
  gap_key   text NOT NULL REFERENCES content_gaps (gap_key) ON DELETE CASCADE,
  group_id  text NOT NULL,
  since     timestamptz NOT NULL,
  last_seen timestamptz NOT NULL,
  PRIMARY KEY (gap_key, group_id)
);

CREATE INDEX content_gap_waits_by_group ON content_gap_waits (group_id);
