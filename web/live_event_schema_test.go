package web

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"laeringsliv"
)

// The event payloads the store writes and the JavaScript reads are declared once, in the
// domain; the OpenAPI document describes each under components/schemas. This test holds the
// two together: the same properties, and the same required ones (a field without omitempty).
func TestEventSchemasMatchPayloadTypes(t *testing.T) {
	var doc struct {
		Components struct {
			Schemas map[string]struct {
				Required   []string                   `json:"required"`
				Properties map[string]json.RawMessage `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(openAPIDoc, &doc); err != nil {
		t.Fatal(err)
	}
	for _, v := range []any{laeringsliv.IPEPhaseEvent{}, laeringsliv.IPEDrawEvent{}, laeringsliv.IPEReflectionEvent{},
		laeringsliv.IPERedactedEvent{}, laeringsliv.IPETurnEvent{}, laeringsliv.ReadingPhaseEvent{},
		laeringsliv.ReadingAnswerEvent{}, laeringsliv.ReadingEditEvent{}} {
		typ := reflect.TypeOf(v)
		s, ok := doc.Components.Schemas[typ.Name()]
		if !ok {
			t.Errorf("the OpenAPI document has no schema %s", typ.Name())
			continue
		}
		var props, required []string
		for i := range typ.NumField() {
			name, opts, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
			props = append(props, name)
			if !strings.Contains(opts, "omitempty") {
				required = append(required, name)
			}
		}
		var docProps []string
		for p := range s.Properties {
			docProps = append(docProps, p)
		}
		slices.Sort(props)
		slices.Sort(docProps)
		slices.Sort(required)
		docRequired := slices.Sorted(slices.Values(s.Required))
		if !slices.Equal(props, docProps) || !slices.Equal(required, docRequired) {
			t.Errorf("%s: Go has %v (required %v), the document %v (required %v)", typ.Name(), props, required, docProps, docRequired)
		}
	}
}
