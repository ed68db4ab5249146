package web

import (
	"bytes"
	"html"
	"html/template"
	"strings"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"laeringsliv"
)

// handbookSegment is a piece of a chapter: either sanitised HTML from Markdown, or an embed of
// one of the platform's records, which the page renders with its own template.
type handbookSegment struct {
	HTML  template.HTML
	Embed *laeringsliv.Embed
	View  *EmbedView // what the embed shows, once resolved
}

// markdown converts Markdown to HTML without raw HTML (goldmark's default escapes it);
// the sanitiser is the second line of defence for what authors write.
var (
	markdown  = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))
	sanitiser = handbookPolicy()
)

func handbookPolicy() *bluemonday.Policy {
	p := bluemonday.UGCPolicy()
	p.AllowAttrs("alt").OnElements("img")
	p.RequireNoReferrerOnLinks(true)
	return p
}

// renderMarkdown returns md as sanitised HTML.
func renderMarkdown(md string) (template.HTML, error) { return renderWith(markdown, md) }

// renderWith returns md converted by engine (HTML for the web, XHTML for the e-book) and
// sanitised.
func renderWith(engine goldmark.Markdown, md string) (template.HTML, error) {
	var buf bytes.Buffer
	if err := engine.Convert([]byte(md), &buf); err != nil {
		return "", err
	}
	return template.HTML(sanitiser.SanitizeBytes(buf.Bytes())), nil
}

// renderImages is renderWith with the handbook's own image references, image:ID, pointed at
// images before the sanitiser sees them. goldmark writes an image's destination into src
// escaped, so src="image: can only come from an image.
func renderImages(engine goldmark.Markdown, md, images string) (template.HTML, error) {
	var buf bytes.Buffer
	if err := engine.Convert([]byte(md), &buf); err != nil {
		return "", err
	}
	out := bytes.ReplaceAll(buf.Bytes(), []byte(`src="image:`), []byte(`src="`+html.EscapeString(images)))
	return template.HTML(sanitiser.SanitizeBytes(out)), nil
}

// chapterSegments splits a chapter at its embeds and renders the Markdown between them; an
// image written as image:ID is looked for under images (a path ending in "/").
func chapterSegments(body, images string) ([]handbookSegment, error) {
	return segmentsWith(markdown, body, images)
}

// segmentsWith is chapterSegments with the Markdown engine given.
func segmentsWith(engine goldmark.Markdown, body, images string) ([]handbookSegment, error) {
	embeds, err := laeringsliv.ParseEmbeds(body)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(body, "\n")
	var out []handbookSegment
	from := 0
	flush := func(to int) error {
		if md := strings.Join(lines[from:to], "\n"); strings.TrimSpace(md) != "" {
			h, err := renderImages(engine, md, images)
			if err != nil {
				return err
			}
			out = append(out, handbookSegment{HTML: h})
		}
		return nil
	}
	for i := range embeds {
		e := embeds[i]
		if err := flush(e.Line - 1); err != nil {
			return nil, err
		}
		out = append(out, handbookSegment{Embed: &e})
		from = e.Line
	}
	if err := flush(len(lines)); err != nil {
		return nil, err
	}
	return out, nil
}
