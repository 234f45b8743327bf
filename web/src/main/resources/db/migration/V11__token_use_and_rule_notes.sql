-- When each token was last used (kept to the minute, so that a busy bot writes once a minute at
-- most), and the change note an operator gives a rule set version.
ALTER TABLE tokens ADD COLUMN last_used_at timestamptz;
ALTER TABLE rule_sets ADD COLUMN note text;
