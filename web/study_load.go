package web

import (
	"context"
	"net/http"

	"laeringsliv"
)

// requirementIn returns the {requirement} of the path when it belongs to the programme (the
// one in the path, or the workplace's); any other is not found, so that ids cannot be probed
// across programmes.
func (s *Server) requirementIn(r *http.Request, programmeID int64) (*laeringsliv.WorkRequirement, error) {
	id, err := pathID(r.PathValue("requirement"))
	if err != nil {
		return nil, err
	}
	req, err := s.svc.Study.FindRequirement(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if req.ProgrammeID != programmeID {
		return nil, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found")
	}
	return req, nil
}

// submissionOf returns the {submission} of the path when it belongs to the workplace.
func (s *Server) submissionOf(r *http.Request) (*laeringsliv.Submission, error) {
	id, err := pathID(r.PathValue("submission"))
	if err != nil {
		return nil, err
	}
	sub, err := s.svc.Study.FindSubmission(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if sub.WorkplaceID != state(r).workplace.ID {
		return nil, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found")
	}
	return sub, nil
}

// isParticipant reports whether the actor is a participant of the request's workplace: only
// participants have submissions of their own.
func isParticipant(r *http.Request) bool {
	st := state(r)
	for _, role := range st.actor.RolesIn(st.workplace.ID) {
		if role == laeringsliv.RoleParticipant {
			return true
		}
	}
	return false
}

// participantsOnly is the error for people who pass the policy (administrators) but have no
// work of their own to hand in.
var participantsOnly = laeringsliv.Errorf(laeringsliv.EINVALID, "submission.error.participants_only")

// participants returns the people with the participant role in a workplace, by name.
func (s *Server) participants(ctx context.Context, workplaceID int64) ([]*laeringsliv.Person, error) {
	ms, err := s.svc.Members.FindMemberships(ctx, laeringsliv.MembershipFilter{WorkplaceID: workplaceID})
	if err != nil {
		return nil, err
	}
	people, err := s.svc.People.FindPersons(ctx, laeringsliv.PersonFilter{WorkplaceID: workplaceID})
	if err != nil {
		return nil, err
	}
	isPart := map[int64]bool{}
	for _, m := range ms {
		if m.Role == laeringsliv.RoleParticipant {
			isPart[m.PersonID] = true
		}
	}
	var out []*laeringsliv.Person
	for _, p := range people {
		if isPart[p.ID] {
			out = append(out, p)
		}
	}
	return out, nil
}

// latestFor returns the newest version of a person's submission to a requirement, or nil.
func (s *Server) latestFor(ctx context.Context, reqID, personID int64) ([]*laeringsliv.Submission, error) {
	return s.svc.Study.FindSubmissions(ctx, laeringsliv.SubmissionFilter{RequirementID: reqID, PersonID: personID})
}

// approvedBy returns, per person, the requirements approved for them in a workplace.
func approvedBy(subs []*laeringsliv.Submission) map[int64]map[int64]bool {
	out := map[int64]map[int64]bool{}
	for _, sub := range subs {
		if sub.Status != laeringsliv.StatusApproved {
			continue
		}
		for _, m := range sub.MemberIDs {
			if out[m] == nil {
				out[m] = map[int64]bool{}
			}
			out[m][sub.RequirementID] = true
		}
	}
	return out
}
