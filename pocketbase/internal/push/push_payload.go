package push

import (
	"encoding/json"
	"regexp"
	"time"
	"unicode/utf8"

	"github.com/SherClockHolmes/webpush-go"
	"github.com/pocketbase/pocketbase/core"
)

// MaxPayloadBytes bounds the JSON payload of a push (the push services take
// up to about 4 KB of encrypted record; 3 KB leaves room for the padding).
const MaxPayloadBytes = 3 * 1024

// Payload is the JSON that the service worker receives in its push event.
type Payload struct {
	// Id is the notifications record id.
	Id string `json:"id"`
	// Kind is notifications.kind (completed, needs_revision, rejected,
	// queued, morning_summary, info).
	Kind  string `json:"kind"`
	Title string `json:"title"`
	Body  string `json:"body"`
	// Application is the application id, or "" for a notification that is
	// not about one application.
	Application string `json:"application"`
	// Reference is the application's receipt number (e.g.
	// BPN-20261128-0042), or "" before it has one.
	Reference string `json:"reference"`
	// URL is the app page to open on click: /permohonan/<application id>,
	// /kunjungan/<appointment id> for a visit, or /notifikasi.
	URL string `json:"url"`
	// Tag is the notification tag: app-<application id>, so that a newer
	// status replaces the older one on the device, or ntf-<id>.
	Tag string `json:"tag"`
}

// NewPayload returns the payload of the notification n; reference is the
// receipt number of its application ("" if none).
func NewPayload(n *core.Record, reference string) Payload {
	p := Payload{
		Id:          n.Id,
		Kind:        n.GetString("kind"),
		Title:       n.GetString("title"),
		Body:        n.GetString("body"),
		Application: n.GetString("application"),
		Reference:   reference,
		URL:         "/notifikasi",
		Tag:         "ntf-" + n.Id,
	}
	if p.Application != "" {
		p.URL = "/permohonan/" + p.Application
		p.Tag = "app-" + p.Application
	}
	// a visit reminder opens the ticket
	if visit := n.GetString("appointment"); visit != "" {
		p.URL = "/kunjungan/" + visit
		p.Tag = "visit-" + visit
	}
	return p
}

// Encode returns the JSON of p, shortening the body and then the title
// (with an ellipsis) when it would exceed MaxPayloadBytes.
func (p Payload) Encode() ([]byte, error) {
	data, err := json.Marshal(p)
	if err != nil || len(data) <= MaxPayloadBytes {
		return data, err
	}
	// escaped characters take more room in JSON than in the string, so cut
	// by the excess until it fits
	for _, field := range []*string{&p.Body, &p.Title} {
		for len(data) > MaxPayloadBytes && *field != "…" {
			over := len(data) - MaxPayloadBytes
			*field = shorten(*field, len(*field)-over-len("…"))
			if data, err = json.Marshal(p); err != nil {
				return nil, err
			}
		}
	}
	return data, nil
}

// shorten cuts s to at most n bytes on a rune boundary and adds "…".
func shorten(s string, n int) string {
	if n <= 0 {
		return "…"
	}
	if n >= len(s) {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// Options are the Web Push headers of one kind of notification.
type Options struct {
	// TTL is how long the push service keeps the message for an offline device.
	TTL time.Duration
	// Urgency tells the push service how soon to wake the device.
	Urgency webpush.Urgency
}

// KindOptions returns the TTL and urgency of a notification kind: outcomes
// that ask the resident to act or to collect a document keep a week and are
// urgent; queue news matters the same day; anything else is informational.
func KindOptions(kind string) Options {
	switch kind {
	case "completed", "needs_revision", "rejected":
		return Options{TTL: 7 * 24 * time.Hour, Urgency: webpush.UrgencyHigh}
	case "queued", "morning_summary":
		return Options{TTL: 12 * time.Hour, Urgency: webpush.UrgencyNormal}
	default:
		return Options{TTL: 24 * time.Hour, Urgency: webpush.UrgencyLow}
	}
}

var topicPattern = regexp.MustCompile(`^[A-Za-z0-9_-]{1,32}$`)

// Topic returns the Topic header (RFC 8030 §5.4) of a notification about
// application: "app-<id>", so that the push service replaces a message
// still waiting for the device with the newer one; "" (no topic) when
// there is no application or the id does not fit the header.
func Topic(application string) string {
	if application == "" {
		return ""
	}
	topic := "app-" + application
	if !topicPattern.MatchString(topic) {
		return ""
	}
	return topic
}
