package qrcode

import (
	"fmt"
	"html/template"
	"strings"
)

// QuietZone is the light margin around the symbol, in modules, that the standard requires.
const QuietZone = 4

// SVG draws the symbol as an inline SVG element: one path of dark squares on a light
// rectangle, scaled by the surrounding layout (viewBox in modules, crisp edges). The label
// becomes the accessible name, with role="img", so a screen reader announces what the
// picture is and the text it carries. No style attribute, so it passes a strict CSP.
func (s *Symbol) SVG(label string) template.HTML {
	n := s.Size + 2*QuietZone
	var path strings.Builder
	for y := range s.Size {
		for x := 0; x < s.Size; x++ {
			if !s.Dark(x, y) {
				continue
			}
			run := 1
			for x+run < s.Size && s.Dark(x+run, y) {
				run++
			}
			// One horizontal run per subpath keeps the path short.
			fmt.Fprintf(&path, "M%d %dh%dv1h-%dz", x+QuietZone, y+QuietZone, run, run)
			x += run - 1
		}
	}
	esc := template.HTMLEscapeString(label)
	return template.HTML(fmt.Sprintf(
		`<svg xmlns="http://www.w3.org/2000/svg" class="app-qr" role="img" aria-label="%s" viewBox="0 0 %d %d" shape-rendering="crispEdges"><title>%s</title><rect width="%d" height="%d" fill="#fff"/><path fill="#000" d="%s"/></svg>`,
		esc, n, n, esc, n, n, path.String()))
}
