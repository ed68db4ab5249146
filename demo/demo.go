// Package demo fills an empty deployment with the four workplaces of the #Læringslivet article
// (Table 2), their shared projects and 82 participants, plus leaders, union representatives,
// teachers, an admissions officer and an administrator. It goes through the domain services,
// the same ones the web UI uses, so it never depends on a storage package.
package demo

import (
	"context"
	"fmt"
	"time"

	"laeringsliv"
	"laeringsliv/filestore"
)

// Password is the password of every demo account. It is printed at start-up; never use the
// demo on a deployment that real people use.
const Password = "demo-passord-2026"

// Services are the domain services the demo writes through.
type Services struct {
	Org     laeringsliv.OrgService
	People  laeringsliv.PersonService
	Members laeringsliv.MembershipService
	Auth    laeringsliv.AuthService // not used yet; later demo data (invitations) will

	Innovations   laeringsliv.InnovationService
	Timeline      laeringsliv.TimelineService
	Participation laeringsliv.ParticipationService
	Reading       laeringsliv.ReadingService
	IPE           laeringsliv.IPEService        // when set, one completed IPE session per workplace
	Study         laeringsliv.StudyService      // optional: without it the study programme is not seeded
	Research      laeringsliv.ResearchService   // optional: research consents
	Rota          RotaSaver                     // optional: a four-week rota per workplace
	Handbook      HandbookWriter                // optional: the programme's handbook, which the caller publishes
	HandbookBook  HandbookBookWriter            // with Handbook: its other languages and images
	Files         filestore.Store               // optional: the handbook's image
	TimeRecords   laeringsliv.TimeRecordService // optional: participants' time on the study, by source
	// Shares, optional, needs Innovations and IPE: an innovation shared by one workplace and
	// adopted by another, and a shared IPE question.
	Shares laeringsliv.ShareService
	// WorkGroups, optional, needs Rota: each workplace's innovation work groups, formed by
	// shared shifts on its rota.
	WorkGroups laeringsliv.WorkGroupService
	// Wishes, optional, needs Rota: a few participants' own wishes to be with or apart from
	// a colleague, made before the work groups are formed, which keep them.
	Wishes laeringsliv.ColleagueWishService

	// Clock, when set, is the clock the store reads (its Now is Clock.Now): Seed dates what it
	// writes within the programme's years and gives the real time back when it returns.
	Clock *Clock
}

// Login is a demo account to try the application with.
type Login struct {
	Role     laeringsliv.Role
	Name     string
	Email    string
	Password string
}

// Result holds what Seed created.
type Result struct {
	InstitutionID int64
	ProgrammeID   int64
	HandbookID    int64   // the handbook, when seeded, for the caller to publish
	WorkplaceIDs  []int64 // in the order of the article's Table 2
	ProjectIDs    []int64 // the shared project of each workplace, same order
	PersonIDs     []int64
	// Logins has exactly one account per role, in the order of laeringsliv.Roles.
	Logins []Login
}

// Seed creates the demo data in an empty database; main checks that first. hash turns
// Password into a stored hash; it is called once and the hash is shared by every demo
// account, since hashing is deliberately slow.
func Seed(ctx context.Context, s Services, hash func(string) (string, error)) (*Result, error) {
	h, err := hash(Password)
	if err != nil {
		return nil, fmt.Errorf("demo: hash password: %w", err)
	}
	defer s.Clock.Set(time.Time{})
	s.Clock.Set(morning(2016, time.August, 15)) // the programme starts; everyone enrols
	res := &Result{}
	if err := seedOrg(ctx, s.Org, res); err != nil {
		return nil, err
	}
	for _, m := range plan() {
		id, err := seedMember(ctx, s, res, m, h)
		if err != nil {
			return nil, err
		}
		res.PersonIDs = append(res.PersonIDs, id)
	}
	if s.Innovations != nil {
		if err := seedInnovationWork(ctx, s, res); err != nil {
			return nil, err
		}
	}
	if s.Reading != nil {
		s.Clock.Set(morning(2017, time.August, 21)) // the syllabus is ready before the first gathering
		if err := seedReading(ctx, s, res); err != nil {
			return nil, err
		}
	}
	if s.IPE != nil {
		if err := seedIPE(ctx, s.IPE, s.Clock, res, 0); err != nil {
			return nil, err
		}
	}
	if s.Study != nil {
		if err := seedStudy(ctx, s, res); err != nil {
			return nil, err
		}
	}
	if s.Research != nil {
		s.Clock.Set(morning(2017, time.September, 12)) // consent asked at the start-up gathering
		if err := seedResearch(ctx, s.Research, res); err != nil {
			return nil, err
		}
	}
	if s.Rota != nil {
		shifts, err := seedRota(ctx, s, res)
		if err != nil {
			return nil, err
		}
		if s.Wishes != nil {
			if err := seedWishes(ctx, s, res, shifts); err != nil {
				return nil, err
			}
		}
		if s.WorkGroups != nil {
			if err := seedWorkGroups(ctx, s, res, shifts); err != nil {
				return nil, err
			}
		}
	}
	if s.TimeRecords != nil {
		if err := seedTimeRecords(ctx, s, res); err != nil {
			return nil, err
		}
	}
	if s.Handbook != nil {
		if err := seedHandbook(ctx, s, res); err != nil {
			return nil, err
		}
	}
	if s.Shares != nil && s.Innovations != nil && s.IPE != nil {
		if err := seedSharing(ctx, s, res); err != nil {
			return nil, err
		}
	}
	res.Logins = Logins()
	return res, nil
}

// seedOrg creates the institution, the programme, the workplaces and their shared projects.
func seedOrg(ctx context.Context, org laeringsliv.OrgService, res *Result) error {
	inst := &laeringsliv.Institution{Name: institutionName}
	if err := org.CreateInstitution(ctx, inst); err != nil {
		return fmt.Errorf("demo: institution: %w", err)
	}
	res.InstitutionID = inst.ID
	prog := &laeringsliv.Programme{
		InstitutionID: inst.ID, Name: "Medarbeiderdrevet innovasjon",
		StartYear: 2016, EndYear: 2019, Level: laeringsliv.LevelBachelor, ECTS: 15,
	}
	if err := org.CreateProgramme(ctx, prog); err != nil {
		return fmt.Errorf("demo: programme: %w", err)
	}
	res.ProgrammeID = prog.ID
	for _, st := range sites {
		w := &laeringsliv.Workplace{
			InstitutionID: inst.ID, ProgrammeID: prog.ID, Name: st.name,
			Municipality: st.municipality, ServiceKind: st.kind, FTEs: st.ftes,
		}
		if err := org.CreateWorkplace(ctx, w); err != nil {
			return fmt.Errorf("demo: workplace %q: %w", st.name, err)
		}
		p := &laeringsliv.Project{InstitutionID: inst.ID, WorkplaceID: w.ID, Title: st.project, Description: st.about}
		if err := org.CreateProject(ctx, p); err != nil {
			return fmt.Errorf("demo: project %q: %w", st.project, err)
		}
		res.WorkplaceIDs = append(res.WorkplaceIDs, w.ID)
		res.ProjectIDs = append(res.ProjectIDs, p.ID)
	}
	return nil
}

// seedMember creates one person with the shared password hash and their membership.
func seedMember(ctx context.Context, s Services, res *Result, m member, hash string) (int64, error) {
	p := m.person
	p.InstitutionID = res.InstitutionID
	if err := s.People.CreatePerson(ctx, &p); err != nil {
		return 0, fmt.Errorf("demo: person %s: %w", p.Email, err)
	}
	if err := s.People.SetPasswordHash(ctx, p.ID, hash); err != nil {
		return 0, fmt.Errorf("demo: password of %s: %w", p.Email, err)
	}
	ms := &laeringsliv.Membership{InstitutionID: res.InstitutionID, PersonID: p.ID, Role: m.role}
	switch {
	case m.site >= 0:
		ms.WorkplaceID = res.WorkplaceIDs[m.site] // the store copies the programme
	case m.role != laeringsliv.RoleAdmin:
		ms.ProgrammeID = res.ProgrammeID
	}
	if err := s.Members.CreateMembership(ctx, ms); err != nil {
		return 0, fmt.Errorf("demo: %s membership of %s: %w", m.role, p.Email, err)
	}
	return p.ID, nil
}
