package laeringsliv

// ActionViewMeetings: see the meetings the workplace's leaders placed on the rota, on the
// programme's page and in the workplace's calendar — the workplace's own members (and the
// institution's administrators). Researchers who only teach the programme do not: the
// meetings are the workplace's own arrangements.
const ActionViewMeetings Action = "rota.view_meetings"

func init() { actions = append(actions, ActionViewMeetings) }
