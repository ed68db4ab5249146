package web

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"laeringsliv"
	"laeringsliv/filestore"
	"laeringsliv/rota"
)

// RotaService stores a workplace's shift rota and the columns its files use.
type RotaService interface {
	RotaPeople(ctx context.Context, workplaceID int64) (map[string]int64, error)
	SaveRotaPeriod(ctx context.Context, p *rota.Period) error
	RollBackRotaPeriod(ctx context.Context, id int64) error
	FindRotaPeriod(ctx context.Context, id int64) (*rota.Period, error)
	FindRotaPeriods(ctx context.Context, workplaceID int64) ([]*rota.Period, error)
	FindRotaMapping(ctx context.Context, workplaceID int64) (rota.Columns, error)
	SaveRotaMapping(ctx context.Context, workplaceID int64, c rota.Columns) error
	// WorkplaceShifts returns the shifts of the workplace's active periods that overlap from–to.
	WorkplaceShifts(ctx context.Context, workplaceID int64, from, to time.Time) ([]rota.Shift, error)
	laeringsliv.StaffService
}

// A leader imports the workplace's rota in two steps: upload with the columns chosen (the
// workplace's last choice filled in), then a preview that states every problem per row in
// plain words — and saves nothing until the leader confirms a clean file. The uploaded file
// waits in the file store between the steps; the confirm form names it with a signature only
// this server makes, so no other file can be slipped in.

// RotaPage is the rota's page: the periods imported, and the upload form.
type RotaPage struct {
	Page
	Workplace *laeringsliv.Workplace
	Periods   []*rota.Period
	Columns   rota.Columns
	Problems  []rotaProblem // a refused file's problems, each in plain words
	Preview   *rotaPreview  // a clean file, waiting to be confirmed
}

type rotaProblem struct {
	Row    int
	Text   string
	Detail string
}

// rotaPreview is what a clean file would save.
type rotaPreview struct {
	Summary string         // dates and counts, in words
	Shifts  []rotaShiftRow // the first ones, to check the columns were read right
	File    string         // the stored upload
	Sig     string
}

type rotaShiftRow struct {
	Row                      int
	Person, Start, End, Code string
}

// rotaPreviewRows is how many shifts the preview lists.
const rotaPreviewRows = 12

func rotaPath(wp *laeringsliv.Workplace) string { return "/workplaces/" + itoa(wp.ID) + "/rota" }

func (s *Server) rotaPage(w http.ResponseWriter, r *http.Request) {
	p, err := s.rotaData(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	if p.Columns, err = s.svc.Rota.FindRotaMapping(r.Context(), p.Workplace.ID); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "rota", p)
}

func (s *Server) rotaData(w http.ResponseWriter, r *http.Request) (*RotaPage, error) {
	if s.svc.Rota == nil {
		return nil, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found")
	}
	st := state(r)
	periods, err := s.svc.Rota.FindRotaPeriods(r.Context(), st.workplace.ID)
	if err != nil {
		return nil, err
	}
	return &RotaPage{Page: s.base(w, r, st.tr.T("rota.web.title")), Workplace: st.workplace, Periods: periods}, nil
}

// rotaPreview reads an uploaded rota with the columns chosen, remembers the columns, and shows
// either every problem or what would be saved.
func (s *Server) rotaPreview(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	p, err := s.rotaData(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, rota.MaxFileSize+64<<10)
	var data []byte
	v, fileErr, err := readMultipart(r, "file", 200, nil, func(part *multipart.Part) error {
		b, err := io.ReadAll(io.LimitReader(part, rota.MaxFileSize+1))
		if err != nil {
			return err
		}
		if len(b) > rota.MaxFileSize {
			return filestore.ErrTooLarge
		}
		data = b
		return nil
	})
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	p.Columns = parseRotaColumns(v)
	if fileErr != nil || data == nil {
		key := "rota.web.file_required"
		if errors.Is(fileErr, filestore.ErrTooLarge) {
			key = "rota.problem.too_large"
		}
		p.Errors = []FieldErr{{Field: "file", Key: key}}
		s.render(w, r, http.StatusUnprocessableEntity, "rota", p)
		return
	}
	if err := s.svc.Rota.SaveRotaMapping(r.Context(), st.workplace.ID, p.Columns); err != nil {
		s.serverError(w, r, err)
		return
	}
	people, err := s.svc.Rota.RotaPeople(r.Context(), st.workplace.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	period, problems := rota.Prepare(st.workplace.ID, data, p.Columns, people)
	if len(problems) > 0 {
		for _, pr := range problems {
			p.Problems = append(p.Problems, rotaProblem{Row: pr.Row, Text: st.tr.T(pr.Key()), Detail: pr.Detail})
		}
		s.render(w, r, http.StatusUnprocessableEntity, "rota", p)
		return
	}
	key, err := s.storeUpload(r.Context(), data)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	sum := period.Summarise()
	p.Preview = &rotaPreview{File: key, Sig: s.rotaSig(st, key),
		Summary: st.tr.T("rota.web.preview_summary", map[string]any{"From": formatDate(period.From, st.lang),
			"To": formatDate(period.To, st.lang), "Shifts": sum.Shifts, "People": sum.People, "Nights": sum.Nights, "Leave": sum.Leave})}
	for _, sh := range period.Shifts[:min(len(period.Shifts), rotaPreviewRows)] {
		p.Preview.Shifts = append(p.Preview.Shifts, rotaShiftRow{Row: sh.Row, Person: sh.Person, Code: sh.Code,
			Start: formatClock(sh.Start, st.lang), End: formatClock(sh.End, st.lang)})
	}
	s.render(w, r, http.StatusOK, "rota", p)
}

// rotaImport saves the previewed file as one period, which replaces the active periods whose
// dates it overlaps.
func (s *Server) rotaImport(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	if s.svc.Rota == nil || s.svc.Files == nil {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
		return
	}
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	key, sig := v.Get("file"), v.Get("sig")
	if key == "" || !hmac.Equal([]byte(sig), []byte(s.rotaSig(st, key))) {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.EINVALID, "rota.web.preview_expired"))
		return
	}
	f, err := s.svc.Files.Open(r.Context(), key)
	if err != nil {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.EINVALID, "rota.web.preview_expired"))
		return
	}
	data, err := io.ReadAll(io.LimitReader(f, rota.MaxFileSize+1))
	f.Close()
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	cols, err := s.svc.Rota.FindRotaMapping(r.Context(), st.workplace.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	people, err := s.svc.Rota.RotaPeople(r.Context(), st.workplace.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	period, problems := rota.Prepare(st.workplace.ID, data, cols, people)
	if len(problems) > 0 { // the people or the columns changed since the preview
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.EINVALID, "rota.web.preview_expired"))
		return
	}
	period.ImportedBy = st.actor.Person.ID
	if err := s.svc.Rota.SaveRotaPeriod(r.Context(), period); err != nil {
		s.renderError(w, r, err)
		return
	}
	_ = s.svc.Files.Delete(r.Context(), key)
	setFlash(w, "flash.rota_saved")
	http.Redirect(w, r, rotaPath(st.workplace), http.StatusSeeOther)
}

// rotaRollBack rolls an active period back, reinstating what it replaced.
func (s *Server) rotaRollBack(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	if s.svc.Rota == nil {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
		return
	}
	id, err := pathID(r.PathValue("period"))
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	p, err := s.svc.Rota.FindRotaPeriod(r.Context(), id)
	if err == nil && p.WorkplaceID != st.workplace.ID { // another workplace's period is not found here
		err = laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found")
	}
	if err == nil {
		err = s.svc.Rota.RollBackRotaPeriod(r.Context(), id)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "flash.rota_rolled_back")
	http.Redirect(w, r, rotaPath(st.workplace), http.StatusSeeOther)
}

// formatClock is a date and a time of day in Norwegian time.
func formatClock(t time.Time, lang string) string {
	return formatDate(t.In(laeringsliv.Norway()), lang) + " " + clock(t)
}

// storeUpload keeps an uploaded file in the file store and returns its key.
func (s *Server) storeUpload(ctx context.Context, data []byte) (string, error) {
	if s.svc.Files == nil {
		return "", errors.New("no file store")
	}
	up, err := s.svc.Files.Create(ctx)
	if err != nil {
		return "", err
	}
	if _, err := io.Copy(up, bytes.NewReader(data)); err != nil {
		return "", errors.Join(err, up.Abort())
	}
	return up.Key(), up.Commit()
}

// rotaSig signs a stored upload for the person and workplace that previewed it.
func (s *Server) rotaSig(st *reqState, key string) string {
	m := hmac.New(sha256.New, s.formKey)
	m.Write([]byte("rota\x00" + strconv.FormatInt(st.workplace.ID, 10) + "\x00" + strconv.FormatInt(st.actor.Person.ID, 10) + "\x00" + key))
	return hex.EncodeToString(m.Sum(nil))
}

// newFormKey returns the secret that signs what a form carries from one step to the next.
// It lives as long as the process: a preview from before a restart is asked for again.
func newFormKey() []byte {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return b
}

// parseRotaColumns reads the column names chosen on the upload form: each at most 100
// characters, trimmed; an empty one means the documented default name.
func parseRotaColumns(v url.Values) rota.Columns {
	get := func(name string) string {
		s := strings.TrimSpace(v.Get(name))
		if len([]rune(s)) > 100 {
			s = string([]rune(s)[:100])
		}
		return s
	}
	return rota.Columns{Person: get("col_person"), Date: get("col_date"), Start: get("col_start"), End: get("col_end"), Code: get("col_code")}
}
