package laeringsliv

import "strings"

// DiffOp says whether a line of a version comparison is kept, removed or added.
type DiffOp int

const (
	DiffSame DiffOp = iota
	DiffRemoved
	DiffAdded
)

// DiffLine is one line of a comparison between two versions.
type DiffLine struct {
	Op   DiffOp
	Text string
}

// maxDiffCells bounds the comparison table; longer texts are shown as all removed and added.
const maxDiffCells = 4_000_000

// LineDiff compares two texts line by line with a longest common subsequence.
func LineDiff(before, after string) []DiffLine {
	a, b := splitLines(before), splitLines(after)
	if len(a)*len(b) > maxDiffCells {
		return wholeDiff(a, b)
	}
	// lcs[i][j] is the length of the common subsequence of a[i:] and b[j:].
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []DiffLine
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			out = append(out, DiffLine{DiffSame, a[i]})
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			out = append(out, DiffLine{DiffRemoved, a[i]})
			i++
		default:
			out = append(out, DiffLine{DiffAdded, b[j]})
			j++
		}
	}
	return append(out, wholeDiff(a[i:], b[j:])...)
}

// wholeDiff shows every line of a as removed and every line of b as added.
func wholeDiff(a, b []string) []DiffLine {
	out := make([]DiffLine, 0, len(a)+len(b))
	for _, l := range a {
		out = append(out, DiffLine{DiffRemoved, l})
	}
	for _, l := range b {
		out = append(out, DiffLine{DiffAdded, l})
	}
	return out
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}
