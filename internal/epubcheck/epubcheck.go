// Package epubcheck runs epubcheck, the reference EPUB validator (Debian's package), for tests.
package epubcheck

import (
	"os"
	"os/exec"
	"testing"

	"laeringsliv/internal/ci"
)

// jar is where Debian puts epubcheck. Its /usr/bin/epubcheck is this jar, which runs by itself
// only with binfmt support, so the check runs it with java -jar.
const jar = "/usr/share/java/epubcheck.jar"

// Check fails t unless epubcheck finds no error and no warning in the EPUB file at path. In CI
// a missing epubcheck is a failure; elsewhere the test is skipped.
func Check(t testing.TB, path string) {
	t.Helper()
	java, err := exec.LookPath("java")
	if _, statErr := os.Stat(jar); err != nil || statErr != nil {
		if ci.On() {
			t.Fatal("epubcheck is missing: scripts/install-test-deps.sh installs it")
		}
		t.Skip("epubcheck not installed")
	}
	if out, err := exec.Command(java, "-jar", jar, "--failonwarnings", path).CombinedOutput(); err != nil {
		t.Fatalf("epubcheck: %v\n%s", err, out)
	}
}
