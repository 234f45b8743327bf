-- The content library: who changed each item, the images items carry, and search by change order.

ALTER TABLE content_items
    ADD COLUMN created_by text,
    ADD COLUMN updated_by text;

ALTER TABLE content_versions
    ADD COLUMN changed_by text;

-- Images are kept with their item; an item names them in its document's "media".
-- media_type is what the file's signature showed, never what its name claimed.
CREATE TABLE content_media (
    item_id    text        NOT NULL REFERENCES content_items (id),
    name       text        NOT NULL,
    media_type text        NOT NULL,
    bytes      bytea       NOT NULL,
    sha256     text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (item_id, name)
);
