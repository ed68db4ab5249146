package demo

import (
	"math/rand/v2"
	"slices"
	"strings"

	"laeringsliv"
)

// Name lists for invented people. Most staff in municipal care are women; a few names reflect
// the many care workers who came to Norway from elsewhere.
var (
	femaleNames = []string{
		"Anne", "Kari", "Marit", "Ingrid", "Liv", "Hilde", "Randi", "Tone", "Silje", "Ida",
		"Nora", "Emma", "Ingvild", "Marte", "Kristin", "Heidi", "Camilla", "Linn", "Maria", "Sara",
		"Hanne", "Guro", "Turid", "Solveig", "Elin", "Trine", "Mona", "Siri", "Tuva", "Astrid",
		"Åse", "Bente", "Grete", "Karianne", "Lene", "Malin", "Sigrid", "Torill", "Vigdis", "Wenche",
		"Jorunn", "Ragnhild", "Eli", "Amina", "Agnieszka", "Meron", "Fatima", "Maja",
	}
	maleNames = []string{
		"Ole", "Lars", "Jon", "Per", "Knut", "Morten", "Eirik", "Anders", "Jonas", "Henrik",
		"Kristian", "Tor", "Øyvind", "Magnus", "Sindre", "Arne", "Geir", "Håkon", "Hamid", "Tomasz",
	}
	lastNames = []string{
		"Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
		"Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen",
		"Johannessen", "Andreassen", "Jacobsen", "Dahl", "Jørgensen", "Halvorsen", "Henriksen",
		"Lund", "Sørensen", "Moen", "Gundersen", "Iversen", "Strand", "Solberg", "Svendsen", "Eide",
		"Knutsen", "Martinsen", "Paulsen", "Bakken", "Kristoffersen", "Mathisen", "Lie", "Lunde",
		"Ødegård", "Aasen", "Brekke", "Myhre", "Fossum", "Tangen", "Holm", "Vik", "Rønning",
		"Nguyen", "Ahmed", "Nowak", "Tesfaye",
	}
)

// Position percentages in realistic steps; most care staff work part-time.
var (
	positionPcts  = []int{40, 50, 50, 60, 60, 70, 75, 75, 80, 80, 90, 100, 100}
	weekendPcts   = []int{20, 30, 35, 40, 50} // small weekend positions (helgestillinger)
	nightPcts     = []int{30, 40, 50, 60}     // night positions (nattevakter)
	dayShiftTeams = []string{"Dag A", "Dag B", "Kveld", "Natt"}
	weekendTeams  = []string{"Helg 1", "Helg 2"}
)

// asciiReplacer turns a name into the local part of an e-mail address.
var asciiReplacer = strings.NewReplacer("æ", "ae", "ø", "o", "å", "aa", "é", "e", " ", "-")

func emailPart(s string) string { return asciiReplacer.Replace(strings.ToLower(s)) }

// namer hands out unique, deterministic names and e-mail addresses.
type namer struct {
	rng  *rand.Rand
	used map[string]bool
}

func newNamer(seed uint64) *namer {
	return &namer{rng: rand.New(rand.NewPCG(seed, seed^0x5eed)), used: map[string]bool{}}
}

// next returns a name and an address at domain that no earlier call returned.
func (n *namer) next(domain string) (name, email string) {
	for {
		first := femaleNames[n.rng.IntN(len(femaleNames))]
		if n.rng.IntN(100) < 15 {
			first = maleNames[n.rng.IntN(len(maleNames))]
		}
		last := lastNames[n.rng.IntN(len(lastNames))]
		email = emailPart(first) + "." + emailPart(last) + "@" + domain
		if !n.used[email] {
			n.used[email] = true
			return first + " " + last, email
		}
	}
}

// shift returns a position percentage and a shift team: small positions are mostly weekend
// positions, the rest rotate through day, evening and night teams.
func (n *namer) shift(teams []string) (pct int, team string) {
	if n.rng.IntN(100) < 25 {
		return weekendPcts[n.rng.IntN(len(weekendPcts))], weekendTeams[n.rng.IntN(len(weekendTeams))]
	}
	return n.regularShift(teams)
}

// minPositionPct is the smallest position the demo gives anyone.
const minPositionPct = 20

// contributorShift returns the position and shift team of a colleague not enrolled in the
// study part: more often than the enrolled, a weekend position or a small night position.
func (n *namer) contributorShift(teams []string) (pct int, team string) {
	switch r := n.rng.IntN(100); {
	case r < 45:
		return weekendPcts[n.rng.IntN(len(weekendPcts))], weekendTeams[n.rng.IntN(len(weekendTeams))]
	case r < 60 && slices.Contains(teams, "Natt"):
		return nightPcts[n.rng.IntN(len(nightPcts))], "Natt"
	}
	return n.regularShift(teams)
}

// contributorProfession: most colleagues outside the study part are assistants and health
// workers.
func contributorProfession(n *namer) laeringsliv.Profession {
	switch r := n.rng.IntN(10); {
	case r < 5:
		return laeringsliv.ProfessionAssistant
	case r < 8:
		return laeringsliv.ProfessionHealthWorker
	case r < 9:
		return laeringsliv.ProfessionAuxiliaryNurse
	}
	return laeringsliv.ProfessionNurse
}

// regularShift returns a position in the rotating day, evening and night teams.
func (n *namer) regularShift(teams []string) (pct int, team string) {
	return positionPcts[n.rng.IntN(len(positionPcts))], teams[n.rng.IntN(len(teams))]
}

// professions expands a count per profession into a shuffled list.
func (n *namer) professions(counts []professionCount) []laeringsliv.Profession {
	var out []laeringsliv.Profession
	for _, c := range counts {
		for range c.n {
			out = append(out, c.p)
		}
	}
	n.rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

type professionCount struct {
	p laeringsliv.Profession
	n int
}
