package sqlstore_test

import (
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/rota"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

// Staffing minimums, meetings made from the finder (a cancellation counts as a change) and a
// subscribed rota whose shifts join the imported ones only for people the import leaves out.
func TestRotaStaffingMeetingsAndFeeds(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		must(t, db.CreateMembership(ctx, &laeringsliv.Membership{PersonID: o.person.ID, Role: laeringsliv.RoleParticipant,
			ProgrammeID: o.prog.ID, WorkplaceID: o.wpA.ID}))
		must(t, db.SaveRotaStaffing(ctx, o.wpA.ID, map[string]int{rota.KindDay: 3, rota.KindNight: 0}))
		if got, err := db.FindRotaStaffing(ctx, o.wpA.ID); err != nil || len(got) != 1 || got[rota.KindDay] != 3 {
			t.Fatalf("staffing %v %v", got, err)
		}
		start := time.Date(2018, 1, 10, 13, 0, 0, 0, time.UTC)
		m := &laeringsliv.Meeting{WorkplaceID: o.wpA.ID, Kind: laeringsliv.MeetingGathering, Title: "Samling 2", Place: "Stua",
			Start: start, End: start.Add(45 * time.Minute), Invitees: []laeringsliv.MeetingInvitee{{PersonID: o.person.ID, OwnMinutes: 15}}}
		must(t, db.CreateMeetings(ctx, []*laeringsliv.Meeting{m}))
		stranger := &laeringsliv.Meeting{WorkplaceID: o.wpB.ID, Kind: laeringsliv.MeetingWorkGroup, Title: "X",
			Start: start, End: start.Add(time.Hour), Invitees: []laeringsliv.MeetingInvitee{{PersonID: o.person.ID}}}
		if err := db.CreateMeetings(ctx, []*laeringsliv.Meeting{stranger}); laeringsliv.ErrorCode(err) != laeringsliv.EINVALID {
			t.Fatalf("an invitee from another workplace: %v", err)
		}
		must(t, db.CancelMeeting(ctx, o.wpA.ID, m.ID))
		if err := db.CancelMeeting(ctx, o.wpB.ID, m.ID); laeringsliv.ErrorCode(err) != laeringsliv.ENOTFOUND {
			t.Fatalf("cancel through another workplace: %v", err)
		}
		list, err := db.FindMeetings(ctx, laeringsliv.MeetingFilter{PersonID: o.person.ID})
		if err != nil || len(list) != 1 || !list[0].Cancelled || list[0].Sequence != 1 || list[0].Invitees[0].OwnMinutes != 15 {
			t.Fatalf("meetings %+v %v", list, err)
		}

		must(t, db.SaveRotaFeed(ctx, o.person.ID, "https://turnus.example.no/ical/abc"))
		shift := rota.Shift{Start: start, End: start.Add(8 * time.Hour), Code: "D"}
		must(t, db.KeepRotaFeed(ctx, o.person.ID, "https://turnus.example.no/ical/abc", []rota.Shift{shift}))
		must(t, db.FailRotaFeed(ctx, o.person.ID, "https://turnus.example.no/ical/abc", "unreachable"))
		feed, err := db.FindRotaFeed(ctx, o.person.ID)
		if err != nil || feed.Shifts != 1 || feed.ErrorCode != "unreachable" || feed.FetchedAt.IsZero() {
			t.Fatalf("feed %+v %v", feed, err)
		}
		got, err := db.WorkplaceShifts(ctx, o.wpA.ID, start.Add(-time.Hour), start.Add(time.Hour))
		if err != nil || len(got) != 1 || got[0].PersonID != o.person.ID || got[0].Code != "D" {
			t.Fatalf("workplace shifts with the feed %+v %v", got, err)
		}
		if got, _ := db.WorkplaceShifts(ctx, o.wpB.ID, start.Add(-time.Hour), start.Add(time.Hour)); len(got) != 0 {
			t.Fatalf("another workplace sees the feed: %+v", got)
		}
		importRota(t, db, o.wpA.ID, "email,date,start,end,code\nkari@example.no,2018-01-10,15:00,22:00,K\n")
		got, err = db.WorkplaceShifts(ctx, o.wpA.ID, start.Add(-time.Hour), start.Add(12*time.Hour))
		if err != nil || len(got) != 1 || got[0].Code != "K" {
			t.Fatalf("the imported rota comes first: %+v %v", got, err)
		}
		must(t, db.DeleteRotaFeed(ctx, o.person.ID))
		if _, err := db.FindRotaFeed(ctx, o.person.ID); laeringsliv.ErrorCode(err) != laeringsliv.ENOTFOUND {
			t.Fatalf("deleted feed: %v", err)
		}
	})
}
