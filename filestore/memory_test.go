package filestore

import (
	"encoding/binary"
	"fmt"
	"io"
	"laeringsliv/internal/memstat"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"testing"
	"time"

	"laeringsliv"
)

// videoReader generates a valid QuickTime file of size bytes without holding it: the header
// boxes, then a media box of zeros.
type videoReader struct {
	head []byte
	left int64
}

func newVideoReader(size int64) *videoReader {
	ftyp := box("ftyp", []byte("qt  \x00\x00\x02\x00qt  "))
	moov := box("moov", box("mvhd", make([]byte, 100)))
	head := append(ftyp, moov...)
	mdat := make([]byte, 8)
	binary.BigEndian.PutUint32(mdat, uint32(size-int64(len(head))))
	copy(mdat[4:], "mdat")
	head = append(head, mdat...)
	return &videoReader{head: head, left: size - int64(len(head))}
}

func (v *videoReader) Read(p []byte) (int, error) {
	if len(v.head) > 0 {
		n := copy(p, v.head)
		v.head = v.head[n:]
		return n, nil
	}
	if v.left == 0 {
		return 0, io.EOF
	}
	n := int(min(int64(len(p)), v.left))
	clear(p[:n])
	v.left -= int64(n)
	return n, nil
}

// uploadHandler is the shape of the application's upload handler: the body is capped, read
// part by part, and the file part streamed into the store.
func uploadHandler(st Store, limit int64) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, limit+1<<20)
		mr, err := r.MultipartReader()
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		for {
			part, err := mr.NextPart()
			if err != nil {
				http.Error(w, "no file", http.StatusBadRequest)
				return
			}
			if part.FormName() != "file" {
				continue
			}
			got, err := Receive(r.Context(), st, part, limit, func(k laeringsliv.FileKind) bool { return k == laeringsliv.FileVideo })
			if err != nil {
				http.Error(w, laeringsliv.ErrorKey(err), http.StatusBadRequest)
				return
			}
			io.WriteString(w, strconv.FormatInt(got.Size, 10))
			return
		}
	})
}

// TestUpload1GBMemory streams a 1 GB video through an HTTP upload handler into the directory
// store and reports how much the heap and the resident set grew at their peak. It asserts
// only a generous bound (64 MiB); the figure is what matters and is printed.
func TestUpload1GBMemory(t *testing.T) {
	const size = 1 << 30
	d := newDir(t)
	srv := httptest.NewServer(uploadHandler(d, size))
	defer srv.Close()

	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		part, err := mw.CreateFormFile("file", "../../AK3 video.mov")
		if err == nil {
			_, err = io.Copy(part, newVideoReader(size))
		}
		if err == nil {
			err = mw.Close()
		}
		pw.CloseWithError(err)
	}()

	watch := memstat.Start()
	start := time.Now()
	resp, err := http.Post(srv.URL, mw.FormDataContentType(), pr)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	heapRise, rssRise := watch.Stop()
	if resp.StatusCode != http.StatusOK || string(body) != strconv.Itoa(size) {
		t.Fatalf("upload: %d %s", resp.StatusCode, body)
	}
	msg := fmt.Sprintf("1 GiB upload (client and server in one process): peak heap rise %.1f MiB, peak RSS rise %.1f MiB, %v",
		float64(heapRise)/(1<<20), float64(rssRise)/(1<<20), time.Since(start).Round(time.Millisecond))
	t.Log(msg)
	fmt.Fprintln(os.Stderr, msg)
	if heapRise > 64<<20 {
		t.Errorf("heap rose by %d bytes: the upload is being held in memory", heapRise)
	}
}
