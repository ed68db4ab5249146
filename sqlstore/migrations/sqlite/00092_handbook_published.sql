-- A published handbook has a public address that needs no account.

-- +goose Up
ALTER TABLE handbooks ADD COLUMN published INTEGER NOT NULL DEFAULT 0;

-- +goose Down
ALTER TABLE handbooks DROP COLUMN published;
