-- Strict turn order within a group: passes move the turn on without a draw (a member is away).
-- The seat whose turn it is is (draws + passes) mod members; nothing names who drew.

-- +goose Up
ALTER TABLE ipe_groups ADD COLUMN passes INTEGER NOT NULL DEFAULT 0;

-- +goose Down
ALTER TABLE ipe_groups DROP COLUMN passes;
