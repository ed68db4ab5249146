package laeringsliv

import "testing"

func TestParticipantCan(t *testing.T) {
	s := &IPESession{ID: 7}
	p := &IPEParticipant{SessionID: 7, GroupID: 3}
	screen := &IPEParticipant{SessionID: 7}
	other := &IPEParticipant{SessionID: 8, GroupID: 3}
	for _, tc := range []struct {
		phase  IPEPhase
		who    *IPEParticipant
		action IPEParticipantAction
		want   bool
	}{
		{IPEPhaseCapture, p, IPEMayWrite, true},
		{IPEPhaseDraft, p, IPEMayWrite, false},
		{IPEPhaseDraw, p, IPEMayWrite, false},
		{IPEPhaseDraw, p, IPEMayDraw, true},
		{IPEPhaseDraw, screen, IPEMayDraw, false},
		{IPEPhaseVote, p, IPEMayVote, true},
		{IPEPhasePlenum, p, IPEMayVote, false},
		{IPEPhaseClosed, screen, IPEMayObserve, true},
		{IPEPhaseCapture, other, IPEMayWrite, false},
		{IPEPhaseCapture, nil, IPEMayObserve, false},
		{IPEPhaseCapture, p, "delete", false},
	} {
		s.Phase, s.Grouping = tc.phase, IPEGroupingRandom
		if got := ParticipantCan(tc.who, s, tc.action); got != tc.want {
			t.Errorf("%s %+v %s = %v, want %v", tc.phase, tc.who, tc.action, got, tc.want)
		}
	}
	for _, tc := range []struct {
		phase    IPEPhase
		grouping IPEGrouping
		who      *IPEParticipant
		want     bool
	}{
		{IPEPhaseDraft, IPEGroupingHand, p, true},
		{IPEPhaseCapture, IPEGroupingHand, p, true},
		{IPEPhaseDraw, IPEGroupingHand, p, false},
		{IPEPhaseCapture, IPEGroupingRandom, p, false},
		{IPEPhaseCapture, IPEGroupingShiftTeam, p, false},
		{IPEPhaseCapture, IPEGroupingHand, screen, false},
		{IPEPhaseCapture, IPEGroupingHand, other, false},
	} {
		s.Phase, s.Grouping = tc.phase, tc.grouping
		tc := struct {
			phase  IPEPhase
			who    *IPEParticipant
			action IPEParticipantAction
			want   bool
		}{tc.phase, tc.who, IPEMayChooseGroup, tc.want}
		if got := ParticipantCan(tc.who, s, tc.action); got != tc.want {
			t.Errorf("%s %+v %s = %v, want %v", tc.phase, tc.who, tc.action, got, tc.want)
		}
	}
}

func TestIPECanFacilitate(t *testing.T) {
	wp := Resource{InstitutionID: 1, ProgrammeID: 2, WorkplaceID: 3, OwnerID: 10}
	actor := func(id int64, role Role) *Actor {
		return &Actor{Person: &Person{ID: id, InstitutionID: 1},
			Memberships: []*Membership{{InstitutionID: 1, PersonID: id, Role: role, ProgrammeID: 2, WorkplaceID: 3}}}
	}
	for _, tc := range []struct {
		a    *Actor
		want bool
	}{
		{actor(10, RoleParticipant), true}, // the creator
		{actor(11, RoleParticipant), false},
		{actor(11, RoleLeader), true},
		{actor(11, RoleTeacher), true},
		{actor(10, RoleUnionRep), false},
	} {
		if got := tc.a.Can(ActionIPEFacilitate, wp); got != tc.want {
			t.Errorf("%s %d: %v, want %v", tc.a.Memberships[0].Role, tc.a.Person.ID, got, tc.want)
		}
	}
}

func TestJoinCode(t *testing.T) {
	for range 200 {
		c := NewJoinCode()
		if NormalizeJoinCode(c) != c || len(c) != JoinCodeLength {
			t.Fatalf("code %q", c)
		}
	}
	for in, want := range map[string]string{"abc-def": "ABCDEF", " ab cd ef ": "ABCDEF", "ABCDE0": "", "ABCDE": "", "ABCDEFG": "", "ABCDEI": ""} {
		if got := NormalizeJoinCode(in); got != want {
			t.Errorf("NormalizeJoinCode(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzNormalizeJoinCode(f *testing.F) {
	f.Add("abc-def")
	f.Fuzz(func(t *testing.T, s string) {
		if c := NormalizeJoinCode(s); c != "" && NormalizeJoinCode(c) != c {
			t.Fatalf("%q normalises to %q, which is not stable", s, c)
		}
	})
}
