package web

import (
	"net/url"
	"strconv"
	"strings"
)

// The work groups' forms: forming the set asks for a number of groups (empty for groups of
// three to five around four); a group's own form gives its name and the innovation it works
// on ("0" or empty for the shared project as a whole).

// workGroupsForm is the organiser's form as typed.
type workGroupsForm struct {
	Groups string         // the number of groups asked for, or empty
	Edit   *workGroupEdit // a group's form that was refused, to show as typed
}

// workGroupEdit is a group's own form.
type workGroupEdit struct {
	ID           int64
	Name         string
	InnovationID int64
}

// maxWorkGroupName bounds a group's name, in characters.
const maxWorkGroupName = 100

// parseWorkGroupsForm reads the number of groups; 0 means sizes of three to five.
func parseWorkGroupsForm(v url.Values) (workGroupsForm, int, []FieldErr) {
	f := workGroupsForm{Groups: short(v.Get("groups"))}
	if f.Groups == "" {
		return f, 0, nil
	}
	n, err := strconv.Atoi(f.Groups)
	if err != nil || n < 1 || n > maxGroups {
		return f, 0, []FieldErr{{Field: "groups", Key: "workgroups.error.groups"}}
	}
	return f, n, nil
}

// parseWorkGroupEdit reads a group's name and innovation.
func parseWorkGroupEdit(v url.Values) (workGroupEdit, []FieldErr) {
	e := workGroupEdit{Name: text(v, "name", maxWorkGroupName+1)}
	var errs []FieldErr
	if e.Name == "" || len([]rune(e.Name)) > maxWorkGroupName {
		errs = append(errs, FieldErr{Field: "name", Key: "workgroups.error.name"})
	}
	if s := strings.TrimSpace(v.Get("innovation")); s != "" && s != "0" {
		id, err := strconv.ParseInt(short(s), 10, 64)
		if err != nil || id < 1 {
			errs = append(errs, FieldErr{Field: "innovation", Key: "workgroups.error.innovation"})
		} else {
			e.InnovationID = id
		}
	}
	return e, errs
}
