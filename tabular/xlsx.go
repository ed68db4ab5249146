package tabular

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// WriteXLSX writes the table as a one-sheet XLSX workbook with inline strings, a bold header
// row and the header frozen.
func (t *Table) WriteXLSX(w io.Writer) error {
	zw := zip.NewWriter(w)
	name := sheetName(t.Name)
	files := []struct{ path, body string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rootRels},
		{"xl/workbook.xml", fmt.Sprintf(workbook, xmlEscape(name))},
		{"xl/_rels/workbook.xml.rels", workbookRels},
		{"xl/styles.xml", styles},
	}
	for _, f := range files {
		if err := writeZipFile(zw, f.path, func(w io.Writer) error {
			_, err := io.WriteString(w, f.body)
			return err
		}); err != nil {
			return err
		}
	}
	if err := writeZipFile(zw, "xl/worksheets/sheet1.xml", t.writeSheet); err != nil {
		return err
	}
	return zw.Close()
}

func writeZipFile(zw *zip.Writer, path string, body func(io.Writer) error) error {
	fw, err := zw.CreateHeader(&zip.FileHeader{Name: path, Method: zip.Deflate, Modified: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		return err
	}
	return body(fw)
}

func (t *Table) writeSheet(w io.Writer) error {
	var b strings.Builder
	b.WriteString(xml.Header)
	b.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
	b.WriteString(`<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>`)
	header := make([]any, len(t.Header))
	for i, h := range t.Header {
		header[i] = h
	}
	writeRow(&b, 1, header, true)
	for i, row := range t.Rows {
		writeRow(&b, i+2, row, false)
		if b.Len() > 1<<16 { // stream large tables
			if _, err := io.WriteString(w, b.String()); err != nil {
				return err
			}
			b.Reset()
		}
	}
	b.WriteString(`</sheetData></worksheet>`)
	_, err := io.WriteString(w, b.String())
	return err
}

func writeRow(b *strings.Builder, n int, cells []any, bold bool) {
	fmt.Fprintf(b, `<row r="%d">`, n)
	style := ""
	if bold {
		style = ` s="1"`
	}
	for i, c := range cells {
		ref := columnName(i) + strconv.Itoa(n)
		v := toCell(c)
		switch {
		case v.empty:
		case v.num:
			fmt.Fprintf(b, `<c r="%s"%s><v>%s</v></c>`, ref, style, v.text)
		default:
			fmt.Fprintf(b, `<c r="%s" t="inlineStr"%s><is><t xml:space="preserve">%s</t></is></c>`, ref, style, xmlEscape(v.text))
		}
	}
	b.WriteString(`</row>`)
}

// columnName returns the spreadsheet column of a zero-based index: A, B, …, Z, AA, ….
func columnName(i int) string {
	name := ""
	for i++; i > 0; i = (i - 1) / 26 {
		name = string(rune('A'+(i-1)%26)) + name
	}
	return name
}

// xmlEscape escapes text and drops characters XML 1.0 cannot hold.
func xmlEscape(s string) string {
	var b strings.Builder
	s = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF {
			return r
		}
		return -1
	}, s)
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// sheetName makes a valid sheet name: at most 31 characters, none of []:*?/\.
func sheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '-'
		}
		return r
	}, strings.TrimSpace(s))
	if s == "" {
		s = "Sheet1"
	}
	if r := []rune(s); len(r) > 31 {
		s = string(r[:31])
	}
	return s
}

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`

const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`

const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets></workbook>`

const workbookRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`

const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
