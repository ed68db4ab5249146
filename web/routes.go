package web

import (
	"net/http"

	"laeringsliv"
)

// routes declares every route of the application in one place. Each route says who may reach
// it: anyone (public), any signed-in person (signedIn), or those whom the policy allows an
// action on the resource named by the path (allow). The route-walk test reads this table.
func (s *Server) routes() []route {
	return []route{
		public("GET /healthz", s.healthz),
		public("GET /readyz", s.readyz),
		public("GET /metrics", s.metricsPage),
		public("GET /static/", s.static()),
		public("GET /login", s.loginPage),
		public("POST /login", s.login),
		public("GET /lang/{lang}", s.setLanguage),
		public("GET /invitations/{token}", s.invitationPage),
		public("POST /invitations/{token}", s.acceptInvitation),

		signedIn("GET /{$}", s.dashboard),
		signedIn("POST /logout", s.logout),
		signedIn("GET /account/password", s.passwordPage),
		signedIn("POST /account/password", s.changePassword),

		allow("GET /workplaces/{workplace}", laeringsliv.ActionViewWorkplace, s.workplacePage),
		allow("POST /workplaces/{workplace}/invitations", laeringsliv.ActionManageMembers, s.createInvitation),
		allow("POST /workplaces/{workplace}/invitations/{invitation}/revoke", laeringsliv.ActionManageMembers, s.revokeInvitation),
		allow("POST /workplaces/{workplace}/members/{membership}/remove", laeringsliv.ActionManageMembers, s.removeMember),
		allow("GET /programmes/{programme}", laeringsliv.ActionViewProgramme, s.programmePage),

		// Study programme: gatherings and calendar feeds, work requirements and submissions,
		// assessment, exam registration and admission on prior learning.
		public("GET /calendar/{token}", s.personalCalendar),
		signedIn("POST /account/calendar", s.createCalendarLink),
		signedIn("POST /account/calendar/revoke", s.revokeCalendarLink),
		allow("GET /workplaces/{workplace}/gatherings", laeringsliv.ActionViewStudy, s.gatheringsPage),
		allow("GET /workplaces/{workplace}/gatherings/print", laeringsliv.ActionViewStudy, s.gatheringsPrint),
		allow("GET /workplaces/{workplace}/gatherings/new", laeringsliv.ActionPlanGatherings, s.newGatheringPage),
		allow("POST /workplaces/{workplace}/gatherings", laeringsliv.ActionPlanGatherings, s.createGathering),
		allow("GET /workplaces/{workplace}/calendar.ics", laeringsliv.ActionViewStudy, s.workplaceCalendar),
		allow("GET /workplaces/{workplace}/study", laeringsliv.ActionViewStudy, s.studyPage),
		allow("GET /workplaces/{workplace}/requirements/{requirement}", laeringsliv.ActionSubmitWork, s.submissionPage),
		allow("POST /workplaces/{workplace}/requirements/{requirement}/draft", laeringsliv.ActionSubmitWork, s.saveDraft),
		allow("POST /workplaces/{workplace}/requirements/{requirement}/submit", laeringsliv.ActionSubmitWork, s.submitWork),
		allow("POST /workplaces/{workplace}/exam", laeringsliv.ActionSubmitWork, s.registerExam),
		allow("GET /workplaces/{workplace}/prior-learning", laeringsliv.ActionSubmitWork, s.priorLearningPage),
		allow("POST /workplaces/{workplace}/prior-learning", laeringsliv.ActionSubmitWork, s.applyPriorLearning),
		allow("GET /workplaces/{workplace}/assessment", laeringsliv.ActionAssess, s.assessmentPage),
		allow("GET /workplaces/{workplace}/submissions/{submission}", laeringsliv.ActionAssess, s.assessPage),
		allow("POST /workplaces/{workplace}/submissions/{submission}", laeringsliv.ActionAssess, s.assess),
		allow("GET /workplaces/{workplace}/submissions/{submission}/files/{file}", laeringsliv.ActionViewStudy, s.submissionFile),
		allow("GET /programmes/{programme}/requirements", laeringsliv.ActionDefineRequirements, s.requirementsPage),
		allow("POST /programmes/{programme}/requirements", laeringsliv.ActionDefineRequirements, s.createRequirement),
		allow("GET /programmes/{programme}/admissions", laeringsliv.ActionDecideAdmission, s.admissionsPage),
		allow("GET /programmes/{programme}/exam-list", laeringsliv.ActionDecideAdmission, s.examList),
		allow("GET /programmes/{programme}/admissions/{application}", laeringsliv.ActionDecideAdmission, s.decisionPage),
		allow("POST /programmes/{programme}/admissions/{application}", laeringsliv.ActionDecideAdmission, s.decide),

		allow("GET /admin", laeringsliv.ActionAdminister, s.adminPage),
		allow("POST /admin/institution", laeringsliv.ActionAdminister, s.updateInstitution),
		allow("GET /admin/programmes/new", laeringsliv.ActionAdminister, s.newProgrammePage),
		allow("POST /admin/programmes", laeringsliv.ActionAdminister, s.createProgramme),
		allow("GET /admin/programmes/{programme}/edit", laeringsliv.ActionAdminister, s.editProgrammePage),
		allow("POST /admin/programmes/{programme}", laeringsliv.ActionAdminister, s.updateProgramme),
		allow("GET /admin/workplaces/new", laeringsliv.ActionAdminister, s.newWorkplacePage),
		allow("POST /admin/workplaces", laeringsliv.ActionAdminister, s.createWorkplace),
		allow("GET /admin/workplaces/{workplace}/edit", laeringsliv.ActionAdminister, s.editWorkplacePage),
		allow("POST /admin/workplaces/{workplace}", laeringsliv.ActionAdminister, s.updateWorkplace),
	}
}

// access says who may reach a route.
type access int

const (
	accessPublic access = iota
	accessSignedIn
	accessPolicy
)

// route is one entry of the route table.
type route struct {
	pattern string
	access  access
	action  laeringsliv.Action // for accessPolicy
	handler http.Handler
}

func public(pattern string, h any) route { return route{pattern: pattern, handler: asHandler(h)} }

func signedIn(pattern string, h any) route {
	return route{pattern: pattern, access: accessSignedIn, handler: asHandler(h)}
}

func allow(pattern string, action laeringsliv.Action, h any) route {
	return route{pattern: pattern, access: accessPolicy, action: action, handler: asHandler(h)}
}

func asHandler(h any) http.Handler {
	switch h := h.(type) {
	case http.Handler:
		return h
	case func(http.ResponseWriter, *http.Request):
		return http.HandlerFunc(h)
	}
	panic("web: route handler of unknown type")
}
