package sqlstore_test

import (
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

// An invitation and its mail are one: both saved, or (when the invitation is refused) neither.
func TestInvitationMailJob(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		inv := &laeringsliv.Invitation{WorkplaceID: o.wpA.ID, Role: laeringsliv.RoleParticipant,
			Email: "kari@example.no", TokenHash: laeringsliv.HashToken("mailtok"), CreatedBy: o.person.ID,
			Mail: &laeringsliv.Mail{To: "kari@example.no", Subject: "Invitasjon", Body: "Lenke"}}
		must(t, db.CreateInvitation(ctx, inv))
		if inv.MailJobID == 0 || inv.MailState != laeringsliv.JobWaiting {
			t.Fatalf("created %+v", inv)
		}
		counts, err := db.CountJobs(ctx)
		must(t, err)
		if counts["available"] != 1 {
			t.Fatalf("jobs by state %v; want one available", counts)
		}
		list, err := db.FindInvitations(ctx, o.wpA.ID)
		must(t, err)
		if len(list) != 1 || list[0].MailState != laeringsliv.JobWaiting || list[0].MailJobID != inv.MailJobID {
			t.Fatalf("listed %+v", list[0])
		}

		// Refused (a role that cannot be invited): no invitation and no mail job.
		bad := &laeringsliv.Invitation{WorkplaceID: o.wpA.ID, Role: laeringsliv.RoleAdmin, Email: "x@example.no",
			TokenHash: laeringsliv.HashToken("bad"), Mail: &laeringsliv.Mail{To: "x@example.no"}}
		wantCode(t, db.CreateInvitation(ctx, bad), laeringsliv.EINVALID, "error.role_invalid")
		// Refused inside the transaction (another institution's workplace): rolled back whole.
		gone := &laeringsliv.Invitation{WorkplaceID: 99999, Role: laeringsliv.RoleParticipant, Email: "y@example.no",
			TokenHash: laeringsliv.HashToken("gone"), Mail: &laeringsliv.Mail{To: "y@example.no"}}
		wantNotFound(t, db.CreateInvitation(ctx, gone))
		counts, err = db.CountJobs(ctx)
		must(t, err)
		if counts["available"] != 1 || len(counts) != 1 {
			t.Fatalf("jobs by state after refusals %v; want still one", counts)
		}
	})
}

func TestJobPages(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		id, err := db.EnqueueJob(ctx, o.inst.ID, o.person.ID, laeringsliv.ResearchExportJob{ProgrammeID: o.prog.ID})
		must(t, err)
		j, err := db.FindJob(ctx, id)
		must(t, err)
		if j.State != laeringsliv.JobWaiting || j.PersonID != o.person.ID || j.Kind != laeringsliv.JobKindResearchExport ||
			j.MaxAttempts != 5 || j.Progress != 0 || j.InstitutionID != o.inst.ID {
			t.Fatalf("job %+v", j)
		}
		must(t, db.ReportJob(ctx, id, 140, "k/1", "research.zip", 1234))
		j, err = db.FindJob(ctx, id)
		must(t, err)
		if j.Progress != 100 || j.ResultKey != "k/1" || j.ResultName != "research.zip" || j.ResultSize != 1234 {
			t.Fatalf("reported %+v", j)
		}
		_, err = db.FindJob(ctx, id+1000)
		wantNotFound(t, err)
		// After its lifetime the file is deleted and the page says so.
		if old, err := db.ExpiredJobResults(ctx, time.Now().Add(-time.Hour)); err != nil || len(old) != 0 {
			t.Fatalf("a fresh result counted expired: %v %v", old, err)
		}
		old, err := db.ExpiredJobResults(ctx, time.Now().Add(time.Hour))
		must(t, err)
		if len(old) != 1 || old[0].ID != id || old[0].ResultKey != "k/1" {
			t.Fatalf("expired results %+v", old)
		}
		must(t, db.ClearJobResult(ctx, id))
		if j, err = db.FindJob(ctx, id); err != nil || !j.ResultExpired || j.ResultKey != "" || j.ResultName != "" {
			t.Fatalf("after clearing %+v %v", j, err)
		}
		wantNotFound(t, db.ReportJob(ctx, id+1000, 1, "", "", 0))

		second, err := db.EnqueueJob(ctx, o.inst.ID, 0, laeringsliv.BackupJob{})
		must(t, err)
		list, err := db.FindJobs(ctx, o.inst.ID, laeringsliv.JobKindBackup, 10)
		must(t, err)
		if len(list) != 1 || list[0].ID != second || list[0].PersonID != 0 {
			t.Fatalf("backups %+v", list)
		}
		if list, _ = db.FindJobs(ctx, o.inst.ID+1, laeringsliv.JobKindBackup, 10); len(list) != 0 {
			t.Fatalf("another institution's backups %+v", list)
		}
	})
}
