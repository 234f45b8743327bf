-- Experiments: champion/challenger rule sets and holdouts, with the group as the unit.
-- The definition (population, arms, control, metric, baseline days) is one JSON document.
CREATE TABLE experiments (
    id          text        PRIMARY KEY,
    name        text        NOT NULL,
    definition  jsonb       NOT NULL,
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    stopped_at  timestamptz,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    CHECK (ends_at > starts_at)
);

-- A group's arm is dealt once and kept for the experiment's life.
CREATE TABLE experiment_assignments (
    experiment_id text        NOT NULL REFERENCES experiments (id),
    group_id      text        NOT NULL REFERENCES groups (id),
    arm           text        NOT NULL,
    stratum       text        NOT NULL,
    assigned_at   timestamptz NOT NULL,
    PRIMARY KEY (experiment_id, group_id)
);
CREATE INDEX experiment_assignments_group ON experiment_assignments (group_id);
