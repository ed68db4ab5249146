package sqlstore_test

import (
	"bytes"
	"testing"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

// TestResearchConsentAndKey gives, repeats and withdraws consent, and checks that the
// programme's pseudonym key is created once and kept, per programme.
func TestResearchConsentAndKey(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		other := newPerson(t, db, o.inst.ID, "Ola Hansen", "ola@example.no")
		must(t, db.SetResearchConsent(ctx, o.prog.ID, o.person.ID, true))
		must(t, db.SetResearchConsent(ctx, o.prog.ID, o.person.ID, true)) // again: no error
		if c, err := db.FindResearchConsent(ctx, o.prog.ID, o.person.ID); err != nil || c.ConsentedAt.IsZero() {
			t.Errorf("FindResearchConsent = %+v, %v", c, err)
		}
		_, err := db.FindResearchConsent(ctx, o.prog.ID, 999999)
		wantCode(t, err, laeringsliv.ENOTFOUND, "")
		must(t, db.SetResearchConsent(ctx, o.prog.ID, other.ID, true))
		must(t, db.SetResearchConsent(ctx, o.prog.ID, other.ID, false))
		must(t, db.SetResearchConsent(ctx, o.other.ID, other.ID, true)) // another programme's consent
		p := newProject(t, db, o.wpA, "Felles prosjekt")
		must(t, db.CreateInnovation(ctx, &laeringsliv.Innovation{WorkplaceID: o.wpA.ID, ProjectID: p.ID, Title: "Fast møtetid",
			Status: laeringsliv.InnovationTrying, Size: laeringsliv.InnovationSmall}, o.person.ID))
		d, err := db.ResearchData(ctx, o.prog.ID)
		must(t, err)
		if _, err := db.FindResearchConsent(ctx, o.prog.ID, other.ID); laeringsliv.ErrorCode(err) != laeringsliv.ENOTFOUND {
			t.Errorf("withdrawn consent still found: %v", err)
		}
		if !d.Consented[o.person.ID] || d.Consented[other.ID] || len(d.People) != 2 {
			t.Errorf("consented %v, people %d", d.Consented, len(d.People))
		}
		if len(d.Innovations) != 1 || d.Workplaces[o.wpA.ID] != "Bofellesskap A" || len(d.Workplaces) != 2 {
			t.Errorf("innovations %d, workplaces %v", len(d.Innovations), d.Workplaces)
		}
		k1, err := db.ResearchKey(ctx, o.prog.ID)
		must(t, err)
		k2, err := db.ResearchKey(ctx, o.prog.ID)
		must(t, err)
		k3, err := db.ResearchKey(ctx, o.other.ID)
		must(t, err)
		if len(k1) != 32 || !bytes.Equal(k1, k2) || bytes.Equal(k1, k3) {
			t.Errorf("keys not stable per programme: %x %x %x", k1, k2, k3)
		}
		_, err = db.ResearchData(ctx, 999999)
		wantCode(t, err, laeringsliv.ENOTFOUND, "")
	})
}
