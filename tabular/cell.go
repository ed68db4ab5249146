package tabular

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxCellRunes is Excel's limit on the text of one cell.
const maxCellRunes = 32767

// truncatedMarker ends a cell whose text was cut at maxCellRunes.
const truncatedMarker = "[…]"

// cell is one value ready to write: a number (num, with text its decimal form) or text.
type cell struct {
	text  string
	num   bool
	empty bool
}

// toCell normalises a value: ints and floats of any named type become numbers (NaN and
// infinities, which no spreadsheet can hold, become empty cells); strings of any named type,
// and anything else through fmt, become text, guarded against formulas and cut at Excel's
// limit with a marker.
func toCell(c any) cell {
	if c == nil {
		return cell{empty: true}
	}
	v := reflect.ValueOf(c)
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return cell{text: strconv.FormatInt(v.Int(), 10), num: true}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return cell{text: strconv.FormatUint(v.Uint(), 10), num: true}
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return cell{empty: true}
		}
		bits := 64
		if v.Kind() == reflect.Float32 {
			bits = 32
		}
		return cell{text: strconv.FormatFloat(f, 'f', -1, bits), num: true}
	case reflect.String:
		return cell{text: guardText(v.String())}
	}
	if s, ok := c.(fmt.Stringer); ok {
		return cell{text: guardText(s.String())}
	}
	return cell{text: guardText(fmt.Sprint(c))}
}

// guardText prefixes text a spreadsheet would run as a formula (=, +, -, @, tab or carriage
// return first) with an apostrophe, and cuts text beyond Excel's limit with a marker.
func guardText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		s = "'" + s
	}
	if utf8.RuneCountInString(s) > maxCellRunes {
		r := []rune(s)
		s = string(r[:maxCellRunes-utf8.RuneCountInString(truncatedMarker)]) + truncatedMarker
	}
	return s
}
