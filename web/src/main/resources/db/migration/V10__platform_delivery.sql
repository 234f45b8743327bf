-- WeCom's owner confirmation: a suggestion handed to WeCom becomes a mass-message task, waits for the
-- group owner to confirm it in the client, and is then sent ('posted'), expires or is cancelled.
-- A task or one awaiting confirmation counts as sent; an expired or cancelled one is released.

ALTER TABLE suggestions DROP CONSTRAINT suggestions_outcome_check;
ALTER TABLE suggestions ADD CONSTRAINT suggestions_outcome_check CHECK (outcome IN (
    'posted', 'skipped', 'failed', 'task_created', 'awaiting_confirmation', 'expired', 'cancelled'));

-- Messages a group got from other senders (other tools, members), as chat tools report them: one
-- count per group, day (in the group's time zone) and source, replaced when reported again, so a
-- report may be retried. Quotas count these with the engine's own suggestions.
CREATE TABLE external_sends (
  group_id    text        NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  day         date        NOT NULL,
  source      text        NOT NULL,
  sends       integer     NOT NULL CHECK (sends BETWEEN 0 AND 1000),
  reported_at timestamptz NOT NULL,
  PRIMARY KEY (group_id, day, source)
);
