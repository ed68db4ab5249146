// Package codecheck holds tests that read the repository's own source, as a vet pass would:
// rules the compiler cannot check but a newcomer should be able to rely on.
package codecheck
