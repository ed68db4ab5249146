package demo

import (
	"laeringsliv"
)

// The demo follows Table 2 of the article: four workplaces in four municipalities, with the
// FTEs and enrolment reported there. Names of places and people are invented.
const (
	institutionName = "Høgskolen i Fjordvik"
	staffDomain     = "hogskolen-fjordvik.no"
	seed            = 2016 // the project's first year; any fixed value keeps the demo stable
)

// site describes one workplace of the article.
type site struct {
	name, municipality string
	kind               laeringsliv.ServiceKind
	ftes               float64
	participants       int
	teams              []string
	professions        []professionCount
	project, about     string
}

var sites = []site{
	{
		name: "Lyngtunet bofellesskap", municipality: "Vikstrand",
		kind: laeringsliv.ServiceSharedHomeYoungAdults, ftes: 17, participants: 15,
		teams: dayShiftTeams,
		professions: []professionCount{
			{laeringsliv.ProfessionSocialEducator, 3}, {laeringsliv.ProfessionNurse, 1},
			{laeringsliv.ProfessionHealthWorker, 5}, {laeringsliv.ProfessionAuxiliaryNurse, 1},
			{laeringsliv.ProfessionCareWorker, 1}, {laeringsliv.ProfessionAssistant, 4},
		},
		project: "Trygg kommunikasjon",
		about:   "Vi vil gjøre kommunikasjonen med beboerne og mellom vaktene tryggere og mer forutsigbar.",
	},
	{
		name: "Fjordtun interkommunale bofellesskap", municipality: "Granlia",
		kind: laeringsliv.ServiceSharedHomeSeriouslyIll, ftes: 30, participants: 27,
		teams: dayShiftTeams,
		professions: []professionCount{
			{laeringsliv.ProfessionNurse, 5}, {laeringsliv.ProfessionSocialEducator, 2},
			{laeringsliv.ProfessionHealthWorker, 9}, {laeringsliv.ProfessionAuxiliaryNurse, 4},
			{laeringsliv.ProfessionCareWorker, 1}, {laeringsliv.ProfessionAssistant, 5},
			{laeringsliv.ProfessionPhysiotherapist, 1},
		},
		project: "Bemanning med et nytt blikk",
		about:   "Vi ser på hvordan vi bemanner døgnet, slik at kompetansen er der når beboerne trenger den.",
	},
	{
		name: "Hjemmetjenesten i Fjellbu", municipality: "Fjellbu",
		kind: laeringsliv.ServiceHomeCare, ftes: 17, participants: 19,
		teams: []string{"Dag A", "Dag B", "Kveld"},
		professions: []professionCount{
			{laeringsliv.ProfessionNurse, 5}, {laeringsliv.ProfessionHealthWorker, 7},
			{laeringsliv.ProfessionAuxiliaryNurse, 3}, {laeringsliv.ProfessionAssistant, 3},
			{laeringsliv.ProfessionOccupationalTher, 1},
		},
		project: "Morgendagens omsorg",
		about:   "Vi prøver ut nye måter å gi hjelp i hjemmet på, slik at innbyggerne kan klare seg selv lenger.",
	},
	{
		name: "Solåsen bo- og aktivitetssenter", municipality: "Solåsen",
		kind: laeringsliv.ServiceCareActivityCentre, ftes: 34, participants: 21,
		teams: dayShiftTeams,
		professions: []professionCount{
			{laeringsliv.ProfessionNurse, 4}, {laeringsliv.ProfessionHealthWorker, 7},
			{laeringsliv.ProfessionAuxiliaryNurse, 4}, {laeringsliv.ProfessionCareWorker, 1},
			{laeringsliv.ProfessionAssistant, 3}, {laeringsliv.ProfessionOccupationalTher, 1},
			{laeringsliv.ProfessionPhysiotherapist, 1},
		},
		project: "Omorganisering av vakter",
		about:   "Vi organiserer vaktene på nytt, slik at det blir tid til aktivitet og faglig utvikling.",
	},
}

// member is a person to create and the role they get. For a workplace role, site is the
// index into sites; programme-wide and institution-wide roles have site -1.
type member struct {
	person laeringsliv.Person
	role   laeringsliv.Role
	site   int
}

// plan returns every demo person in creation order: per workplace a leader, a union
// representative and the participants; then two teachers, an admissions officer and an
// administrator. The same seed always gives the same people.
func plan() []member {
	n := newNamer(seed)
	var out []member
	for i, s := range sites {
		domain := emailPart(s.municipality) + ".kommune.no"
		out = append(out, n.person(domain, laeringsliv.RoleLeader, i, laeringsliv.ProfessionManager, 100, ""))
		pct, team := n.regularShift(s.teams)
		out = append(out, n.person(domain, laeringsliv.RoleUnionRep, i, laeringsliv.ProfessionHealthWorker, pct, team))
		for _, p := range n.professions(s.professions) {
			pct, team := n.shift(s.teams)
			out = append(out, n.person(domain, laeringsliv.RoleParticipant, i, p, pct, team))
		}
	}
	for range 2 {
		out = append(out, n.person(staffDomain, laeringsliv.RoleTeacher, -1, laeringsliv.ProfessionResearcher, 100, ""))
	}
	out = append(out, n.person(staffDomain, laeringsliv.RoleAdmissions, -1, laeringsliv.ProfessionAdministrative, 100, ""))
	out = append(out, n.person(staffDomain, laeringsliv.RoleAdmin, -1, laeringsliv.ProfessionAdministrative, 100, ""))
	return out
}

func (n *namer) person(domain string, role laeringsliv.Role, site int, prof laeringsliv.Profession, pct int, team string) member {
	name, email := n.next(domain)
	return member{
		person: laeringsliv.Person{Name: name, Email: email, Profession: prof, PositionPct: pct, ShiftTeam: team},
		role:   role,
		site:   site,
	}
}

// Logins returns one demo account per role, in the order of laeringsliv.Roles: the first
// person planned in each role. It needs no database, so a server restarted on seeded data
// can show the table again.
func Logins() []Login {
	first := map[laeringsliv.Role]laeringsliv.Person{}
	for _, m := range plan() {
		if _, ok := first[m.role]; !ok {
			first[m.role] = m.person
		}
	}
	logins := make([]Login, 0, len(laeringsliv.Roles()))
	for _, r := range laeringsliv.Roles() {
		p := first[r]
		logins = append(logins, Login{Role: r, Name: p.Name, Email: p.Email, Password: Password})
	}
	return logins
}
