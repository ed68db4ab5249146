package demo

import (
	"context"
	"time"

	"laeringsliv"
)

// HandbookWriter writes a programme's handbook. Publishing it is the caller's: the server
// publishes with its frozen embeds' snapshots, which only the server can render.
type HandbookWriter interface {
	CreateHandbook(ctx context.Context, h *laeringsliv.Handbook) error
	CreateChapter(ctx context.Context, c *laeringsliv.HandbookChapter, authorID int64) error
}

// handbookChapters is the demo's handbook: what the programme left behind for the next
// workplace, written in the spring of its last year.
var handbookChapters = []struct{ title, body string }{
	{"Arbeidsplassen som klasserom", `Denne håndboka er skrevet for arbeidsplasser som vil gjøre det vi gjorde: ta videreutdanning **sammen**, på jobben, og bruke den til å forbedre tjenesten.

Modellen har tre deler:

1. **Alle deltar.** Hele arbeidsplassen er med, også de med små stillinger og de som jobber natt.
2. **Ett felles prosjekt.** Arbeidsplassen velger ett innovasjonsprosjekt som alle bidrar til.
3. **Arbeidet gir studiepoeng.** Arbeidskravene bygger på det dere gjør i prosjektet, og eksamen gir 15 studiepoeng.

Høgskolen kommer til arbeidsplassen, ikke omvendt. Samlingene holdes der dere jobber, og forskerne følger arbeidet underveis.`},
	{"Lapp i hatten", `Lapp i hatten er måten vi samler ideer på uten at noen trenger å stå fram.

- Alle skriver lapper på telefonen, anonymt. Ingen – heller ikke lederen – kan se hvem som skrev hva.
- Hatten åpner først når nok personer har skrevet, så ingen lapp kan spores til én person.
- Gruppene trekker lapper etter tur, snakker om dem og skriver en kort refleksjon.
- Til slutt prioriterer gruppene, og resultatet vises for alle.

**Råd:** Vis koden stort på projektoren, og gi folk fem minutter til å skrive. Lapper med navn eller telefonnummer blir stoppet før de sendes.`},
	{"Tid i en turnus", `Det vanskeligste er tid. Mange jobber deltid, på skift, døgnet rundt.

| Hva som virket | Hvorfor |
|---|---|
| Grupper av folk som går på vakt sammen | De kan jobbe med prosjektet på samme vakt |
| Faste tider, planlagt lenge før | Turnusen kan legges etter dem |
| Samme økt flere ganger | Alle kan komme i arbeidstida si |

Last opp turnusen og bruk **Finn felles tid**: den foreslår færrest mulige gjentakelser slik at alle kan komme på jobb, og sier hvem som må komme i fritida.`},
	{"Fra idé til innovasjon", `En lapp fra hatten er starten, ikke målet. Ideer dere tar vare på, havner i innovasjonsregisteret, og følges derfra:

1. **Idé** – beskrevet kort, med hvor den kom fra.
2. **Prøves ut** – noen har ansvar, og det er avtalt hvordan det skal måles.
3. **Evaluert** – en ny IPE-økt samler erfaringene, anonymt.
4. **Innført** – det nye er blitt vanlig praksis.

Skriv ned underveis hva som skjedde og hva dere lærte. Det er dette rapportene og forskerne bygger på.`},
	{"Arbeidskrav og eksamen", `Arbeidskravene (AK1–AK3) er knyttet til samlingene og til prosjektet:

- **AK1:** en refleksjonslogg fra oppstarten.
- **AK2:** et framlegg fra lesegruppa.
- **AK3:** en video eller tekst om hva dere har prøvd ut.

Alle arbeidskrav må være godkjent før eksamen. Den som mangler formell bakgrunn, kan søke om opptak på grunnlag av realkompetanse – spør studieadministrasjonen i god tid.`},
}

// seedHandbook writes the programme's handbook as its teacher and publishes it, so that a
// newcomer finds it from the sign-in page.
func seedHandbook(ctx context.Context, s Services, res *Result) error {
	s.Clock.Set(morning(2019, time.May, 20))
	var author int64
	for _, l := range Logins() {
		if l.Role == laeringsliv.RoleTeacher {
			p, err := s.People.FindPersonByEmail(ctx, l.Email)
			if err != nil {
				return err
			}
			author = p.ID
		}
	}
	h := &laeringsliv.Handbook{ProgrammeID: res.ProgrammeID, Title: "Kollektiv videreutdanning gjennom medarbeiderdrevet innovasjon"}
	if err := s.Handbook.CreateHandbook(ctx, h); err != nil {
		return err
	}
	var first int64
	for i, c := range handbookChapters {
		ch := &laeringsliv.HandbookChapter{HandbookID: h.ID, Position: i + 1, Title: c.title, Body: c.body}
		if err := s.Handbook.CreateChapter(ctx, ch, author); err != nil {
			return err
		}
		if i == 0 {
			first = ch.ID
		}
	}
	if s.HandbookBook != nil {
		if err := seedHandbookBook(ctx, s, res, h, author, first); err != nil {
			return err
		}
	}
	res.HandbookID = h.ID
	return nil
}
