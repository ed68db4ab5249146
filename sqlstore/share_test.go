package sqlstore_test

import (
	"reflect"
	"testing"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

func TestShare(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		s := &laeringsliv.Share{WorkplaceID: o.wpA.ID, Kind: laeringsliv.ShareIPEQuestion, RefID: 7,
			Title: "Hva gjør en god vakt?", Items: []string{"Faste møter", "Mindre papir"}, SharedBy: o.person.ID}
		must(t, db.CreateShare(ctx, s))
		if s.ID == 0 || s.InstitutionID != o.inst.ID || !recent(s.SharedAt) || !s.Active() {
			t.Fatalf("created %+v", s)
		}
		got, err := db.FindShare(ctx, s.ID)
		must(t, err)
		if !reflect.DeepEqual(got, s) {
			t.Fatalf("found %+v, want %+v", got, s)
		}
		again := *s
		again.ID = 0
		wantCode(t, db.CreateShare(ctx, &again), laeringsliv.ECONFLICT, "sharing.error.already_shared")

		// B sees A's share; A's own list does not hold B's view of it.
		others, err := db.FindShares(ctx, laeringsliv.ShareFilter{InstitutionID: o.inst.ID, NotWorkplace: o.wpB.ID, ActiveOnly: true})
		must(t, err)
		own, err := db.FindShares(ctx, laeringsliv.ShareFilter{NotWorkplace: o.wpA.ID})
		must(t, err)
		if len(others) != 1 || others[0].ID != s.ID || len(own) != 0 {
			t.Fatalf("others %v, own %v", others, own)
		}

		c := &laeringsliv.ShareComment{ShareID: s.ID, WorkplaceID: o.wpB.ID, AuthorID: o.person.ID, Body: "  Hvordan startet dere?  "}
		must(t, db.AddShareComment(ctx, c))
		comments, err := db.FindShareComments(ctx, s.ID)
		must(t, err)
		if len(comments) != 1 || comments[0].Body != "Hvordan startet dere?" || comments[0].InstitutionID != o.inst.ID {
			t.Fatalf("comments %+v", comments)
		}
		wantCode(t, db.AddShareComment(ctx, &laeringsliv.ShareComment{ShareID: s.ID + 99, WorkplaceID: o.wpB.ID, Body: "x"}),
			laeringsliv.ENOTFOUND, "error.not_found")

		must(t, db.WithdrawShare(ctx, s.ID))
		wantCode(t, db.WithdrawShare(ctx, s.ID), laeringsliv.ENOTFOUND, "error.not_found")
		active, err := db.FindShares(ctx, laeringsliv.ShareFilter{WorkplaceID: o.wpA.ID, ActiveOnly: true})
		must(t, err)
		if len(active) != 0 {
			t.Fatalf("withdrawn share still active: %+v", active)
		}
		must(t, db.CreateShare(ctx, &again)) // a withdrawn record may be shared again
	})
}

func TestAdoptInnovation(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		pa, pb := newProject(t, db, o.wpA, "Trygg kommunikasjon"), newProject(t, db, o.wpB, "Morgendagens omsorg")
		origin := &laeringsliv.Innovation{WorkplaceID: o.wpA.ID, ProjectID: pa.ID, Title: "Fast møtetid",
			Status: laeringsliv.InnovationImplemented, Size: laeringsliv.InnovationSmall}
		must(t, db.CreateInnovation(ctx, origin, o.person.ID))
		s := &laeringsliv.Share{WorkplaceID: o.wpA.ID, Kind: laeringsliv.ShareInnovation, RefID: origin.ID, Title: origin.Title}
		must(t, db.CreateShare(ctx, s))

		adopted := &laeringsliv.Innovation{WorkplaceID: o.wpB.ID, ProjectID: pb.ID, Title: s.Title,
			Status: laeringsliv.InnovationIdea, Size: laeringsliv.InnovationSmall}
		a, err := db.AdoptInnovation(ctx, s, adopted, o.person.ID)
		must(t, err)
		if a.InnovationID != adopted.ID || a.OriginInnovationID != origin.ID || a.OriginWorkplaceID != o.wpA.ID || a.WorkplaceID != o.wpB.ID {
			t.Fatalf("adoption %+v", a)
		}
		spread, err := db.FindAdoptions(ctx, laeringsliv.AdoptionFilter{OriginInnovationID: origin.ID})
		must(t, err)
		from, err := db.FindAdoptions(ctx, laeringsliv.AdoptionFilter{InnovationID: adopted.ID})
		must(t, err)
		if len(spread) != 1 || !reflect.DeepEqual(spread, from) || spread[0].ID != a.ID {
			t.Fatalf("spread %+v, from %+v", spread, from)
		}

		// The origin cannot adopt its own share, and nobody adopts a withdrawn one; neither
		// leaves an innovation behind.
		self := &laeringsliv.Innovation{WorkplaceID: o.wpA.ID, ProjectID: pa.ID, Title: "x",
			Status: laeringsliv.InnovationIdea, Size: laeringsliv.InnovationSmall}
		_, err = db.AdoptInnovation(ctx, s, self, 0)
		wantCode(t, err, laeringsliv.ENOTFOUND, "error.not_found")
		must(t, db.WithdrawShare(ctx, s.ID))
		late := *adopted
		late.ID = 0
		_, err = db.AdoptInnovation(ctx, s, &late, 0)
		wantCode(t, err, laeringsliv.ENOTFOUND, "error.not_found")
		all, err := db.FindInnovations(ctx, laeringsliv.InnovationFilter{InstitutionID: o.inst.ID})
		must(t, err)
		if len(all) != 2 {
			t.Fatalf("%d innovations after refused adoptions, want 2", len(all))
		}
	})
}
