package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"laeringsliv"
	"laeringsliv/sqlstore"
)

const (
	userAddUsage = `Usage: laeringsliv user add --email E --name N [--admin] [--password-stdin] [flags]

Creates a user in the deployment's institution (created first, named by --institution, if
the database has none). With --admin the user administers the institution. The password is
read from the first line of standard input with --password-stdin; otherwise a strong random
password is generated and printed once.`
	userPasswdUsage = `Usage: laeringsliv user passwd --email E [--password-stdin] [flags]

Sets a user's password and signs them out everywhere. The password is read from the first
line of standard input with --password-stdin; otherwise a random one is generated and printed.`
	userListUsage = `Usage: laeringsliv user list [flags]

Lists every user with their roles.`
)

// userFlags are the flags of the user subcommands. They have no environment variables: they
// name one user for one invocation.
type userFlags struct {
	email, name string
	admin       bool
	stdin       bool
}

// lookupUser finds the user subcommand named sub.
func (c *CLI) lookupUser(sub string, args []string) (*command, error) {
	var cfg Config
	var uf userFlags
	switch sub {
	case "add":
		f := dbCmdFlags("user add", userAddUsage, &cfg)
		f.institutionFlag(&cfg)
		f.fs.StringVar(&uf.email, "email", "", "e-mail address, the login name (required)")
		f.fs.StringVar(&uf.name, "name", "", "full name (required)")
		f.fs.BoolVar(&uf.admin, "admin", false, "make the user an administrator of the institution")
		f.fs.BoolVar(&uf.stdin, "password-stdin", false, "read the password from standard input")
		return &command{f, args, func(ctx context.Context, a []string) error { return c.userAdd(ctx, f, &cfg, &uf, a) }}, nil
	case "passwd":
		f := dbCmdFlags("user passwd", userPasswdUsage, &cfg)
		f.fs.StringVar(&uf.email, "email", "", "e-mail address of the user (required)")
		f.fs.BoolVar(&uf.stdin, "password-stdin", false, "read the password from standard input")
		return &command{f, args, func(ctx context.Context, a []string) error { return c.userPasswd(ctx, f, &cfg, &uf, a) }}, nil
	case "list":
		f := dbCmdFlags("user list", userListUsage, &cfg)
		return &command{f, args, func(ctx context.Context, a []string) error { return c.userList(ctx, f, &cfg, a) }}, nil
	}
	return nil, fmt.Errorf("unknown command \"user %s\"", sub)
}

// withExistingDB is withDB for commands that must not create a database: a SQLite file that
// does not exist is refused with its path, before anything is opened (a mistyped --database
// would otherwise leave a new, empty database behind).
func (c *CLI) withExistingDB(ctx context.Context, f *cmdFlags, cfg *Config, args []string, nargs int, fn func(*sqlstore.DB) error) error {
	if err := parseDB(f, cfg, args, c.Getenv, nargs); err != nil {
		return err
	}
	if err := requireDatabase(cfg); err != nil {
		return err
	}
	db, err := openDB(ctx, cfg, cfg.logger(c.Stderr))
	if err != nil {
		return err
	}
	return errors.Join(fn(db), db.Close())
}

// withDB parses the flags, opens the database (creating and migrating it if need be) and runs
// fn with it.
func (c *CLI) withDB(ctx context.Context, f *cmdFlags, cfg *Config, args []string, nargs int, fn func(*sqlstore.DB) error) error {
	if err := parseDB(f, cfg, args, c.Getenv, nargs); err != nil {
		return err
	}
	db, err := openDB(ctx, cfg, cfg.logger(c.Stderr))
	if err != nil {
		return err
	}
	return errors.Join(fn(db), db.Close())
}

func (c *CLI) userAdd(ctx context.Context, f *cmdFlags, cfg *Config, uf *userFlags, args []string) error {
	return c.withDB(ctx, f, cfg, args, 0, func(db *sqlstore.DB) error {
		if uf.email == "" || uf.name == "" {
			return fmt.Errorf("%w: --email and --name are required", errUsage)
		}
		pw, generated, err := c.newPassword(uf.stdin)
		if err != nil {
			return err
		}
		inst, err := deploymentInstitution(ctx, db, cfg.Institution, cfg.logger(c.Stderr))
		if err != nil {
			return err
		}
		p := &laeringsliv.Person{InstitutionID: inst.ID, Name: strings.TrimSpace(uf.name), Email: laeringsliv.NormalizeEmail(uf.email)}
		if err := p.Validate(); err != nil {
			var e *laeringsliv.Error
			if errors.As(err, &e) && e.Field != "" {
				return fmt.Errorf("%w: invalid %s", errUsage, e.Field)
			}
			return err
		}
		if err := db.CreatePerson(ctx, p); err != nil {
			return fmt.Errorf("create user: %w", err)
		}
		if err := setPassword(ctx, db, p.ID, pw); err != nil {
			return err
		}
		if uf.admin {
			m := &laeringsliv.Membership{InstitutionID: inst.ID, PersonID: p.ID, Role: laeringsliv.RoleAdmin}
			if err := db.CreateMembership(ctx, m); err != nil {
				return fmt.Errorf("make administrator: %w", err)
			}
		}
		fmt.Fprintf(c.Stdout, "Created user %d: %s <%s> in %s\n", p.ID, p.Name, p.Email, inst.Name)
		if generated {
			fmt.Fprintf(c.Stdout, "Password (shown once): %s\n", pw)
		}
		return nil
	})
}

func (c *CLI) userPasswd(ctx context.Context, f *cmdFlags, cfg *Config, uf *userFlags, args []string) error {
	return c.withExistingDB(ctx, f, cfg, args, 0, func(db *sqlstore.DB) error {
		if uf.email == "" {
			return fmt.Errorf("%w: --email is required", errUsage)
		}
		pw, generated, err := c.newPassword(uf.stdin)
		if err != nil {
			return err
		}
		p, err := db.FindPersonByEmail(ctx, laeringsliv.NormalizeEmail(uf.email))
		if err != nil {
			return fmt.Errorf("find user %s: %w", uf.email, err)
		}
		if err := setPassword(ctx, db, p.ID, pw); err != nil {
			return err
		}
		if err := db.DeleteLoginSessions(ctx, p.ID, 0); err != nil {
			return fmt.Errorf("sign out: %w", err)
		}
		fmt.Fprintf(c.Stdout, "Password set for %s <%s>; signed out everywhere\n", p.Name, p.Email)
		if generated {
			fmt.Fprintf(c.Stdout, "Password (shown once): %s\n", pw)
		}
		return nil
	})
}

// newPassword reads the password from the first line of stdin, or generates one.
func (c *CLI) newPassword(fromStdin bool) (pw string, generated bool, err error) {
	if !fromStdin {
		return rand.Text(), true, nil // 26 base32 characters, 130 bits
	}
	line, err := bufio.NewReader(io.LimitReader(c.Stdin, 4096)).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", false, fmt.Errorf("read password: %w", err)
	}
	pw = strings.TrimRight(line, "\r\n")
	if err := laeringsliv.ValidatePassword(pw); err != nil {
		return "", false, fmt.Errorf("%w: password must be %d to 1024 characters and not a common one", errUsage, laeringsliv.MinPasswordLength)
	}
	return pw, false, nil
}

func setPassword(ctx context.Context, db *sqlstore.DB, personID int64, pw string) error {
	if err := laeringsliv.ValidatePassword(pw); err != nil {
		return err
	}
	h, err := hashPassword(pw)
	if err != nil {
		return err
	}
	if err := db.SetPasswordHash(ctx, personID, h); err != nil {
		return fmt.Errorf("store password: %w", err)
	}
	return nil
}

func (c *CLI) userList(ctx context.Context, f *cmdFlags, cfg *Config, args []string) error {
	return c.withExistingDB(ctx, f, cfg, args, 0, func(db *sqlstore.DB) error {
		people, err := db.FindPersons(ctx, laeringsliv.PersonFilter{})
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(c.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tNAME\tE-MAIL\tROLES")
		for _, p := range people {
			roles, err := rolesOf(ctx, db, p.ID)
			if err != nil {
				return err
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", p.ID, p.Name, p.Email, roles)
		}
		return tw.Flush()
	})
}

// rolesOf describes a person's memberships, such as "admin" or "participant (workplace 3)".
func rolesOf(ctx context.Context, db *sqlstore.DB, personID int64) (string, error) {
	ms, err := db.FindMemberships(ctx, laeringsliv.MembershipFilter{PersonID: personID})
	if err != nil {
		return "", err
	}
	var out []string
	for _, m := range ms {
		switch m.Scope() {
		case laeringsliv.ScopeWorkplace:
			out = append(out, fmt.Sprintf("%s (workplace %d)", m.Role, m.WorkplaceID))
		case laeringsliv.ScopeProgramme:
			out = append(out, fmt.Sprintf("%s (programme %d)", m.Role, m.ProgrammeID))
		default:
			out = append(out, string(m.Role))
		}
	}
	slices.Sort(out)
	if len(out) == 0 {
		return "-", nil
	}
	return strings.Join(out, ", "), nil
}
