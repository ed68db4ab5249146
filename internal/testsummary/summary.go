package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// event is one line of `go test -json` (see `go doc test2json`).
type event struct {
	Action      string
	Package     string
	Test        string
	Output      string
	ImportPath  string // build-output and build-fail events
	FailedBuild string // set on a package's fail event when it did not build
}

// counts are test results; every test and subtest counts once.
type counts struct {
	Passed, Failed, Skipped int
}

// Result is what a run of go test amounted to.
type Result struct {
	Total    counts
	Packages map[string]*counts
	// FailedPackages failed as a whole: a build failure, a panic, a timeout, a
	// TestMain that exited non-zero.
	FailedPackages []string
	BuildFailed    bool
	// Engines counts passing tests whose name has a /sqlite or /postgres segment.
	Engines map[string]int
	// Browser counts browser tests that ran (passed or failed), and BrowserSkipped
	// those that were skipped.
	Browser, BrowserSkipped int
}

// BrowserPackage holds the harness's own tests, which count as browser tests.
const BrowserPackage = "laeringsliv/browsertest"

// engines are the subtest name segments that say which database a test ran against.
var engines = []string{"sqlite", "postgres"}

// summariser streams a readable log while it counts.
type summariser struct {
	w   io.Writer
	res Result
	// output buffers each running test's lines until we know whether to show them.
	output map[string][]string
}

// Summarise reads `go test -json` from r and writes a readable log to w: package result
// lines, build errors, and the output of failing and skipped tests. It returns the counts;
// only a read or write error is an error. Lines that are not JSON are copied through.
func Summarise(r io.Reader, w io.Writer) (Result, error) {
	s := &summariser{
		w:      w,
		output: map[string][]string{},
		res:    Result{Packages: map[string]*counts{}, Engines: map[string]int{}},
	}
	br := bufio.NewReader(r)
	for {
		line, err := br.ReadBytes('\n')
		if len(line) > 0 {
			if werr := s.line(line); werr != nil {
				return s.res, werr
			}
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return s.res, err
		}
	}
	// Tests that never finished belong to a package that died; show what they said.
	return s.res, s.flushUnfinished("")
}

func (s *summariser) line(line []byte) error {
	var e event
	if err := json.Unmarshal(line, &e); err != nil || e.Action == "" {
		_, err := s.w.Write(ensureNewline(line))
		return err
	}
	switch {
	case e.Action == "build-output":
		return s.print(e.Output)
	case e.Action == "build-fail":
		s.res.BuildFailed = true
		return nil
	case e.Test == "":
		return s.packageEvent(e)
	default:
		return s.testEvent(e)
	}
}

func (s *summariser) packageEvent(e event) error {
	switch e.Action {
	case "output":
		// "PASS" alone repeats what the ok line says.
		if e.Output == "PASS\n" {
			return nil
		}
		return s.print(e.Output)
	case "fail":
		if e.FailedBuild != "" {
			s.res.BuildFailed = true
		}
		if s.res.Packages[e.Package] == nil {
			s.res.Packages[e.Package] = &counts{}
		}
		if !slices.Contains(s.res.FailedPackages, e.Package) {
			s.res.FailedPackages = append(s.res.FailedPackages, e.Package)
		}
		return s.flushUnfinished(e.Package)
	}
	return nil
}

func (s *summariser) testEvent(e event) error {
	key := e.Package + "\x00" + e.Test
	switch e.Action {
	case "output":
		if !strings.HasPrefix(e.Output, "=== PAUSE") && !strings.HasPrefix(e.Output, "=== CONT") {
			s.output[key] = append(s.output[key], e.Output)
		}
		return nil
	case "pass", "fail", "skip":
	default:
		return nil
	}
	lines := s.output[key]
	delete(s.output, key)
	s.count(e)
	if e.Action == "pass" {
		return nil
	}
	return s.print(strings.Join(lines, ""))
}

func (s *summariser) count(e event) {
	p := s.res.Packages[e.Package]
	if p == nil {
		p = &counts{}
		s.res.Packages[e.Package] = p
	}
	browser := e.Package == BrowserPackage || strings.HasPrefix(e.Test, "TestBrowser")
	switch e.Action {
	case "pass":
		p.Passed++
		s.res.Total.Passed++
		if eng := engine(e.Test); eng != "" {
			s.res.Engines[eng]++
		}
	case "fail":
		p.Failed++
		s.res.Total.Failed++
	case "skip":
		p.Skipped++
		s.res.Total.Skipped++
		if browser {
			s.res.BrowserSkipped++
		}
		return
	}
	if browser {
		s.res.Browser++
	}
}

// engine returns the database a test name says it ran against, or "".
func engine(test string) string {
	for _, seg := range strings.Split(test, "/") {
		for _, eng := range engines {
			if strings.EqualFold(seg, eng) {
				return eng
			}
		}
	}
	return ""
}

// flushUnfinished prints the output of tests in pkg ("" for all) that started but never
// reported a result, which is where a panic or a timeout leaves its trace.
func (s *summariser) flushUnfinished(pkg string) error {
	var keys []string
	for k := range s.output {
		if pkg == "" || strings.HasPrefix(k, pkg+"\x00") {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		p, test, _ := strings.Cut(k, "\x00")
		if err := s.print(fmt.Sprintf("--- %s %s did not finish:\n%s", p, test, strings.Join(s.output[k], ""))); err != nil {
			return err
		}
		delete(s.output, k)
	}
	return nil
}

func (s *summariser) print(text string) error {
	_, err := io.WriteString(s.w, text)
	return err
}

func ensureNewline(b []byte) []byte {
	if bytes.HasSuffix(b, []byte("\n")) {
		return b
	}
	return append(b, '\n')
}
