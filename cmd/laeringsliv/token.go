package main

import (
	"context"
	"errors"
	"fmt"

	"laeringsliv"
	"laeringsliv/sqlstore"
)

const tokenCreateUsage = `Usage: laeringsliv token create --user EMAIL [flags]

Creates a personal API token for a user and prints it once. A program sends it as
"Authorization: Bearer <token>" to act as that user over /api/v1, for example to move an IPE
session through its phases. Only its hash is stored.`

// lookupToken finds the token subcommand named sub.
func (c *CLI) lookupToken(sub string, args []string) (*command, error) {
	if sub != "create" {
		return nil, fmt.Errorf("unknown token subcommand %q", sub)
	}
	var cfg Config
	var email string
	f := dbCmdFlags("token create", tokenCreateUsage, &cfg)
	f.fs.StringVar(&email, "user", "", "e-mail address of the user (required)")
	return &command{f, args, func(ctx context.Context, a []string) error {
		return c.withExistingDB(ctx, f, &cfg, a, 0, func(db *sqlstore.DB) error {
			if email == "" {
				return fmt.Errorf("%w: --user is required", errUsage)
			}
			p, err := db.FindPersonByEmail(ctx, laeringsliv.NormalizeEmail(email))
			if err != nil {
				return fmt.Errorf("find user %s: %w", email, err)
			}
			token := laeringsliv.NewAPIToken()
			if err := db.CreateAPIToken(ctx, &laeringsliv.APIToken{PersonID: p.ID, TokenHash: laeringsliv.HashToken(token)}); err != nil {
				return errors.Join(errors.New("create token"), err)
			}
			fmt.Fprintf(c.Stdout, "API token for %s <%s> (shown once):\n%s\n", p.Name, p.Email, token)
			return nil
		})
	}}, nil
}
