package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// ev encodes one go test -json event; fields are action, package, test, output.
func ev(action, pkg, test, output string) string {
	b, err := json.Marshal(event{Action: action, Package: pkg, Test: test, Output: output})
	if err != nil {
		panic(err)
	}
	return string(b) + "\n"
}

// passing is a test that ran and passed with some chatter.
func passing(pkg, test string) string {
	return ev("run", pkg, test, "") +
		ev("output", pkg, test, "=== RUN   "+test+"\n") +
		ev("output", pkg, test, "    chatter of a passing test\n") +
		ev("output", pkg, test, "--- PASS: "+test+" (0.00s)\n") +
		ev("pass", pkg, test, "")
}

func TestSummarise(t *testing.T) {
	const pkg = "laeringsliv/sqlstore"
	tests := []struct {
		name      string
		in        string
		want      counts
		engines   map[string]int
		browser   int
		buildFail bool
		failedPkg []string
		show      []string // substrings the log must contain
		hide      []string // and must not
	}{
		{
			name: "passes per engine",
			in: passing(pkg, "TestStore/sqlite/CreatePerson") + passing(pkg, "TestStore/sqlite") +
				passing(pkg, "TestStore/postgres/CreatePerson") + passing(pkg, "TestStore/postgres") +
				passing(pkg, "TestStore") + passing(pkg, "TestSqliteish/x") +
				ev("output", pkg, "", "PASS\n") + ev("output", pkg, "", "ok  \t"+pkg+"\t0.1s\n") + ev("pass", pkg, "", ""),
			want:    counts{Passed: 6},
			engines: map[string]int{"sqlite": 2, "postgres": 2},
			show:    []string{"ok  \tlaeringsliv/sqlstore\t0.1s\n"},
			hide:    []string{"chatter", "PASS\n", "=== RUN"},
		},
		{
			name: "failure shows its output",
			in: passing(pkg, "TestA") +
				ev("run", pkg, "TestB", "") + ev("output", pkg, "TestB", "=== RUN   TestB\n") +
				ev("output", pkg, "TestB", "=== PAUSE TestB\n") +
				ev("output", pkg, "TestB", "    b_test.go:9: got 1, want 2\n") +
				ev("output", pkg, "TestB", "--- FAIL: TestB (0.00s)\n") + ev("fail", pkg, "TestB", "") +
				ev("output", pkg, "", "FAIL\t"+pkg+"\t0.1s\n") + ev("fail", pkg, "", ""),
			want:      counts{Passed: 1, Failed: 1},
			failedPkg: []string{pkg},
			show:      []string{"b_test.go:9: got 1, want 2", "--- FAIL: TestB", "FAIL\t" + pkg},
			hide:      []string{"chatter", "=== PAUSE"},
		},
		{
			name: "skip shows its reason",
			in: ev("output", pkg, "TestPG", "    pg_test.go:3: no postgres\n") +
				ev("output", pkg, "TestPG", "--- SKIP: TestPG (0.00s)\n") + ev("skip", pkg, "TestPG", ""),
			want: counts{Skipped: 1},
			show: []string{"no postgres"},
		},
		{
			name: "build failure",
			in: `{"ImportPath":"laeringsliv/web [laeringsliv/web.test]","Action":"build-output","Output":"web/x.go:3:1: syntax error\n"}` + "\n" +
				`{"ImportPath":"laeringsliv/web [laeringsliv/web.test]","Action":"build-fail"}` + "\n" +
				ev("output", "laeringsliv/web", "", "FAIL\tlaeringsliv/web [build failed]\n") +
				`{"Action":"fail","Package":"laeringsliv/web","FailedBuild":"laeringsliv/web [laeringsliv/web.test]"}` + "\n",
			buildFail: true,
			failedPkg: []string{"laeringsliv/web"},
			show:      []string{"web/x.go:3:1: syntax error", "[build failed]"},
		},
		{
			name: "test that never finished",
			in: ev("run", pkg, "TestHang", "") + ev("output", pkg, "TestHang", "=== RUN   TestHang\n") +
				ev("output", pkg, "TestHang", "panic: test timed out after 20m0s\n") +
				ev("output", pkg, "", "FAIL\t"+pkg+"\t1200.0s\n") + ev("fail", pkg, "", ""),
			failedPkg: []string{pkg},
			show:      []string{"TestHang did not finish", "panic: test timed out"},
		},
		{
			name: "browser tests",
			in: passing(BrowserPackage, "TestAxe") + passing("laeringsliv/web", "TestBrowserLogin/phone") +
				passing("laeringsliv/web", "TestBrowserLogin") + passing("laeringsliv/web", "TestLogin") +
				ev("skip", "laeringsliv/web", "TestBrowserMenu", ""),
			want:    counts{Passed: 4, Skipped: 1},
			browser: 3,
		},
		{
			name: "text that is not JSON passes through",
			in:   "go: downloading example.org/x v1.0.0\n{not json\n" + passing(pkg, "TestA") + "no newline at end",
			want: counts{Passed: 1},
			show: []string{"go: downloading example.org/x v1.0.0\n", "{not json\n", "no newline at end\n"},
		},
		{
			name: "empty input",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var log bytes.Buffer
			res, err := Summarise(strings.NewReader(tt.in), &log)
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != tt.want {
				t.Errorf("counts %+v, want %+v", res.Total, tt.want)
			}
			for _, eng := range engines {
				if res.Engines[eng] != tt.engines[eng] {
					t.Errorf("%s passes %d, want %d", eng, res.Engines[eng], tt.engines[eng])
				}
			}
			if res.Browser != tt.browser {
				t.Errorf("browser tests %d, want %d", res.Browser, tt.browser)
			}
			if res.BuildFailed != tt.buildFail {
				t.Errorf("build failed %v, want %v", res.BuildFailed, tt.buildFail)
			}
			if strings.Join(res.FailedPackages, ",") != strings.Join(tt.failedPkg, ",") {
				t.Errorf("failed packages %v, want %v", res.FailedPackages, tt.failedPkg)
			}
			for _, s := range tt.show {
				if !strings.Contains(log.String(), s) {
					t.Errorf("log lacks %q:\n%s", s, log.String())
				}
			}
			for _, s := range tt.hide {
				if strings.Contains(log.String(), s) {
					t.Errorf("log shows %q:\n%s", s, log.String())
				}
			}
		})
	}
}

func TestVerdict(t *testing.T) {
	tests := []struct {
		name string
		res  Result
		ci   bool
		fail bool
	}{
		{"all passed", Result{Total: counts{Passed: 3}}, true, false},
		{"skip outside CI", Result{Total: counts{Passed: 3, Skipped: 1}}, false, false},
		{"skip in CI", Result{Total: counts{Passed: 3, Skipped: 1}}, true, true},
		{"failed test", Result{Total: counts{Failed: 1}}, false, true},
		{"build failed", Result{BuildFailed: true}, false, true},
		{"package failed alone", Result{FailedPackages: []string{"x"}}, false, true},
	}
	for _, tt := range tests {
		if got := len(verdict(tt.res, tt.ci)) > 0; got != tt.fail {
			t.Errorf("%s: failed = %v, want %v", tt.name, got, tt.fail)
		}
	}
}

// The final line is what CI reads, so it must be last and exactly this form.
func TestReportEndsWithTotals(t *testing.T) {
	res := Result{
		Total:    counts{Passed: 7, Failed: 1, Skipped: 2},
		Packages: map[string]*counts{"a": {Passed: 7, Failed: 1, Skipped: 2}},
		Engines:  map[string]int{"sqlite": 4},
		Browser:  2,
	}
	var b bytes.Buffer
	writeReport(&b, res, verdict(res, true))
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if last := lines[len(lines)-1]; last != "7 passed, 1 failed, 2 skipped" {
		t.Errorf("last line %q", last)
	}
	for _, want := range []string{"sqlite: 4 passed", "postgres: 0 passed", "browser tests: 2 ran", "FAIL:"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, b.String())
		}
	}
}

// FuzzSummarise feeds arbitrary input: Summarise must not panic or fail on a healthy
// writer, and its totals must agree with the per-package counts.
func FuzzSummarise(f *testing.F) {
	f.Add([]byte(passing("p", "TestA/sqlite")))
	f.Add([]byte(ev("fail", "p", "T", "") + ev("fail", "p", "", "")))
	f.Add([]byte(`{"Action":"build-fail","ImportPath":"x"}` + "\n" + `{"Action":"output","Test":"T"}`))
	f.Add([]byte("{\"Action\":\"skip\",\"Package\":\"\",\"Test\":\"/\"}\n\x00\xff"))
	f.Fuzz(func(t *testing.T, in []byte) {
		var log bytes.Buffer
		res, err := Summarise(bytes.NewReader(in), &log)
		if err != nil {
			t.Fatal(err)
		}
		var sum counts
		for _, c := range res.Packages {
			sum.Passed += c.Passed
			sum.Failed += c.Failed
			sum.Skipped += c.Skipped
		}
		if sum != res.Total {
			t.Errorf("package counts add up to %+v, total is %+v", sum, res.Total)
		}
		var b bytes.Buffer
		writeReport(&b, res, verdict(res, true))
	})
}
