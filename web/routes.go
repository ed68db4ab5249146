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
		public("GET /metrics", s.publicMetrics),
		public("GET /static/", s.static()),
		public("GET /ipe.webmanifest", s.ipeManifest),
		public("GET /login", s.loginPage),
		public("POST /login", s.login),
		public("GET /login/oidc/{provider}", s.oidcStart),
		public("GET /login/oidc/{provider}/callback", s.oidcCallback),
		public("GET /password/forgot", s.forgotPage),
		public("POST /password/forgot", s.forgot),
		public("GET /password/reset/{token}", s.resetPage),
		public("POST /password/reset/{token}", s.resetPassword),
		public("GET /lang/{lang}", s.setLanguage),
		public("GET /invitations/{token}", s.invitationPage),
		public("POST /invitations/{token}", s.acceptInvitation),

		signedIn("GET /{$}", s.dashboard),
		signedIn("POST /logout", s.logout),
		signedIn("GET /account/password", s.passwordPage),

		// Jobs: work that outlives a request, followed by the person who started it.
		allow("GET /jobs/{job}", laeringsliv.ActionViewJob, s.jobPage),
		allow("GET /jobs/{job}/events", laeringsliv.ActionViewJob, s.jobEvents),
		allow("GET /jobs/{job}/result", laeringsliv.ActionViewJob, s.jobResult),
		signedIn("POST /account/password", s.changePassword),

		allow("GET /workplaces/{workplace}", laeringsliv.ActionViewWorkplace, s.workplacePage),
		allow("POST /workplaces/{workplace}/invitations", laeringsliv.ActionManageMembers, s.createInvitation),
		allow("POST /workplaces/{workplace}/invitations/{invitation}/revoke", laeringsliv.ActionManageMembers, s.revokeInvitation),
		allow("POST /workplaces/{workplace}/members/{membership}/remove", laeringsliv.ActionManageMembers, s.removeMember),
		allow("GET /programmes/{programme}", laeringsliv.ActionViewProgramme, s.programmePage),

		// New cohorts: a programme from an earlier one or a template, and templates as files.
		allow("GET /programmes/new-cohort", laeringsliv.ActionStartProgramme, s.cohortNewPage),
		allow("GET /programmes/new-cohort/preview", laeringsliv.ActionStartProgramme, s.cohortPreview),
		allow("POST /programmes/new-cohort/import", laeringsliv.ActionStartProgramme, s.importCohort),
		allow("POST /programmes/new-cohort", laeringsliv.ActionStartProgramme, s.createCohort),
		allow("GET /programmes/{programme}/template", laeringsliv.ActionCopyProgramme, s.exportCohortTemplate),

		// Innovation work and evidence.
		allow("GET /workplaces/{workplace}/innovations", laeringsliv.ActionViewInnovation, s.pipelinePage),
		allow("GET /workplaces/{workplace}/innovations/new", laeringsliv.ActionRecordInnovation, s.newInnovationPage),
		allow("POST /workplaces/{workplace}/innovations", laeringsliv.ActionRecordInnovation, s.createInnovation),
		allow("GET /workplaces/{workplace}/innovations/{innovation}", laeringsliv.ActionViewInnovation, s.innovationPage),
		allow("POST /workplaces/{workplace}/innovations/{innovation}/status", laeringsliv.ActionRecordInnovation, s.moveInnovation),
		allow("GET /workplaces/{workplace}/timeline", laeringsliv.ActionViewInnovation, s.timelinePage),
		allow("POST /workplaces/{workplace}/timeline", laeringsliv.ActionRecordTimeline, s.createTimelineEntry),
		allow("GET /workplaces/{workplace}/fieldbook", laeringsliv.ActionUseFieldBook, s.fieldBookPage),
		allow("POST /workplaces/{workplace}/fieldbook", laeringsliv.ActionUseFieldBook, s.createFieldBookEntry),
		allow("GET /workplaces/{workplace}/prequalification", laeringsliv.ActionViewInnovation, s.prequalPage),
		allow("POST /workplaces/{workplace}/prequalification", laeringsliv.ActionRecordTimeline, s.signPrequal),
		allow("GET /workplaces/{workplace}/participation", laeringsliv.ActionViewInnovation, s.participationPage),
		allow("POST /workplaces/{workplace}/participation", laeringsliv.ActionRecordTimeline, s.saveParticipation),
		allow("GET /programmes/{programme}/reports", laeringsliv.ActionViewReports, s.reportsPage),
		allow("GET /programmes/{programme}/reports/participation", laeringsliv.ActionViewReports, s.participationDownload),
		// Evidence: Table 1, the funder's progress report, research export.
		allow("GET /programmes/{programme}/reports/evidence", laeringsliv.ActionViewReports, s.evidenceDownload),
		allow("GET /programmes/{programme}/reports/progress", laeringsliv.ActionViewReports, s.progressPage),
		allow("POST /programmes/{programme}/reports/research", laeringsliv.ActionResearchExport, s.researchExport),
		allow("GET /programmes/{programme}/consent", laeringsliv.ActionViewProgramme, s.consentPage),
		allow("POST /programmes/{programme}/consent", laeringsliv.ActionViewProgramme, s.setConsent),
		// Sharing between the institution's workplaces: what a workplace shares (its leaders
		// share after a preview), what the others share, questions, comments and adoption. The
		// handlers treat a share the {workplace} may not see (Actor.CanSeeShare) as not found.
		allow("GET /workplaces/{workplace}/shares", laeringsliv.ActionViewShared, s.sharesPage),
		allow("GET /workplaces/{workplace}/shares/new", laeringsliv.ActionShare, s.shareNewPage),
		allow("POST /workplaces/{workplace}/shares", laeringsliv.ActionShare, s.createShare),
		allow("POST /workplaces/{workplace}/shares/{share}/withdraw", laeringsliv.ActionShare, s.withdrawShare),
		allow("GET /workplaces/{workplace}/shared", laeringsliv.ActionViewShared, s.sharedPage),
		allow("GET /workplaces/{workplace}/shared/{share}", laeringsliv.ActionViewShared, s.sharedItemPage),
		allow("POST /workplaces/{workplace}/shared/{share}/comments", laeringsliv.ActionViewShared, s.commentShared),
		allow("POST /workplaces/{workplace}/shared/{share}/adopt", laeringsliv.ActionAdoptShared, s.adoptShared),
		// Reading workshop: the syllabus library and the workshops with their live steps.
		allow("GET /programmes/{programme}/syllabus", laeringsliv.ActionViewProgramme, s.syllabusPage),
		allow("POST /programmes/{programme}/syllabus", laeringsliv.ActionEditSyllabus, s.createSyllabusText),
		allow("GET /programmes/{programme}/syllabus/{text}/edit", laeringsliv.ActionEditSyllabus, s.editSyllabusTextPage),
		allow("POST /programmes/{programme}/syllabus/{text}", laeringsliv.ActionEditSyllabus, s.updateSyllabusText),
		allow("GET /programmes/{programme}/syllabus/{text}/file", laeringsliv.ActionViewProgramme, s.syllabusFile),

		// The programme's handbook, written by its researchers.
		allow("GET /programmes/{programme}/handbook", laeringsliv.ActionViewProgramme, s.handbookPage),
		allow("POST /programmes/{programme}/handbook", laeringsliv.ActionEditHandbook, s.createHandbook),
		allow("POST /programmes/{programme}/handbook/chapters", laeringsliv.ActionEditHandbook, s.createChapter),
		allow("GET /programmes/{programme}/handbook/chapters/{chapter}", laeringsliv.ActionEditHandbook, s.chapterEditPage),
		allow("POST /programmes/{programme}/handbook/chapters/{chapter}", laeringsliv.ActionEditHandbook, s.saveChapter),
		allow("GET /programmes/{programme}/handbook/chapters/{chapter}/versions/{version}", laeringsliv.ActionEditHandbook, s.chapterDiffPage),
		allow("POST /programmes/{programme}/handbook/feedback", laeringsliv.ActionEditHandbook, s.setHandbookFeedback),
		allow("POST /programmes/{programme}/handbook/publish", laeringsliv.ActionEditHandbook, s.publishHandbook),
		allow("POST /programmes/{programme}/handbook/authors", laeringsliv.ActionNameHandbookAuthors, s.setHandbookAuthor),
		public("GET /handbooks/{handbook}", s.publishedHandbookPage),
		public("GET /handbooks/{handbook}/epub", s.handbookEPUB),
		public("GET /handbooks/sw.js", s.handbookWorker),
		public("GET /handbooks/{handbook}/heads.css", s.handbookHeads),
		public("GET /handbooks/{handbook}/images/{image}", s.publishedImage),
		allow("GET /programmes/{programme}/handbook/images/{image}", laeringsliv.ActionViewProgramme, s.handbookImage),
		allow("GET /programmes/{programme}/handbook/draft", laeringsliv.ActionViewProgramme, s.handbookDraftPage),
		allow("POST /programmes/{programme}/handbook/chapters/{chapter}/marks", laeringsliv.ActionViewProgramme, s.addMark),
		allow("POST /programmes/{programme}/handbook/chapters/{chapter}/marks/{mark}/resolve", laeringsliv.ActionEditHandbook, s.resolveMark),
		allow("GET /workplaces/{workplace}/reading", laeringsliv.ActionViewWorkplace, s.readingListPage),
		allow("POST /workplaces/{workplace}/reading", laeringsliv.ActionCreateWorkshop, s.createWorkshop),
		allow("GET /workplaces/{workplace}/reading/{workshop}", laeringsliv.ActionViewWorkplace, s.workshopPage),
		allow("GET /workplaces/{workplace}/reading/{workshop}/state", laeringsliv.ActionViewWorkplace, s.workshopState),
		allow("GET /workplaces/{workplace}/reading/{workshop}/events", laeringsliv.ActionViewWorkplace, s.workshopEvents),
		allow("GET /workplaces/{workplace}/reading/{workshop}/plenum", laeringsliv.ActionViewWorkplace, s.plenumPage),
		allow("GET /workplaces/{workplace}/reading/{workshop}/summary", laeringsliv.ActionViewWorkplace, s.summaryPage),
		allow("POST /workplaces/{workplace}/reading/{workshop}/phase", laeringsliv.ActionManageReading, s.nextPhase),
		allow("POST /workplaces/{workplace}/reading/{workshop}/move", laeringsliv.ActionManageReading, s.moveMember),
		allow("POST /workplaces/{workplace}/reading/{workshop}/text", laeringsliv.ActionManageReading, s.setGroupText),
		allow("GET /workplaces/{workplace}/reading/{workshop}/answers", laeringsliv.ActionManageReading, s.answersExport),
		allow("POST /workplaces/{workplace}/reading/{workshop}/answer", laeringsliv.ActionViewWorkplace, s.saveAnswer),
		allow("POST /workplaces/{workplace}/reading/{workshop}/groups/{group}/edits", laeringsliv.ActionViewWorkplace, s.editPresentation),
		allow("POST /workplaces/{workplace}/reading/{workshop}/groups/{group}/presentation", laeringsliv.ActionViewWorkplace, s.savePresentation),
		// The photo of a group's presentation: uploaded by those who may edit it
		// (Actor.CanEditPresentation, checked by the handler), seen by all who see the workshop.
		allow("POST /workplaces/{workplace}/reading/{workshop}/groups/{group}/photo", laeringsliv.ActionViewWorkplace, s.uploadGroupPhoto),
		allow("GET /workplaces/{workplace}/reading/{workshop}/groups/{group}/photo", laeringsliv.ActionViewWorkplace, s.groupPhoto),
		// IPE sessions (note in a hat). Participant API calls are public routes: the bearer
		// token they carry is checked against laeringsliv.ParticipantCan in the handler.
		public("GET /api/v1/openapi.json", s.apiOpenAPI),
		public("POST /api/v1/join", s.apiJoin),
		public("GET /api/v1/sessions/{ipe}", s.apiState),
		public("GET /api/v1/sessions/{ipe}/events", s.apiEvents),
		public("POST /api/v1/sessions/{ipe}/notes", s.apiNote),
		public("POST /api/v1/sessions/{ipe}/draws", s.apiDraw),
		public("POST /api/v1/sessions/{ipe}/passes", s.apiPass),
		public("POST /api/v1/sessions/{ipe}/group", s.apiGroup),
		public("POST /api/v1/sessions/{ipe}/reflections", s.apiReflect),
		public("POST /api/v1/sessions/{ipe}/votes", s.apiVote),
		allow("POST /api/v1/sessions/{ipe}/phase", laeringsliv.ActionIPEFacilitate, s.apiPhase),
		public("GET /ipe", s.ipeJoinPage),
		allow("GET /workplaces/{workplace}/ipe", laeringsliv.ActionIPEView, s.ipeListPage),

		// Where the hours came from: a participant's own time records; the workplace's sums for leaders.
		allow("GET /workplaces/{workplace}/time", laeringsliv.ActionRecordTime, s.timePage),
		allow("POST /workplaces/{workplace}/time", laeringsliv.ActionRecordTime, s.createTimeRecord),
		allow("GET /workplaces/{workplace}/time/{record}", laeringsliv.ActionRecordTime, s.editTimePage),
		allow("POST /workplaces/{workplace}/time/{record}", laeringsliv.ActionRecordTime, s.updateTimeRecord),
		allow("POST /workplaces/{workplace}/time/{record}/delete", laeringsliv.ActionRecordTime, s.deleteTimeRecord),
		allow("GET /workplaces/{workplace}/time/shares", laeringsliv.ActionViewTimeShares, s.timeSharesPage),

		// The workplace's shift rota, imported by its leaders.
		allow("GET /workplaces/{workplace}/rota", laeringsliv.ActionManageRota, s.rotaPage),
		allow("POST /workplaces/{workplace}/rota/preview", laeringsliv.ActionManageRota, s.rotaPreview),
		allow("POST /workplaces/{workplace}/rota", laeringsliv.ActionManageRota, s.rotaImport),
		allow("POST /workplaces/{workplace}/rota/{period}/rollback", laeringsliv.ActionManageRota, s.rotaRollBack),
		allow("GET /workplaces/{workplace}/rota/staff", laeringsliv.ActionManageRota, s.staffPage),
		allow("POST /workplaces/{workplace}/rota/staff", laeringsliv.ActionManageRota, s.saveStaff),
		allow("GET /workplaces/{workplace}/rota/finder", laeringsliv.ActionManageRota, s.finderPage),
		allow("POST /workplaces/{workplace}/rota/finder", laeringsliv.ActionManageRota, s.finderPick),
		allow("POST /workplaces/{workplace}/rota/staffing", laeringsliv.ActionManageRota, s.saveStaffing),
		allow("POST /workplaces/{workplace}/rota/meetings/{meeting}/cancel", laeringsliv.ActionManageRota, s.cancelMeeting),
		allow("GET /workplaces/{workplace}/rota/meetings/{meeting}/move", laeringsliv.ActionManageRota, s.moveMeetingPage),
		allow("POST /workplaces/{workplace}/rota/meetings/{meeting}/move", laeringsliv.ActionManageRota, s.moveMeeting),
		// One person's shifts beside the programme's events: the person and the leaders.
		allow("GET /workplaces/{workplace}/people/{person}/shifts", laeringsliv.ActionViewShifts, s.shiftsPage),
		allow("POST /workplaces/{workplace}/people/{person}/rota-feed", laeringsliv.ActionSubscribeRota, s.saveRotaFeed),
		allow("POST /workplaces/{workplace}/people/{person}/rota-feed/delete", laeringsliv.ActionSubscribeRota, s.deleteRotaFeed),
		// One's own wishes to be with or apart from a colleague in groups: the person alone.
		allow("GET /workplaces/{workplace}/people/{person}/wishes", laeringsliv.ActionKeepWishes, s.wishesPage),
		allow("POST /workplaces/{workplace}/people/{person}/wishes", laeringsliv.ActionKeepWishes, s.addWish),
		allow("POST /workplaces/{workplace}/people/{person}/wishes/{wish}/delete", laeringsliv.ActionKeepWishes, s.deleteWish),
		// Innovation work groups: everyone at the workplace sees them; its leaders and
		// teachers form them by shared shifts, name them and link them to innovations.
		allow("GET /workplaces/{workplace}/work-groups", laeringsliv.ActionViewWorkplace, s.workGroupsPage),
		allow("POST /workplaces/{workplace}/work-groups", laeringsliv.ActionManageWorkGroups, s.formWorkGroups),
		allow("POST /workplaces/{workplace}/work-groups/{group}", laeringsliv.ActionManageWorkGroups, s.updateWorkGroup),
		allow("GET /workplaces/{workplace}/ipe/new", laeringsliv.ActionIPECreate, s.ipeNewPage),
		allow("POST /workplaces/{workplace}/ipe", laeringsliv.ActionIPECreate, s.ipeCreate),
		allow("GET /workplaces/{workplace}/ipe/{ipe}", laeringsliv.ActionIPEFacilitate, s.ipeConsole),
		allow("GET /workplaces/{workplace}/ipe/{ipe}/screen", laeringsliv.ActionIPEView, s.ipeScreen),
		allow("GET /workplaces/{workplace}/ipe/{ipe}/export", laeringsliv.ActionIPEFacilitate, s.ipeExport),
		allow("POST /workplaces/{workplace}/ipe/{ipe}/phase", laeringsliv.ActionIPEFacilitate, s.ipePhase),
		allow("POST /workplaces/{workplace}/ipe/{ipe}/notes", laeringsliv.ActionIPEFacilitate, s.ipeOralNote),
		allow("POST /workplaces/{workplace}/ipe/{ipe}/notes/{note}/redact", laeringsliv.ActionIPEFacilitate, s.ipeRedact),
		allow("POST /workplaces/{workplace}/ipe/{ipe}/ideas", laeringsliv.ActionIPEFacilitate, s.ipeKeepIdea),
		allow("POST /workplaces/{workplace}/ipe/{ipe}/credential", laeringsliv.ActionIPEJoinMembers, s.ipeCredential),
		allow("POST /workplaces/{workplace}/ipe/{ipe}/reissue", laeringsliv.ActionIPEFacilitate, s.ipeReissue),
		// Joint sessions: the host's facilitator invites other workplaces; a guest workplace's
		// people see the invitation on their own page and join through the routes above.
		allow("GET /workplaces/{workplace}/ipe/{ipe}/guests", laeringsliv.ActionIPEFacilitate, s.ipeGuestsPage),
		allow("POST /workplaces/{workplace}/ipe/{ipe}/guests", laeringsliv.ActionIPEFacilitate, s.setIPEGuests),
		allow("GET /workplaces/{workplace}/joint-ipe", laeringsliv.ActionIPEView, s.jointIPEPage),
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
		allow("GET /workplaces/{workplace}/prior-learning/on-behalf", laeringsliv.ActionAssess, s.priorLearningForPage),
		allow("POST /workplaces/{workplace}/prior-learning/on-behalf", laeringsliv.ActionAssess, s.applyPriorLearningFor),
		allow("GET /workplaces/{workplace}/assessment", laeringsliv.ActionAssess, s.assessmentPage),
		allow("GET /workplaces/{workplace}/submissions/{submission}", laeringsliv.ActionAssess, s.assessPage),
		allow("POST /workplaces/{workplace}/submissions/{submission}", laeringsliv.ActionAssess, s.assess),
		allow("GET /workplaces/{workplace}/submissions/{submission}/files/{file}", laeringsliv.ActionViewStudy, s.submissionFile),
		allow("GET /programmes/{programme}/requirements", laeringsliv.ActionDefineRequirements, s.requirementsPage),
		allow("POST /programmes/{programme}/requirements", laeringsliv.ActionDefineRequirements, s.createRequirement),
		allow("GET /programmes/{programme}/requirements/{requirement}/edit", laeringsliv.ActionDefineRequirements, s.editRequirementPage),
		allow("POST /programmes/{programme}/requirements/{requirement}", laeringsliv.ActionDefineRequirements, s.updateRequirement),
		allow("GET /programmes/{programme}/admissions", laeringsliv.ActionDecideAdmission, s.admissionsPage),
		allow("GET /programmes/{programme}/exam-list", laeringsliv.ActionDecideAdmission, s.examList),
		allow("GET /programmes/{programme}/admissions/{application}", laeringsliv.ActionDecideAdmission, s.decisionPage),
		allow("POST /programmes/{programme}/admissions/{application}", laeringsliv.ActionDecideAdmission, s.decide),

		allow("GET /admin", laeringsliv.ActionAdminister, s.adminPage),
		allow("GET /admin/backups", laeringsliv.ActionAdminister, s.backupsPage),
		allow("POST /admin/backups", laeringsliv.ActionAdminister, s.startBackup),
		allow("POST /admin/institution", laeringsliv.ActionAdminister, s.updateInstitution),
		allow("GET /admin/sign-in", laeringsliv.ActionAdminister, s.signInAdminPage),
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
