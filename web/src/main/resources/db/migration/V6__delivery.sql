-- Chat-tool delivery: why a pending suggestion was replaced, and who created each token.
-- A pending suggestion is claimed by one bot (state 'delivered', delivered_at, delivered_to);
-- one that expired or was overtaken by new activity, content or rules becomes 'superseded'.

ALTER TABLE suggestions
    ADD COLUMN superseded_at      timestamptz,
    ADD COLUMN superseded_because text;

-- Pending suggestions by age, for expiry and the pending-suggestions gauge.
CREATE INDEX suggestions_pending_age ON suggestions (created_at) WHERE state = 'pending';

ALTER TABLE tokens ADD COLUMN created_by text;
