package filestore

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"image"
	_ "image/gif"  // registers GIF for DecodeConfig
	_ "image/jpeg" // registers JPEG
	_ "image/png"  // registers PNG
	"io"
	"net/http"
	"strings"
	"unicode/utf8"

	"laeringsliv"
)

// SniffLen is how many leading bytes Sniff wants to see.
const SniffLen = 512

// Sniff decides what a file really is from its content: the leading bytes (at least SniffLen
// of them when the file is that long) and, for containers, their structure read through r.
// A client's name or Content-Type is never consulted. ok is false for anything it does not
// recognise as one of the kinds.
func Sniff(head []byte, r io.ReaderAt, size int64) (kind laeringsliv.FileKind, contentType string, ok bool) {
	switch {
	case len(head) == 0:
		return "", "", false
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return laeringsliv.FilePDF, "application/pdf", true
	case len(head) >= 12 && string(head[4:8]) == "ftyp":
		return sniffISOBMFF(head, r, size)
	case bytes.HasPrefix(head, []byte{0x1A, 0x45, 0xDF, 0xA3}):
		if bytes.Contains(head[:min(len(head), 64)], []byte("webm")) {
			return laeringsliv.FileVideo, "video/webm", true
		}
		return "", "", false
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return sniffZip(r, size)
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return laeringsliv.FileOffice, "application/x-ole-storage", true // .doc, .ppt, .xls
	}
	ct := http.DetectContentType(head)
	switch ct {
	case "image/jpeg", "image/png", "image/gif":
		if _, _, err := image.DecodeConfig(io.NewSectionReader(r, 0, size)); err != nil {
			return "", "", false
		}
		return laeringsliv.FileImage, ct, true
	case "image/webp":
		// RIFF's length field must match the file.
		if len(head) >= 8 && int64(binary.LittleEndian.Uint32(head[4:8]))+8 == size {
			return laeringsliv.FileImage, ct, true
		}
		return "", "", false
	}
	if strings.HasPrefix(ct, "text/plain") && utf8.Valid(trimPartialRune(head)) {
		return laeringsliv.FileText, "text/plain; charset=utf-8", true
	}
	return "", "", false
}

// trimPartialRune drops a UTF-8 sequence cut off at the end of head.
func trimPartialRune(b []byte) []byte {
	for i := 0; i < utf8.UTFMax && len(b) > 0; i++ {
		if utf8.Valid(b) {
			return b
		}
		b = b[:len(b)-1]
	}
	return b
}

// sniffISOBMFF recognises MP4 and QuickTime (what phones record) by the ftyp brand, and
// checks that the top-level boxes tile the file and that it has a movie header (moov).
func sniffISOBMFF(head []byte, r io.ReaderAt, size int64) (laeringsliv.FileKind, string, bool) {
	ct := ""
	switch brand := string(head[8:12]); brand {
	case "qt  ":
		ct = "video/quicktime"
	case "isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "dash", "3gp4", "3gp5", "3gp6", "3g2a", "MSNV":
		ct = "video/mp4"
	default:
		return "", "", false
	}
	var off int64
	moov := false
	for n := 0; off < size && n < 10000; n++ {
		var h [16]byte
		if _, err := r.ReadAt(h[:8], off); err != nil {
			return "", "", false
		}
		box := int64(binary.BigEndian.Uint32(h[:4]))
		typ := string(h[4:8])
		switch box {
		case 0: // to the end of the file
			box = size - off
		case 1: // 64-bit size follows
			if _, err := r.ReadAt(h[8:16], off+8); err != nil {
				return "", "", false
			}
			box = int64(binary.BigEndian.Uint64(h[8:16]))
		}
		if box < 8 || off+box > size {
			return "", "", false
		}
		moov = moov || typ == "moov"
		off += box
	}
	if off != size || !moov {
		return "", "", false
	}
	return laeringsliv.FileVideo, ct, true
}

// sniffZip recognises Office Open XML and OpenDocument files by their parts. It reads the
// zip's directory through r, not the whole file.
func sniffZip(r io.ReaderAt, size int64) (laeringsliv.FileKind, string, bool) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return "", "", false
	}
	types, kind := false, ""
	for _, f := range zr.File {
		switch {
		case f.Name == "[Content_Types].xml":
			types = true
		case strings.HasPrefix(f.Name, "word/"):
			kind = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
		case strings.HasPrefix(f.Name, "ppt/"):
			kind = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
		case strings.HasPrefix(f.Name, "xl/"):
			kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
		case f.Name == "mimetype" && f.UncompressedSize64 < 100:
			if ct, ok := odfType(f); ok {
				return laeringsliv.FileOffice, ct, true
			}
		}
	}
	if types && kind != "" {
		return laeringsliv.FileOffice, kind, true
	}
	return "", "", false
}

func odfType(f *zip.File) (string, bool) {
	rc, err := f.Open()
	if err != nil {
		return "", false
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, 100))
	ct := string(b)
	return ct, err == nil && strings.HasPrefix(ct, "application/vnd.oasis.opendocument.")
}
