package web

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"
)

// forcedGC serialises and spaces out garbage collections asked for through /metrics?gc=1,
// so that the parameter cannot be used to keep the server collecting.
var forcedGC struct {
	sync.Mutex
	last time.Time
}

// collectIfAsked collects garbage and returns freed memory to the operating system before
// the figures are written, when a client on loopback asks with ?gc=1 (the load tool, which
// needs heap and resident memory without the garbage of past requests to compute memory per
// idle connection). From any other address, or within half a second of the last, the
// parameter is ignored.
func collectIfAsked(r *http.Request) {
	if r.URL.Query().Get("gc") != "1" || !fromLoopback(r.RemoteAddr) {
		return
	}
	forcedGC.Lock()
	defer forcedGC.Unlock()
	if time.Since(forcedGC.last) < 500*time.Millisecond {
		return
	}
	debug.FreeOSMemory()
	forcedGC.last = time.Now()
}

func fromLoopback(remoteAddr string) bool {
	host, _, err := net.SplitHostPort(remoteAddr)
	if err != nil {
		return false
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// writeMemory adds goroutine stacks and the resident set size, where the system tells it.
func writeMemory(w io.Writer) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Fprintln(w, "# TYPE laeringsliv_go_stack_inuse_bytes gauge")
	fmt.Fprintf(w, "laeringsliv_go_stack_inuse_bytes %d\n", ms.StackInuse)
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return // not Linux: no resident figure
	}
	if pages, ok := residentPages(string(b)); ok {
		fmt.Fprintln(w, "# TYPE laeringsliv_process_resident_memory_bytes gauge")
		fmt.Fprintf(w, "laeringsliv_process_resident_memory_bytes %d\n", pages*int64(os.Getpagesize()))
	}
}

// residentPages reads the second field of /proc/self/statm: resident pages.
func residentPages(statm string) (int64, bool) {
	f := strings.Fields(statm)
	if len(f) < 2 {
		return 0, false
	}
	n, err := strconv.ParseInt(f[1], 10, 64)
	return n, err == nil && n >= 0
}
