package laeringsliv

// IPETurn is where a group is in its round of draws. Members take turns in the order they
// joined: a member's seat is their place in that order (1 for the first), the seat whose turn
// it is moves on with every draw and every pass, and only that member may draw. Screens show
// seats, not names: a participant who joined without an account has none, and a seat says
// who draws, which everyone at the table sees anyway, never who wrote.
type IPETurn struct {
	Seat    int // the caller's seat; 0 for a screen in no group
	Current int // the seat whose turn it is; 0 while the group has no members
	Members int
}

// IPEEventTurn is stored when a group passes a turn (IPETurnEvent).
const IPEEventTurn = "turn"

// IPETurnEvent: a group passed the turn of Seat.
type IPETurnEvent struct {
	Group int64 `json:"group"`
	Seat  int   `json:"seat"`
}
