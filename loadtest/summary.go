package loadtest

import (
	"fmt"
	"io"
	"slices"
	"time"
)

// Summary is the median of a series of runs' figures. A ratio to the bare broadcaster is the
// median of each run's ratio, so that both sides of a ratio come from the same moment.
type Summary struct {
	Runs                     int
	NotesPerSecond           float64
	AckP50, AckP99           time.Duration
	DeliveryP50, DeliveryP99 time.Duration
	FanoutPerSecond          float64
	FanoutRatio              float64 // × bare; 0 without --bare
	DeliveryP99Bare          time.Duration
	Lost, Errors             int64 // in all runs
}

func summarize(runs, bases []*result) *Summary {
	s := &Summary{Runs: len(runs)}
	var notes, fanout, ratio []float64
	var ack50, ack99, del50, del99, bare99 []time.Duration
	for i, r := range runs {
		notes = append(notes, perSecond(r.acks.n, r.elapsed))
		fanout = append(fanout, perSecond(r.delivery.n, r.fanout))
		ack50, ack99 = append(ack50, r.acks.at(0.5)), append(ack99, r.acks.at(0.99))
		del50, del99 = append(del50, r.delivery.at(0.5)), append(del99, r.delivery.at(0.99))
		if b := bases[i]; b != nil {
			bare99 = append(bare99, b.delivery.at(0.99))
			if f := perSecond(b.delivery.n, b.fanout); f > 0 {
				ratio = append(ratio, fanout[i]/f)
			}
		}
		s.Lost += r.lost
		s.Errors += r.errs
	}
	s.NotesPerSecond, s.FanoutPerSecond, s.FanoutRatio = median(notes), median(fanout), median(ratio)
	s.AckP50, s.AckP99, s.DeliveryP50, s.DeliveryP99 = median(ack50), median(ack99), median(del50), median(del99)
	s.DeliveryP99Bare = median(bare99)
	return s
}

func (s *Summary) print(out io.Writer) {
	r := func(d time.Duration) time.Duration { return d.Round(100 * time.Microsecond) }
	fmt.Fprintf(out, "==== median of %d runs\n", s.Runs)
	fmt.Fprintf(out, "notes acknowledged       %.0f per second\n", s.NotesPerSecond)
	fmt.Fprintf(out, "acknowledgement          p50 %v  p99 %v\n", r(s.AckP50), r(s.AckP99))
	bare := ""
	if s.DeliveryP99Bare > 0 {
		bare = fmt.Sprintf("   (bare p99 %v)", r(s.DeliveryP99Bare))
	}
	fmt.Fprintf(out, "delivery to every client p50 %v  p99 %v%s\n", r(s.DeliveryP50), r(s.DeliveryP99), bare)
	ratio := ""
	if s.FanoutRatio > 0 {
		ratio = fmt.Sprintf("   (%.2f × bare)", s.FanoutRatio)
	}
	fmt.Fprintf(out, "fan-out                  %.0f per second%s\n", s.FanoutPerSecond, ratio)
	fmt.Fprintf(out, "deliveries missing       %d in all runs\n", s.Lost)
	fmt.Fprintf(out, "errors                   %d in all runs\n", s.Errors)
}

// Compare prints how after's medians differ from before's: the history mode's figure.
func Compare(out io.Writer, what string, before, after *Summary) {
	change := func(a, b time.Duration) string {
		if a <= 0 {
			return ""
		}
		return fmt.Sprintf(" (%+.0f %%)", 100*(float64(b)/float64(a)-1))
	}
	r := func(d time.Duration) time.Duration { return d.Round(100 * time.Microsecond) }
	fmt.Fprintf(out, "==== %s, medians of %d runs each\n", what, after.Runs)
	fmt.Fprintf(out, "delivery p50             %v → %v%s\n", r(before.DeliveryP50), r(after.DeliveryP50), change(before.DeliveryP50, after.DeliveryP50))
	fmt.Fprintf(out, "delivery p99             %v → %v%s\n", r(before.DeliveryP99), r(after.DeliveryP99), change(before.DeliveryP99, after.DeliveryP99))
	fmt.Fprintf(out, "acknowledgement p99      %v → %v%s\n", r(before.AckP99), r(after.AckP99), change(before.AckP99, after.AckP99))
}

func perSecond(n int, d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	return float64(n) / d.Seconds()
}

// median returns the middle value (the mean of the two middle ones), or zero for none.
func median[T ~int64 | ~float64](v []T) T {
	if len(v) == 0 {
		return 0
	}
	v = slices.Clone(v)
	slices.Sort(v)
	if n := len(v); n%2 == 0 {
		return (v[n/2-1] + v[n/2]) / 2
	}
	return v[len(v)/2]
}
