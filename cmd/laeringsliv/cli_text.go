package main

import (
	"errors"
	"strings"

	"laeringsliv"
	"laeringsliv/web"
)

// language is the language of the command line's messages, from LC_ALL, LC_MESSAGES or
// LANG (the first set, as POSIX orders them): Nynorsk for nn, English for en, otherwise
// Bokmål.
func (c *CLI) language() string {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v, ok := c.Getenv(k)
		if !ok || v == "" {
			continue
		}
		tag, _, _ := strings.Cut(strings.ToLower(v), ".")
		tag, _, _ = strings.Cut(tag, "@")
		tag, _, _ = strings.Cut(tag, "_")
		switch tag {
		case "nn":
			return "nn"
		case "en":
			return "en"
		}
		return "nb"
	}
	return "nb"
}

// errorText turns an error into a sentence in the user's language where the catalogs have
// one (domain errors carry a catalog key), so that no catalog key is ever printed.
func (c *CLI) errorText(err error) string {
	lang := c.language()
	var missing *errNoDatabase
	if errors.As(err, &missing) {
		if s, ok := web.Translate(lang, "cli.database_missing", map[string]any{"Path": missing.path}); ok {
			return s
		}
	}
	if errors.Is(err, errNoInstitution) {
		if s, ok := web.Translate(lang, "cli.no_institution", nil); ok {
			return s
		}
	}
	var le *laeringsliv.Error
	if errors.As(err, &le) {
		if s, ok := web.Translate(lang, le.Key, nil); ok {
			return s
		}
	}
	return err.Error()
}

// groups are the commands that only name a group of subcommands, with their part of usage.
var groups = map[string]string{
	"user":   "user add, user passwd, user list",
	"token":  "token create",
	"report": "report participation, report evidence",
	"export": "export exam-list",
}

// groupHelp answers "laeringsliv GROUP --help" with the group's subcommands.
func groupHelp(args []string) (string, bool) {
	if len(args) != 2 || args[1] != "--help" && args[1] != "-h" && args[1] != "help" {
		return "", false
	}
	subs, ok := groups[args[0]]
	if !ok {
		return "", false
	}
	var b strings.Builder
	b.WriteString("Usage: laeringsliv " + args[0] + " <subcommand> [flags]\n\nSubcommands: " + subs + "\n\n")
	for _, line := range strings.Split(usage, "\n") {
		if strings.HasPrefix(line, "  "+args[0]+" ") {
			b.WriteString(line + "\n")
		}
	}
	b.WriteString("\nRun \"laeringsliv " + args[0] + " <subcommand> --help\" for its flags.\n")
	return b.String(), true
}
