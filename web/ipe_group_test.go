package web

import (
	"context"
	"slices"
	"testing"

	"laeringsliv"
	"laeringsliv/grouping"
	"laeringsliv/sqlstore/sqltest"
)

// A phone picks its group through the API in a session grouped by hand; a group of another
// session, a malformed body and a session grouped at random are refused with stable codes.
func TestIPEChooseGroupAPI(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	sess := &laeringsliv.IPESession{WorkplaceID: f.own.ID, Kind: laeringsliv.IPEKindCapture, Question: "Hva fungerer?",
		Grouping: laeringsliv.IPEGroupingHand}
	must(t, f.db.CreateIPESession(context.Background(), sess, []string{"Nattevakt", "Dagvakt"}, nil))
	fixed := f.newIPESession(t, f.own)
	c := f.client(t)
	join := func(code string) JoinResponse {
		var j JoinResponse
		if status := f.api(t, c, "POST", "/api/v1/join", "", map[string]string{"code": code}, &j); status != 201 {
			t.Fatalf("join: %d", status)
		}
		return j
	}
	j := join(sess.JoinCode)
	base := "/api/v1/sessions/" + itoa(sess.ID)
	var st IPEState
	if code := f.api(t, c, "GET", base, j.Token, nil, &st); code != 200 || st.Grouping != laeringsliv.IPEGroupingHand || len(st.Groups) != 2 {
		t.Fatalf("state: %d %+v", code, st)
	}
	target := st.Groups[1].ID
	var out map[string]int64
	if code := f.api(t, c, "POST", base+"/group", j.Token, groupRequest{Group: target}, &out); code != 200 || out["group"] != target {
		t.Fatalf("choose: %d %v", code, out)
	}
	var errBody apiErrorBody
	if code := f.api(t, c, "POST", base+"/group", j.Token, map[string]string{"group": "x"}, &errBody); code != 422 || errBody.Error.Code != "bad_json" {
		t.Fatalf("bad body: %d %+v", code, errBody)
	}
	if code := f.api(t, c, "POST", base+"/group", j.Token, groupRequest{Group: target + 1000}, &errBody); code != 422 || errBody.Error.Code != "group_invalid" {
		t.Fatalf("foreign group: %d %+v", code, errBody)
	}
	k := join(fixed.JoinCode)
	if code := f.api(t, c, "POST", "/api/v1/sessions/"+itoa(fixed.ID)+"/group", k.Token, groupRequest{Group: k.Group}, &errBody); code != 422 || errBody.Error.Code != "group_fixed" {
		t.Fatalf("random grouping: %d %+v", code, errBody)
	}
}

// The number of groups the facilitator asks for is the number made, with people spread as
// evenly as they allow; with more groups than people, the rest start empty for latecomers.
func TestGroupSizesGiveTheNumberAsked(t *testing.T) {
	for _, tc := range []struct {
		people, asked int
		want          []int
	}{
		{17, 2, []int{9, 8}}, {17, 4, []int{5, 4, 4, 4}}, {5, 2, []int{3, 2}}, {8, 8, []int{1, 1, 1, 1, 1, 1, 1, 1}},
		{3, 5, []int{1, 1, 1}}, {12, 1, []int{12}}, {30, 3, []int{10, 10, 10}},
	} {
		got, err := grouping.Sizes(tc.people, groupSizes(tc.people, tc.asked, false))
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("%d people in %d groups: %v %v, want %v", tc.people, tc.asked, got, err, tc.want)
		}
	}
}
