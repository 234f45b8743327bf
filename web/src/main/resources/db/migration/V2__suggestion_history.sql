-- What became of each suggestion: delivered to a chat tool, then posted, skipped or failed.
-- Rules read this history for pacing, caps and no-repeat.

ALTER TABLE suggestions
    ADD COLUMN delivered_at timestamptz,
    ADD COLUMN delivered_to uuid,
    ADD COLUMN outcome      text CHECK (outcome IN ('posted', 'skipped', 'failed')),
    ADD COLUMN outcome_at   timestamptz,
    ADD COLUMN posted_at    timestamptz,
    ADD COLUMN metrics      jsonb;

CREATE INDEX suggestions_history ON suggestions (group_id, created_at DESC);
