-- Groups, their activity, the content library, rule-set versions, suggestions and tokens.

CREATE TABLE groups (
    id          text PRIMARY KEY,
    portrait    jsonb       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    archived_at timestamptz
);

-- One row per reported window; a resent window replaces its row instead of adding to it.
CREATE TABLE activity_reports (
    group_id       text        NOT NULL REFERENCES groups (id),
    window_start   timestamptz NOT NULL,
    window_end     timestamptz NOT NULL,
    messages       bigint      NOT NULL,
    active_members bigint      NOT NULL,
    joins          bigint      NOT NULL,
    leaves         bigint      NOT NULL,
    reactions      bigint      NOT NULL,
    clicks         bigint      NOT NULL,
    orders         bigint      NOT NULL,
    complaints     bigint      NOT NULL,
    received_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (group_id, window_start, window_end),
    CHECK (window_end > window_start)
);
CREATE INDEX activity_reports_recent ON activity_reports (group_id, window_end);

-- Every change to an item takes the next number of this sequence; the Lucene index records
-- the number it has caught up to.
CREATE SEQUENCE content_changes;

CREATE TABLE content_items (
    id          text PRIMARY KEY,
    version     integer     NOT NULL,
    kind        text        NOT NULL,
    status      text        NOT NULL,
    document    jsonb       NOT NULL,
    change_seq  bigint      NOT NULL DEFAULT nextval('content_changes'),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX content_items_changes ON content_items (change_seq);

CREATE TABLE content_versions (
    id         text        NOT NULL,
    version    integer     NOT NULL,
    document   jsonb       NOT NULL,
    author     text,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id, version)
);

CREATE TABLE rule_sets (
    version      bigserial PRIMARY KEY,
    content_hash text        NOT NULL,
    files        jsonb       NOT NULL,
    author       text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE suggestions (
    id               uuid PRIMARY KEY,
    group_id         text             NOT NULL REFERENCES groups (id),
    content_id       text             NOT NULL,
    kind             text             NOT NULL,
    content          jsonb            NOT NULL,
    score            double precision NOT NULL,
    reasons          jsonb            NOT NULL,
    rule_set_version bigint           NOT NULL,
    state            text             NOT NULL DEFAULT 'pending',
    created_at       timestamptz      NOT NULL DEFAULT now()
);
-- At most one pending suggestion per group, whichever node created it.
CREATE UNIQUE INDEX suggestions_one_pending ON suggestions (group_id) WHERE state = 'pending';

-- Only a SHA-256 of each token is kept; the token itself is shown once, when created.
CREATE TABLE tokens (
    id         uuid PRIMARY KEY,
    name       text        NOT NULL,
    role       text        NOT NULL,
    groups     text[],
    token_hash text        NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
);
