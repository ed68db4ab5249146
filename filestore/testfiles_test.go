package filestore

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
)

// Small real files of each kind, made here so that no binary test data is checked in.

func box(typ string, body []byte) []byte {
	b := make([]byte, 8, 8+len(body))
	binary.BigEndian.PutUint32(b, uint32(8+len(body)))
	copy(b[4:], typ)
	return append(b, body...)
}

// mp4 returns a minimal ISO BMFF file with the brand, a movie header and media data.
func mp4(brand string, media int) []byte {
	ftyp := box("ftyp", append([]byte(brand+"\x00\x00\x02\x00"), []byte("isommp41")...))
	moov := box("moov", box("mvhd", make([]byte, 100)))
	return append(append(ftyp, moov...), box("mdat", make([]byte, media))...)
}

func webm() []byte {
	return append([]byte{0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84}, []byte("webm\x42\x87\x81\x02")...)
}

func zipOf(files map[string]string, first string) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	write := func(name, body string) {
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
		w.Write([]byte(body))
	}
	if first != "" {
		write(first, files[first])
	}
	for name, body := range files {
		if name != first {
			write(name, body)
		}
	}
	zw.Close()
	return b.Bytes()
}

func docx() []byte {
	return zipOf(map[string]string{"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}, "[Content_Types].xml")
}

func odt() []byte {
	return zipOf(map[string]string{"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office/>"}, "mimetype")
}

func pngFile() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	img.Set(1, 1, color.RGBA{200, 0, 0, 255})
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

func jpegFile() []byte {
	var b bytes.Buffer
	jpeg.Encode(&b, image.NewGray(image.Rect(0, 0, 8, 8)), nil)
	return b.Bytes()
}
