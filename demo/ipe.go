package demo

import (
	"context"
	"fmt"
	"time"

	"laeringsliv"
)

// ipeNotes are the notes of the demo's sessions, of the kind the article's participants wrote.
var ipeNotes = []string{
	"Vi er gode på å ta imot nye kolleger, men opplæringen er tilfeldig.",
	"Overlappen mellom vaktene er for kort til å få med seg det viktigste.",
	"Fint at vi spør beboerne hva de selv ønsker til middag.",
	"Turnusen gjør at vi sjelden møter dem som jobber andre helger.",
	"Vi kunne brukt dagtavla bedre, så alle ser dagens avtaler.",
	"Pårørende sier de blir godt tatt imot.",
	"Mer ro ved medisinutdeling – færre avbrytelser.",
	"Faste møtepunkter for å dele det som fungerer.",
}

// seedIPE runs one completed IPE session in each workplace: five people write into the hat,
// two groups draw and reflect, vote, and the plenum's first priority is kept as an idea. It is
// the hat of the workplace's start-up gathering, a week after the previous workplace's.
func seedIPE(ctx context.Context, s laeringsliv.IPEService, clock *Clock, res *Result, createdBy int64) error {
	for i, wid := range res.WorkplaceIDs {
		clock.Set(morning(2017, time.September, 12+7*i).Add(time.Hour))
		sess := &laeringsliv.IPESession{WorkplaceID: wid, Kind: laeringsliv.IPEKindCapture, CreatedBy: createdBy,
			Question: "Hva er vi fornøyd med i dagens tjeneste, og hva kan vi gjøre bedre?"}
		if err := s.CreateIPESession(ctx, sess, []string{"Gruppe 1", "Gruppe 2"}, nil); err != nil {
			return fmt.Errorf("demo: ipe session: %w", err)
		}
		if err := runIPE(ctx, s, sess); err != nil {
			return fmt.Errorf("demo: ipe session %d: %w", sess.ID, err)
		}
	}
	return nil
}

func runIPE(ctx context.Context, s laeringsliv.IPEService, sess *laeringsliv.IPESession) error {
	next := func() error {
		got, err := s.SetIPEPhase(ctx, sess.ID, sess.Phase)
		if err == nil {
			*sess = *got
		}
		return err
	}
	var people []*laeringsliv.IPEParticipant
	for range 5 {
		p, token, err := s.JoinIPE(ctx, sess.ID, 0)
		if err != nil {
			return err
		}
		p.Token = token
		people = append(people, p)
	}
	if err := next(); err != nil { // capture
		return err
	}
	for i, text := range ipeNotes {
		if _, err := s.AddIPENote(ctx, people[i%len(people)], text); err != nil {
			return err
		}
	}
	if err := next(); err != nil { // draw
		return err
	}
	drawn := map[int64][]string{}
	for i := range ipeNotes {
		p := people[i%2] // people 0 and 1 are in different groups
		d, err := s.DrawIPENote(ctx, sess.ID, p.GroupID)
		if err != nil {
			return err
		}
		if err := s.ReflectIPE(ctx, sess.ID, p.GroupID, d.NoteID, "Skriveren ønsker trygghet og bedre flyt."); err != nil {
			return err
		}
		drawn[p.GroupID] = append(drawn[p.GroupID], d.NoteID)
	}
	if err := next(); err != nil { // vote
		return err
	}
	for i, p := range people {
		notes := drawn[p.GroupID]
		for v := range sess.VoteBudget {
			if err := s.VoteIPE(ctx, p, notes[(i+v)%2]); err != nil {
				return err
			}
		}
	}
	for range 2 { // plenum, closed
		if err := next(); err != nil {
			return err
		}
	}
	draws, err := s.FindIPEDraws(ctx, sess.ID)
	if err != nil || len(draws) == 0 {
		return err
	}
	_, err = s.KeepIPEIdea(ctx, sess.ID, draws[0].NoteID)
	return err
}
