package web

import (
	"net/http"
	"strconv"
	"strings"

	"laeringsliv"
)

// ipeTopic is the live topic of a session.
func ipeTopic(id int64) string { return "ipe:" + strconv.FormatInt(id, 10) }

// ipeCaller is a participant (or screen) identified by its bearer token, with its session.
type ipeCaller struct {
	p *laeringsliv.IPEParticipant
	s *laeringsliv.IPESession
}

// bearer returns the participant token of a request: the Authorization header, or a token
// query parameter for EventSource, which cannot set headers.
func bearer(r *http.Request) string {
	if h := r.Header.Get("Authorization"); len(h) > 7 && strings.EqualFold(h[:7], "bearer ") {
		return strings.TrimSpace(h[7:])
	}
	return r.URL.Query().Get("token")
}

// participant authenticates the token and checks that it belongs to the session in the path
// and that the policy lets it act now.
func (s *Server) participant(r *http.Request, action laeringsliv.IPEParticipantAction) (*ipeCaller, error) {
	token := bearer(r)
	if token == "" || len(token) > 100 {
		return nil, laeringsliv.Errorf(laeringsliv.EUNAUTHORIZED, "ipe.error.token_required")
	}
	p, sess, err := s.svc.IPE.FindIPEParticipantSession(r.Context(), laeringsliv.HashToken(token))
	if laeringsliv.ErrorCode(err) == laeringsliv.ENOTFOUND {
		return nil, laeringsliv.Errorf(laeringsliv.EUNAUTHORIZED, "ipe.error.token_required")
	} else if err != nil {
		return nil, err
	}
	p.Token = token // for the writer's mark; never stored
	id, err := pathID(r.PathValue("ipe"))
	if err != nil || id != p.SessionID {
		return nil, laeringsliv.Errorf(laeringsliv.EFORBIDDEN, "error.forbidden")
	}
	if !laeringsliv.ParticipantCan(p, sess, action) {
		return nil, laeringsliv.Errorf(laeringsliv.EINVALID, "ipe.error.wrong_phase")
	}
	return &ipeCaller{p: p, s: sess}, nil
}

// participantRequest authenticates a participant for action and reads the JSON body of its
// request; on any error it has answered already.
func participantRequest[T any](s *Server, w http.ResponseWriter, r *http.Request, action laeringsliv.IPEParticipantAction) (*ipeCaller, *T, bool) {
	c, err := s.participant(r, action)
	req := new(T)
	if err == nil {
		err = readJSON(w, r, req)
	}
	if err != nil {
		s.apiFail(w, r, err)
		return nil, nil, false
	}
	return c, req, true
}

// JoinResponse answers POST /api/v1/join.
type JoinResponse struct {
	Token   string `json:"token"`
	Session int64  `json:"session"`
	Group   int64  `json:"group"`
}

func (s *Server) apiJoin(w http.ResponseWriter, r *http.Request) {
	var req joinRequest
	if err := readJSON(w, r, &req); err != nil {
		s.apiFail(w, r, err)
		return
	}
	sess, err := s.svc.IPE.FindIPESessionByCode(r.Context(), req.Code)
	if laeringsliv.ErrorCode(err) == laeringsliv.ENOTFOUND {
		err = &laeringsliv.Error{Code: laeringsliv.ENOTFOUND, Key: "ipe.error.unknown_code", Field: "code"}
	}
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	if req.Group < 0 {
		req.Group = 0 // observers join through the facilitator's pages
	}
	if len(req.Device) > 64 {
		req.Device = req.Device[:64]
	}
	if !s.joins.allow(sess.ID, clientAddr(r), req.Device) {
		s.apiFail(w, r, laeringsliv.Errorf(laeringsliv.ERATELIMIT, "ipe.error.join_throttled"))
		return
	}
	if sess.JoinMode == laeringsliv.IPEJoinMembers && req.Credential == nil {
		s.membersOnly(w, r, sess)
		return
	}
	p, token, err := s.joinWith(r, sess, req)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	s.live.Publish(ipeTopic(sess.ID))
	writeJSON(w, http.StatusCreated, JoinResponse{Token: token, Session: sess.ID, Group: p.GroupID})
}

// joinWith joins an open session, or a members-only one with the request's credential.
func (s *Server) joinWith(r *http.Request, sess *laeringsliv.IPESession, req joinRequest) (*laeringsliv.IPEParticipant, string, error) {
	if req.Credential == nil {
		return s.svc.IPE.JoinIPE(r.Context(), sess.ID, req.Group)
	}
	msg, err := decodeCredentialField(req.Credential.Message)
	if err != nil {
		return nil, "", err
	}
	sig, err := decodeCredentialField(req.Credential.Signature)
	if err != nil {
		return nil, "", err
	}
	return s.svc.IPE.RedeemIPECredential(r.Context(), sess.ID, msg, sig, req.Group)
}

// MembersOnlyResponse answers a join without a credential to a members-only session (403): it
// tells the phone page where to ask for one and with which key to blind its message.
type MembersOnlyResponse struct {
	Error     apiError                 `json:"error"`
	Workplace int64                    `json:"workplace"`
	Session   int64                    `json:"session"`
	Key       laeringsliv.IPEPublicKey `json:"key"`
}

func (s *Server) membersOnly(w http.ResponseWriter, r *http.Request, sess *laeringsliv.IPESession) {
	key, err := s.svc.IPE.FindIPECredentialKey(r.Context(), sess.ID)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeJSON(w, http.StatusForbidden, MembersOnlyResponse{Error: apiError{Code: "members_only",
		Message: state(r).tr.T("ipe.error.members_only")}, Workplace: sess.WorkplaceID, Session: sess.ID, Key: key})
}

func (s *Server) apiNote(w http.ResponseWriter, r *http.Request) {
	c, req, ok := participantRequest[noteRequest](s, w, r, laeringsliv.IPEMayWrite)
	if !ok {
		return
	}
	text, err := laeringsliv.CleanNote(req.Text)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	if kinds := laeringsliv.SensitiveData(text); len(kinds) > 0 && !req.Confirm {
		writeJSON(w, http.StatusUnprocessableEntity, apiErrorBody{Error: apiError{Code: "personal_data",
			Message: state(r).tr.T("ipe.error.personal_data"), Field: "text", Kinds: kinds}})
		return
	}
	if req.Key != "" {
		_, err = s.svc.IPE.AddIPENoteOnce(r.Context(), c.p, text, req.Key)
	} else {
		_, err = s.svc.IPE.AddIPENote(r.Context(), c.p, text)
	}
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	s.live.Publish(ipeTopic(c.s.ID))
	writeJSON(w, http.StatusCreated, map[string]bool{"ok": true}) // no note id: see IPENote
}

func (s *Server) apiDraw(w http.ResponseWriter, r *http.Request) {
	c, err := s.participant(r, laeringsliv.IPEMayDraw)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	d, err := s.svc.IPE.DrawIPETurn(r.Context(), c.p)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	s.live.Publish(ipeTopic(c.s.ID))
	writeJSON(w, http.StatusCreated, drawJSON(d, false))
}

// apiPass passes the turn of a member who is away, so that the group goes on.
func (s *Server) apiPass(w http.ResponseWriter, r *http.Request) {
	c, req, ok := participantRequest[passRequest](s, w, r, laeringsliv.IPEMayDraw)
	if !ok {
		return
	}
	if err := s.svc.IPE.PassIPETurn(r.Context(), c.p, req.Seat); err != nil {
		s.apiFail(w, r, err)
		return
	}
	s.live.Publish(ipeTopic(c.s.ID))
	writeJSON(w, http.StatusOK, map[string]bool{"ok": true})
}

// apiGroup moves the caller to the group it picked, in a session grouped by hand.
func (s *Server) apiGroup(w http.ResponseWriter, r *http.Request) {
	// The store checks IPEMayChooseGroup, so that a refusal says the groups are fixed.
	c, req, ok := participantRequest[groupRequest](s, w, r, laeringsliv.IPEMayObserve)
	if !ok {
		return
	}
	if err := s.svc.IPE.ChooseIPEGroup(r.Context(), c.p, req.Group); err != nil {
		s.apiFail(w, r, err)
		return
	}
	s.live.Publish(ipeTopic(c.s.ID))
	writeJSON(w, http.StatusOK, map[string]int64{"group": c.p.GroupID})
}

func (s *Server) apiReflect(w http.ResponseWriter, r *http.Request) {
	c, req, ok := participantRequest[noteRef](s, w, r, laeringsliv.IPEMayDraw)
	if !ok {
		return
	}
	err := req.validate()
	if err == nil {
		err = s.svc.IPE.ReflectIPE(r.Context(), c.s.ID, c.p.GroupID, req.Note, req.Text)
	}
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	s.live.Publish(ipeTopic(c.s.ID))
	writeJSON(w, http.StatusOK, map[string]bool{"ok": true})
}

func (s *Server) apiVote(w http.ResponseWriter, r *http.Request) {
	c, req, ok := participantRequest[noteRef](s, w, r, laeringsliv.IPEMayVote)
	if !ok {
		return
	}
	err := req.validate()
	if err == nil {
		err = s.svc.IPE.VoteIPE(r.Context(), c.p, req.Note)
	}
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]int{"spent": c.p.Spent, "budget": c.s.VoteBudget})
}

func (s *Server) apiState(w http.ResponseWriter, r *http.Request) {
	c, err := s.participant(r, laeringsliv.IPEMayObserve)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	st, err := s.ipeState(r.Context(), c.s, c.p)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

// apiEvents streams a session's events. Stored events carry their sequence as the SSE id;
// the hat's counts are sent, without an id, whenever they change.
func (s *Server) apiEvents(w http.ResponseWriter, r *http.Request) {
	c, err := s.participant(r, laeringsliv.IPEMayObserve)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	s.feed.serve(w, r, s.live, ipeTopic(c.s.ID), c.s.ID, s.streams, s.metrics.streamOpened(r, "ipe"))
}

// apiPhase moves a session to its next phase; the signed-in facilitator calls it.
func (s *Server) apiPhase(w http.ResponseWriter, r *http.Request) {
	var req phaseRequest
	if err := readJSON(w, r, &req); err != nil {
		s.apiFail(w, r, err)
		return
	}
	sess, err := s.svc.IPE.SetIPEPhase(r.Context(), state(r).ipe.ID, req.From)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	s.live.Publish(ipeTopic(sess.ID))
	writeJSON(w, http.StatusOK, map[string]any{"phase": sess.Phase})
}
