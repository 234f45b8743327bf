-- Learning from outcomes (issue 16). Each suggestion keeps the segment it was decided for (stage and
-- main interest) and the active members its reward is measured against; a posted one keeps its
-- reward, worked out from its metrics each time they are reported. The learning columns record what
-- learning would choose beside what the rules chose, for the shadow-mode report.
ALTER TABLE suggestions
    ADD COLUMN segment_stage    text,
    ADD COLUMN segment_interest text,
    ADD COLUMN active_members   bigint,
    ADD COLUMN reward           double precision,
    ADD COLUMN learning_mode    text,
    ADD COLUMN rules_choice     text,
    ADD COLUMN learning_choice  text,
    ADD COLUMN rules_mean       double precision,
    ADD COLUMN learning_mean    double precision;

-- The posts learning reads, by item: refreshed every few seconds on every node.
CREATE INDEX suggestions_rewards ON suggestions (content_id) WHERE outcome = 'posted' AND segment_stage IS NOT NULL;
