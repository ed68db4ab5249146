-- A published handbook has a public address that needs no account.

-- +goose Up
ALTER TABLE handbooks ADD COLUMN published BOOLEAN NOT NULL DEFAULT FALSE;

-- +goose Down
ALTER TABLE handbooks DROP COLUMN published;
