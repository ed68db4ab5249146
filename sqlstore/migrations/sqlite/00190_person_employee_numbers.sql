-- A person's employee number (ansattnummer) in the workplace's rota and HR systems, so that a
-- rota file may name people by it instead of by e-mail. Empty when unknown; unique in the
-- institution otherwise.

-- +goose Up
ALTER TABLE persons ADD COLUMN employee_number TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX persons_employee_number ON persons (institution_id, employee_number)
    WHERE employee_number <> '';

-- +goose Down
DROP INDEX persons_employee_number;
ALTER TABLE persons DROP COLUMN employee_number;
