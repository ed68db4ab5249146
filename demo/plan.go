package demo

import (
	"math/rand/v2"
	"slices"
	"strconv"

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
// administrator; last, per workplace, the contributors: the colleagues not enrolled in the
// study part, as many as make the positions of the workplace's staff add up to its FTEs in
// Table 2 (FTEs are not heads: most care staff work part-time). The same seed always gives
// the same people, and the contributors, made last from a stream of their own, leave the
// others as they were before the demo had them.
func plan() []member {
	n := newNamer(seed)
	var out []member
	for i, s := range sites {
		domain := siteDomain(s)
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
	out = append(out, contributors(n.used, out)...)
	numberStaff(out)
	return out
}

// numberStaff gives the staff of each workplace employee numbers in the municipality's HR
// system: the site's number, then a running number, such as 3017.
func numberStaff(members []member) {
	next := map[int]int{}
	for i := range members {
		if m := &members[i]; m.site >= 0 {
			next[m.site]++
			m.person.EmployeeNumber = strconv.Itoa((m.site+1)*1000 + next[m.site])
		}
	}
}

func siteDomain(s site) string { return emailPart(s.municipality) + ".kommune.no" }

// contributors returns, per workplace, colleagues whose positions make the staff's positions
// (planned adds up those of the workplace already planned) sum to the site's FTEs: mostly
// small weekend and night positions, the last one making up the rest. used keeps their
// addresses apart from everyone else's.
func contributors(used map[string]bool, planned []member) []member {
	n := &namer{rng: rand.New(rand.NewPCG(seed+1, (seed+1)^0x5eed)), used: used}
	var out []member
	for i, s := range sites {
		rest := int(s.ftes*100 + 0.5)
		for _, m := range planned {
			if m.site == i {
				rest -= m.person.PositionPct
			}
		}
		for rest > 0 {
			pct, team := n.contributorShift(s.teams)
			switch {
			case rest <= 100 && rest-pct < minPositionPct:
				pct = rest // the last position takes what is left
			case rest-pct < minPositionPct:
				pct = rest - minPositionPct // leave room for one more
			}
			if pct > slices.Max(weekendPcts) && !slices.Contains(s.teams, team) {
				team = s.teams[n.rng.IntN(len(s.teams))] // a large position is not a weekend one
			}
			rest -= pct
			out = append(out, n.person(siteDomain(s), laeringsliv.RoleContributor, i, contributorProfession(n), pct, team))
		}
	}
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

// PersonCount returns how many people the demo creates.
func PersonCount() int { return len(plan()) }

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
