package web

import "laeringsliv"

// Hooks by which other pages offer to share one of their records.

// shareFromWorkplace returns a workplace of programme p from which the actor may share (one
// they lead), or 0: the handbook is the programme's, shared from one of its workplaces.
func shareFromWorkplace(a *laeringsliv.Actor, p *laeringsliv.Programme) int64 {
	if a == nil {
		return 0
	}
	for _, m := range a.Memberships {
		r := laeringsliv.Resource{InstitutionID: p.InstitutionID, ProgrammeID: p.ID, WorkplaceID: m.WorkplaceID}
		if m.WorkplaceID != 0 && m.ProgrammeID == p.ID && a.Can(laeringsliv.ActionShare, r) {
			return m.WorkplaceID
		}
	}
	return 0
}
