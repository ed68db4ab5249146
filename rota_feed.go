package laeringsliv

import "time"

// A person may subscribe their own rota by an iCalendar address that their rota system's
// employee portal gives them. A job fetches it when the address is saved and every
// RotaFeedInterval after; a feed that cannot be fetched or read keeps the shifts of the last
// good copy, and its owner is told why on their shifts page.

// RotaFeedInterval is how often subscribed rotas are fetched again.
const RotaFeedInterval = 6 * time.Hour

// The kinds of job that fetch rota feeds: one person's on saving, and everyone's periodically.
const (
	JobKindRotaFeed  = "rota_feed"
	JobKindRotaFeeds = "rota_feeds"
)

// RotaFeedJob fetches one person's subscribed rota.
type RotaFeedJob struct {
	PersonID int64 `json:"person_id"`
}

// Kind implements the queue's job arguments.
func (RotaFeedJob) Kind() string { return JobKindRotaFeed }

// RotaFeedsJob fetches every subscribed rota again.
type RotaFeedsJob struct{}

// Kind implements the queue's job arguments.
func (RotaFeedsJob) Kind() string { return JobKindRotaFeeds }

// RotaFeed is a person's subscription to their own rota.
type RotaFeed struct {
	PersonID  int64
	URL       string
	FetchedAt time.Time // when the last good copy was read; zero for none yet
	CheckedAt time.Time // when it was last tried
	ErrorCode string    // why the last try failed (a rotafeed error code), "" when it did not
	Shifts    int       // shifts kept from the last good copy
}
