package sqlstore_test

import (
	"sync"
	"testing"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

// A phone on a weak network sends a note again under the same key when it did not hear the
// answer: the hat holds it once and counts it once, also when the copies arrive together and
// when the retry comes after writing has closed. Another key is another note.
func TestIPENoteKeyStoresOnce(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		s := newIPESession(t, db, o)
		advance(t, db, s) // capture
		var writers []*laeringsliv.IPEParticipant
		for range 3 {
			p, token, err := db.JoinIPE(ctx, s.ID, 0)
			must(t, err)
			p.Token = token
			writers = append(writers, p)
		}
		const key = "k3yOfAPhoneWithWeakWifi_1"
		var wg sync.WaitGroup
		errs := make([]error, 5)
		for i := range errs { // the same note five times at once
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[i] = db.AddIPENoteOnce(ctx, writers[0], "Faste overlappingsmøter", key)
			}()
		}
		wg.Wait()
		for _, err := range errs {
			must(t, err)
		}
		_, err := db.AddIPENoteOnce(ctx, writers[0], "Faste overlappingsmøter", key) // and once more later
		must(t, err)
		_, err = db.AddIPENoteOnce(ctx, writers[1], "Mer tid til opplæring", "anotherKeyFromAnotherPhone")
		must(t, err)
		_, err = db.AddIPENote(ctx, writers[2], "Uten nøkkel")
		must(t, err)
		hat, err := db.FindIPEHat(ctx, s.ID)
		must(t, err)
		if hat.Notes != 3 || hat.Writers != 3 {
			t.Fatalf("hat %+v; want 3 notes from 3 writers", hat)
		}
		wantCode(t, func() error { _, err := db.AddIPENoteOnce(ctx, writers[0], "x", "short"); return err }(),
			laeringsliv.EINVALID, "ipe.error.key_invalid")

		advance(t, db, s) // writing closes: the pool moves to the hat
		_, err = db.AddIPENoteOnce(ctx, writers[0], "Faste overlappingsmøter", key)
		must(t, err) // stored before the close: the retry is answered as stored
		_, err = db.AddIPENoteOnce(ctx, writers[0], "Ny etter stenging", "aKeyNeverSeenBeforeClose")
		wantCode(t, err, laeringsliv.EINVALID, "ipe.error.not_capturing")
		notes, err := db.FindIPENotes(ctx, s.ID)
		must(t, err)
		if len(notes) != 3 {
			t.Fatalf("%d notes in the hat after writing closed; want 3", len(notes))
		}
	})
}

// The writers' marks commit without waiting for the disk; the note's commit does, and the
// write connection is back to a flush per commit afterwards.
func TestWriterMarksLeaveCommitsDurable(t *testing.T) {
	db := sqltest.OpenSQLite(t)
	o := newOrg(t, db)
	s := newIPESession(t, db, o)
	advance(t, db, s)
	p, token, err := db.JoinIPE(ctx, s.ID, 0)
	must(t, err)
	p.Token = token
	_, err = db.AddIPENote(ctx, p, "Et notat")
	must(t, err)
	write, _ := db.Pools()
	var sync string
	must(t, write.QueryRowContext(ctx, `PRAGMA synchronous`).Scan(&sync))
	if sync != "2" {
		t.Fatalf("after a note the write connection runs with synchronous=%s; want 2 (FULL)", sync)
	}
	if hat, err := db.FindIPEHat(ctx, s.ID); err != nil || hat.Writers != 1 {
		t.Fatalf("hat %+v %v; want the writer counted", hat, err)
	}
}
