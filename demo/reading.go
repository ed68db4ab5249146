package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"laeringsliv"
	"laeringsliv/textmerge"
)

// syllabus is an invented syllabus: the titles and authors are generic and fictional, written
// to look like the kind of texts the programme read, and attributed to no real person.
var syllabus = []laeringsliv.SyllabusText{
	{Title: "Medarbeiderdrevet innovasjon i helse og omsorg", Authors: "Forfatter A og Forfatter B (fiktive)", Year: 2014, Language: laeringsliv.LanguageNorwegian, Pages: 22,
		Summary: "Om hvordan de som står i arbeidet hver dag kan finne, prøve og spre nye måter å gjøre ting på."},
	{Title: "Aksjonsforskning som spiral: planlegge, handle, observere, reflektere", Authors: "Forfatter C (fiktiv)", Year: 2011, Language: laeringsliv.LanguageNorwegian, Pages: 18,
		Summary: "Forskere og ansatte endrer praksis sammen, litt om gangen, og lærer underveis."},
	{Title: "Læring i turnus: å finne tid i ikke-tiden", Authors: "Forfatter D (fiktiv)", Year: 2017, Language: laeringsliv.LanguageNorwegian, Pages: 14,
		Summary: "Hvordan vaktlag kan lese og lære sammen når det er rolig på helg og kveld."},
	{Title: "Organisatorisk læring på arbejdspladsen", Authors: "Forfatter E (fiktiv)", Year: 2012, Language: laeringsliv.LanguageDanish, Pages: 26,
		Summary: "En dansk tekst om hvordan en arbeidsplass, ikke bare den enkelte, kan lære."},
	{Title: "Innovation nedefra: medarbejdere som idéskabere", Authors: "Forfatter F og Forfatter G (fiktive)", Year: 2015, Language: laeringsliv.LanguageDanish, Pages: 19,
		Summary: "Om ideer som kommer fra dem som gjør jobben, og hva ledere kan gjøre for å ta dem i bruk."},
	{Title: "Employee-driven innovation: a practice perspective", Authors: "Author H (fictitious)", Year: 2013, Language: laeringsliv.LanguageEnglish, Pages: 24,
		Summary: "En engelsk tekst om innovasjon som vokser ut av hverdagens arbeid og samarbeid."},
	{Title: "Learning organisations in community care", Authors: "Author I and Author J (fictitious)", Year: 2016, Language: laeringsliv.LanguageEnglish, Pages: 30,
		Summary: "Hva som skal til for at kommunale tjenester lærer av erfaringene sine."},
}

// Presentations and answers are short, plausible and generic; they name no real person.
var (
	demoInteresting = []string{
		"At ideer fra oss på gulvet blir tatt på alvor.",
		"Spiralen: vi prøver litt, ser hva som skjer, og justerer.",
		"At læring skjer i gruppa og ikke bare hos hver enkelt.",
		"Teksten var vanskelig, men eksemplene var lette å kjenne igjen.",
	}
	demoConnects = []string{
		"Vi gjør dette allerede i vaktskiftet uten å kalle det innovasjon.",
		"Det forklarer hvorfor forrige endring stoppet opp: ingen evaluerte den.",
		"Vi trenger tid på helg til å snakke om det vi prøver ut.",
		"Det hjelper oss å se at små endringer også teller.",
	}
	demoPresentations = []string{
		"Teksten viser at vi som jobber her ser ting ledelsen ikke ser. Vi vil prøve ut faste idérunder i vaktskiftet.",
		"Vi kjente oss igjen i spiralen: planlegge, gjøre, se og tenke etter. Neste steg er å evaluere det vi har prøvd.",
		"Læring i turnus er mulig når vaktlaget leser sammen. Vi foreslår lesetid på helg.",
		"Det vi tok med oss: innovasjon kan være en gammel idé i en ny sammenheng.",
	}
)

// readingPoint is the position of the reading workshop on the agenda of every demo gathering
// (see seedGatherings).
const readingPoint = 2

// seedReading creates the programme's syllabus. With the study programme, the workshops come
// with the gatherings (seedGatheringWorkshops); without it, each workplace gets one completed
// workshop held at no gathering.
func seedReading(ctx context.Context, s Services, res *Result) error {
	for i, t := range syllabus {
		t.ProgrammeID = res.ProgrammeID
		t.URL = "https://example.org/pensum/" + fmt.Sprint(i+1)
		if err := s.Reading.CreateSyllabusText(ctx, &t); err != nil {
			return fmt.Errorf("demo: syllabus: %w", err)
		}
	}
	if s.Study != nil {
		return nil
	}
	for i, wid := range res.WorkplaceIDs {
		if err := seedWorkshops(ctx, s, wid, []*laeringsliv.Gathering{nil}, rand.New(rand.NewPCG(6, uint64(i)))); err != nil {
			return err
		}
	}
	return nil
}

// seedWorkshops holds a completed reading workshop, groups kept by shift team, at each of
// the gatherings (nil: at none) and places it on the gathering's agenda. Each gathering's
// groups read other texts than the last one's.
func seedWorkshops(ctx context.Context, s Services, workplaceID int64, gatherings []*laeringsliv.Gathering, rng *rand.Rand) error {
	wp, err := s.Org.FindWorkplace(ctx, workplaceID)
	if err != nil {
		return err
	}
	texts, err := s.Reading.FindSyllabusTexts(ctx, wp.ProgrammeID)
	if err != nil {
		return err
	}
	parts, err := workplaceParticipants(ctx, s, workplaceID)
	if err != nil {
		return err
	}
	for k, g := range gatherings {
		ids := make([]int64, len(texts))
		for i := range texts {
			ids[i] = texts[(i+3*k)%len(texts)].ID
		}
		ws := &laeringsliv.Workshop{WorkplaceID: workplaceID, Title: "Leseverksted", Grouping: laeringsliv.GroupingShiftTeams}
		if g != nil {
			ws.GatheringID, ws.Title = g.ID, "Leseverksted, "+strings.ToLower(g.Title)
		}
		if g != nil && len(g.Days) > 0 { // run at the gathering's reading workshop
			s.Clock.Set(g.Days[0].Start.Add(2*time.Hour + 15*time.Minute))
		}
		if err := seedWorkshop(ctx, s, ws, parts, ids, k, rng); err != nil {
			return fmt.Errorf("demo: reading workshop: %w", err)
		}
		if g != nil {
			if err := s.Reading.PlaceOnAgenda(ctx, ws.ID, readingPoint); err != nil {
				return fmt.Errorf("demo: reading workshop on the agenda: %w", err)
			}
		}
	}
	return nil
}

// workplaceParticipants returns the participants of a workplace.
func workplaceParticipants(ctx context.Context, s Services, workplaceID int64) ([]*laeringsliv.Person, error) {
	ms, err := s.Members.FindMemberships(ctx, laeringsliv.MembershipFilter{WorkplaceID: workplaceID})
	if err != nil {
		return nil, err
	}
	people, err := s.People.FindPersons(ctx, laeringsliv.PersonFilter{WorkplaceID: workplaceID})
	if err != nil {
		return nil, err
	}
	isPart := map[int64]bool{}
	for _, m := range ms {
		isPart[m.PersonID] = isPart[m.PersonID] || m.Role == laeringsliv.RoleParticipant
	}
	var parts []*laeringsliv.Person
	for _, p := range people {
		if isPart[p.ID] {
			parts = append(parts, p)
		}
	}
	return parts, nil
}

// seedWorkshop forms the groups, writes everyone's answers and each group's presentation, and
// closes the workshop. k varies the words from one workshop to the next.
func seedWorkshop(ctx context.Context, s Services, ws *laeringsliv.Workshop, parts []*laeringsliv.Person, textIDs []int64, k int, rng *rand.Rand) error {
	groups, err := laeringsliv.FormReadingGroups(parts, laeringsliv.GroupingShiftTeams, textIDs, rng)
	if err != nil {
		return err
	}
	if err := s.Reading.CreateWorkshop(ctx, ws, groups); err != nil {
		return err
	}
	for i, p := range parts {
		a := &laeringsliv.Answer{WorkshopID: ws.ID, PersonID: p.ID,
			Interesting: demoInteresting[(i+k)%len(demoInteresting)], Connects: demoConnects[(i+k+1)%len(demoConnects)]}
		if err := s.Reading.SaveAnswer(ctx, a); err != nil {
			return err
		}
	}
	if err := s.Reading.SetWorkshopPhase(ctx, ws.ID, laeringsliv.PhaseAgree); err != nil {
		return err
	}
	for i, g := range groups {
		e := textmerge.Edit{Text: demoPresentations[(i+k)%len(demoPresentations)]}
		if _, err := s.Reading.EditPresentation(ctx, g.ID, g.MemberIDs[0], e); err != nil {
			return err
		}
	}
	return s.Reading.SetWorkshopPhase(ctx, ws.ID, laeringsliv.PhaseClosed)
}
