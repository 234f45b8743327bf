-- WeCom's owner confirmation: a suggestion handed to WeCom becomes a mass-message task, waits for the
-- group owner to confirm it in the client, and is then sent ('posted'), expires or is cancelled.
-- A task or one awaiting confirmation counts as sent; an expired or cancelled one is released.

ALTER TABLE suggestions DROP CONSTRAINT suggestions_outcome_check;
ALTER TABLE suggestions ADD CONSTRAINT suggestions_outcome_check CHECK (outcome IN (
    'posted', 'skipped', 'failed', 'task_created', 'awaiting_confirmation', 'expired', 'cancelled'));
