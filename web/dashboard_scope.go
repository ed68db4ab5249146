package web

import (
	"laeringsliv"
)

// dashScope is where each dashboard section looks: the workplaces and programmes the reader
// may see, sorted by the role they hold there. An administrator's pass over the whole
// institution does not count as a role here: it would fill their page with every workplace's
// business, and they have the list of workplaces for that.
type dashScope struct {
	actor       *laeringsliv.Actor
	workplaces  map[int64]*laeringsliv.Workplace
	programmes  map[int64]*laeringsliv.Programme
	attends     []*laeringsliv.Workplace // participant, contributor, leader, union representative or teacher
	participant []*laeringsliv.Workplace
	teacher     []*laeringsliv.Workplace
	admissions  []*laeringsliv.Programme
}

// attendRoles are the roles whose holders take part in a workplace's sessions and gatherings.
var attendRoles = []laeringsliv.Role{laeringsliv.RoleParticipant, laeringsliv.RoleContributor, laeringsliv.RoleLeader,
	laeringsliv.RoleUnionRep, laeringsliv.RoleTeacher}

func newDashScope(a *laeringsliv.Actor, places []ProgrammeWorkplaces) *dashScope {
	d := &dashScope{actor: a, workplaces: map[int64]*laeringsliv.Workplace{}, programmes: map[int64]*laeringsliv.Programme{}}
	for _, pw := range places {
		d.programmes[pw.Programme.ID] = pw.Programme
		if a.Has(laeringsliv.RoleAdmissions, laeringsliv.ProgrammeResource(pw.Programme)) {
			d.admissions = append(d.admissions, pw.Programme)
		}
		for _, wp := range pw.Workplaces {
			d.workplaces[wp.ID] = wp
			res := laeringsliv.WorkplaceResource(wp)
			for _, role := range attendRoles {
				if a.Has(role, res) {
					d.attends = append(d.attends, wp)
					break
				}
			}
			if a.Has(laeringsliv.RoleParticipant, res) {
				d.participant = append(d.participant, wp)
			}
			if a.Has(laeringsliv.RoleTeacher, res) {
				d.teacher = append(d.teacher, wp)
			}
		}
	}
	return d
}

// ids returns the workplaces' ids.
func ids(wps []*laeringsliv.Workplace) []int64 {
	out := make([]int64, len(wps))
	for i, wp := range wps {
		out[i] = wp.ID
	}
	return out
}
