package laeringsliv

// LoggedEvent is one stored step of a live group session — an IPE session or a reading
// workshop — that screens follow. Seq counts from 1 per session, gap-free, so a client that
// reconnects asks for everything after the last Seq it saw (the SSE Last-Event-ID). Data is
// JSON, exactly as the feature stored it: the shared log adds no person and no time.
type LoggedEvent struct {
	Seq  int64
	Kind string
	Data []byte
}
