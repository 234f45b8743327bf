-- Groups: the stored assessment that lists filter and page on, and what keeps reports sane.

-- The activity level, band, trend and stage as last assessed. Reading one group always assesses
-- it afresh; lists read these columns, which every write to the group and a periodic pass over
-- all groups keep up to date.
ALTER TABLE groups
    ADD COLUMN level       smallint,
    ADD COLUMN band        text,
    ADD COLUMN trend       text,
    ADD COLUMN stage       text,
    ADD COLUMN assessed_at timestamptz;

CREATE INDEX groups_band ON groups (band) WHERE archived_at IS NULL;
CREATE INDEX groups_stage ON groups (stage) WHERE archived_at IS NULL;
CREATE INDEX groups_labels ON groups USING gin ((portrait -> 'labels'));

ALTER TABLE activity_reports ADD CONSTRAINT activity_counts_not_negative CHECK (
    messages >= 0 AND active_members >= 0 AND joins >= 0 AND leaves >= 0
    AND reactions >= 0 AND clicks >= 0 AND orders >= 0 AND complaints >= 0);

-- Days since the last post, offer and activity are read from posted suggestions of each kind.
CREATE INDEX suggestions_posted ON suggestions (group_id, kind) WHERE outcome = 'posted';
