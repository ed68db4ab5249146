package sqlstore_test

import (
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

// A moved meeting keeps its identity and counts the change; the invitees' own time follows the
// new time; another workplace, a cancelled meeting and a time in the past are refused.
func TestMoveMeeting(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		must(t, db.CreateMembership(ctx, &laeringsliv.Membership{PersonID: o.person.ID, Role: laeringsliv.RoleParticipant,
			ProgrammeID: o.prog.ID, WorkplaceID: o.wpA.ID}))
		start := time.Now().Add(48 * time.Hour).Truncate(time.Minute)
		m := &laeringsliv.Meeting{WorkplaceID: o.wpA.ID, Kind: laeringsliv.MeetingReading, Title: "Leseverksted", Place: "Stua",
			Start: start, End: start.Add(45 * time.Minute), Invitees: []laeringsliv.MeetingInvitee{{PersonID: o.person.ID, OwnMinutes: 15}}}
		must(t, db.CreateMeetings(ctx, []*laeringsliv.Meeting{m}))
		later := start.Add(26 * time.Hour)
		mv := laeringsliv.MeetingMove{WorkplaceID: o.wpA.ID, ID: m.ID, Title: "Leseverksted 2", Place: "Møterommet",
			Start: later, End: later.Add(time.Hour), OwnMinutes: map[int64]int{o.person.ID: 0}}
		must(t, db.MoveMeeting(ctx, mv))
		list, err := db.FindMeetings(ctx, laeringsliv.MeetingFilter{WorkplaceID: o.wpA.ID})
		if err != nil || len(list) != 1 {
			t.Fatalf("meetings %+v %v", list, err)
		}
		got := list[0]
		if got.ID != m.ID || got.Sequence != 1 || !got.Start.Equal(later) || !got.End.Equal(later.Add(time.Hour)) ||
			got.Title != "Leseverksted 2" || got.Place != "Møterommet" || got.Kind != laeringsliv.MeetingReading ||
			len(got.Invitees) != 1 || got.Invitees[0].OwnMinutes != 0 {
			t.Fatalf("moved %+v", got)
		}
		if one, err := db.FindMeetings(ctx, laeringsliv.MeetingFilter{ID: m.ID, WorkplaceID: o.wpA.ID}); err != nil || len(one) != 1 {
			t.Fatalf("one meeting by id: %+v %v", one, err)
		}
		if none, _ := db.FindMeetings(ctx, laeringsliv.MeetingFilter{ID: m.ID, WorkplaceID: o.wpB.ID}); len(none) != 0 {
			t.Fatalf("another workplace finds the meeting by id: %+v", none)
		}
		foreign := mv
		foreign.WorkplaceID = o.wpB.ID
		if err := db.MoveMeeting(ctx, foreign); laeringsliv.ErrorCode(err) != laeringsliv.ENOTFOUND {
			t.Fatalf("moved through another workplace: %v", err)
		}
		past := mv
		past.Start, past.End = time.Now().Add(-2*time.Hour), time.Now().Add(-time.Hour)
		if err := db.MoveMeeting(ctx, past); laeringsliv.ErrorCode(err) != laeringsliv.EINVALID {
			t.Fatalf("moved into the past: %v", err)
		}
		long := mv
		long.End = long.Start.Add(25 * time.Hour)
		if err := db.MoveMeeting(ctx, long); laeringsliv.ErrorCode(err) != laeringsliv.EINVALID {
			t.Fatalf("a meeting of 25 hours: %v", err)
		}
		must(t, db.CancelMeeting(ctx, o.wpA.ID, m.ID))
		if err := db.MoveMeeting(ctx, mv); laeringsliv.ErrorCode(err) != laeringsliv.ENOTFOUND {
			t.Fatalf("moved a cancelled meeting: %v", err)
		}
		if list, _ := db.FindMeetings(ctx, laeringsliv.MeetingFilter{WorkplaceID: o.wpA.ID}); list[0].Sequence != 2 {
			t.Fatalf("sequence after a move and a cancellation: %d", list[0].Sequence)
		}
	})
}
