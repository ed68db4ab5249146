package demo

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"strconv"

	"laeringsliv"
	"laeringsliv/filestore"
)

// HandbookBookWriter writes what makes the demo's handbook a book: a chapter's other language
// versions and its images.
type HandbookBookWriter interface {
	SaveTranslation(ctx context.Context, t *laeringsliv.HandbookTranslation, base int) error
	AddHandbookImage(ctx context.Context, img *laeringsliv.HandbookImage) error
}

// handbookTranslations are the first chapter in Nynorsk and English.
var handbookTranslations = []laeringsliv.HandbookTranslation{
	{Language: "nn", Title: "Arbeidsplassen som klasserom", Body: `Denne handboka er skriven for arbeidsplassar som vil gjere det vi gjorde: ta vidareutdanning **saman**, på jobben, og bruke ho til å gjere tenesta betre.

Modellen har tre delar:

1. **Alle deltek.** Heile arbeidsplassen er med, også dei med små stillingar og dei som jobbar natt.
2. **Eitt felles prosjekt.** Arbeidsplassen vel eitt innovasjonsprosjekt som alle bidreg til.
3. **Arbeidet gir studiepoeng.** Arbeidskrava byggjer på det de gjer i prosjektet, og eksamen gir 15 studiepoeng.

Høgskulen kjem til arbeidsplassen, ikkje omvendt.`},
	{Language: "en", Title: "The workplace as a classroom", Body: `This handbook is written for workplaces that want to do what we did: take further education **together**, at work, and use it to improve the service.

The model has three parts:

1. **Everyone takes part.** The whole workplace joins, including those in small positions and those who work nights.
2. **One shared project.** The workplace chooses one innovation project that everyone contributes to.
3. **The work earns credits.** The work requirements build on what you do in the project, and the exam gives 15 credits.

The university college comes to the workplace, not the other way round.`},
}

// seedHandbookBook adds the chapter built from the demo's own records — an innovation of the
// first workplace frozen as it was at publication, the reports' participation chart frozen, and
// an image with its alt text when there is a file store — and the first chapter in Nynorsk and
// English.
func seedHandbookBook(ctx context.Context, s Services, res *Result, h *laeringsliv.Handbook, author int64, first int64) error {
	body := "Dette er det vi fikk til. Innovasjonen under er vist slik den sto da håndboka ble publisert:\n\n"
	if list, err := s.Innovations.FindInnovations(ctx, laeringsliv.InnovationFilter{WorkplaceID: res.WorkplaceIDs[0]}); err == nil && len(list) > 0 {
		body += "{{innovation " + strconv.FormatInt(list[0].ID, 10) + " frozen}}\n\n"
	} else if err != nil {
		return err
	}
	body += "Tallet på innovasjoner per arbeidsplass, fra rapportene, slik det var ved publisering:\n\n{{chart participation frozen}}\n"
	if s.Files != nil {
		key, err := demoImage(ctx, s.Files)
		if err != nil {
			return err
		}
		img := &laeringsliv.HandbookImage{HandbookID: h.ID, FileKey: key, ContentType: "image/png",
			Alt: "Tegning av fire søyler som vokser fra venstre mot høyre: idé, prøves ut, evaluert og innført."}
		if err := s.HandbookBook.AddHandbookImage(ctx, img); err != nil {
			return err
		}
		body += "\nVeien fra idé til innført praksis:\n\n" + laeringsliv.ImageMarkdown(img.ID, img.Alt) + "\n"
	}
	ch := &laeringsliv.HandbookChapter{HandbookID: h.ID, Title: "Det vi fikk til", Body: body}
	if err := s.Handbook.CreateChapter(ctx, ch, author); err != nil {
		return err
	}
	for _, t := range handbookTranslations {
		t.ChapterID = first
		if err := s.HandbookBook.SaveTranslation(ctx, &t, 0); err != nil {
			return err
		}
	}
	return nil
}

// demoImage stores a small drawing of four growing bars, the stages of an innovation.
func demoImage(ctx context.Context, files filestore.Store) (string, error) {
	img := image.NewRGBA(image.Rect(0, 0, 320, 160))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	bar := color.RGBA{0x0b, 0x5a, 0x8c, 0xff}
	for k := 0; k < 4; k++ {
		h := 30 + 35*k
		for x := 20 + 75*k; x < 70+75*k; x++ {
			for y := 150 - h; y < 150; y++ {
				img.Set(x, y, bar)
			}
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return "", err
	}
	up, err := files.Create(ctx)
	if err != nil {
		return "", err
	}
	if _, err := up.Write(buf.Bytes()); err != nil {
		_ = up.Abort()
		return "", err
	}
	if err := up.Commit(); err != nil {
		return "", err
	}
	return up.Key(), nil
}
