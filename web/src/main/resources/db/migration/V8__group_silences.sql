-- The latest silence of each group: a decision that sent nothing, because rules held the group
-- (held) or because nothing at all might be sent (empty), with the whole decision. One row per
-- group: a decision that meets the same silence again (same status and reasons) only counts it and
-- moves last_seen, so a bot polling every few seconds adds no rows.
CREATE TABLE group_silences (
  group_id         text PRIMARY KEY REFERENCES groups (id) ON DELETE CASCADE,
  status           text        NOT NULL CHECK (status IN ('held', 'empty')),
  signature        text        NOT NULL,
  since            timestamptz NOT NULL,
  last_seen        timestamptz NOT NULL,
  decisions        bigint      NOT NULL,
  until            timestamptz NOT NULL,
  rule_set_version bigint      NOT NULL,
  reasons          jsonb       NOT NULL,
  explanation      jsonb       NOT NULL
);
