package workflow

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"dukcapil-daring/server/internal/catalog"
	"dukcapil-daring/server/internal/trail"
)

// Kinds of notification (notifications.kind) written by the workflow and
// the morning intake.
const (
	KindQueued         = "queued"
	KindMorningSummary = "morning_summary"
	KindNeedsRevision  = "needs_revision"
	KindCompleted      = "completed"
	KindRejected       = "rejected"
)

// Locales of the notification texts (users.locale); LocaleID is the default.
const (
	LocaleID = "id"
	LocaleEN = "en"
)

// NoteLimit is the number of characters of a staff note that a
// notification body quotes; the application shows the whole note.
const NoteLimit = 200

// SummaryLimit is the number of applications that a morning summary lists
// one by one; the rest are counted.
const SummaryLimit = 10

// Text is the title and body of a notification.
type Text = trail.Text

// QueueEntry is one application of a queue notification.
type QueueEntry struct {
	Service   string
	Reference string
	QueueNo   int
}

// phrases are the texts of one locale. Placeholders: {n} queue number,
// {count} a number of applications, {service} the service name in the
// middle of a sentence, {Service} at the start of one, {reference} the
// receipt number, {date} the process date, {note} the staff note.
type phrases struct {
	queuedTitle, queuedBody       string
	summaryTitle, summaryIntro    string
	summaryLine, summaryMore      string
	revisionTitle, revisionBody   string
	completedTitle, completedBody string
	collectTitle, collectBody     string
	rejectedTitle, rejectedBody   string
	months                        [12]string
}

// phrasebook holds every notification text, in Indonesian and English.
var phrasebook = map[string]phrases{
	LocaleID: {
		queuedTitle:    "Masuk antrean hari ini, nomor {n}",
		queuedBody:     "Permohonan {service} {reference} diproses hari ini, {date}.",
		summaryTitle:   "{count} permohonan masuk antrean hari ini",
		summaryIntro:   "Diproses hari ini, {date}:",
		summaryLine:    "Nomor {n}: {Service} ({reference})",
		summaryMore:    "dan {count} permohonan lainnya.",
		revisionTitle:  "Perlu perbaikan: {Service}",
		revisionBody:   "{note}\nPermohonan {reference}: perbaiki di aplikasi, lalu kirim lagi.",
		completedTitle: "{Service} siap diunduh",
		completedBody:  "Permohonan {reference} selesai. Buka aplikasi untuk mengunduh dokumennya.",
		collectTitle:   "KTP-el pengganti siap diambil",
		collectBody:    "Permohonan {reference} selesai. Ambil KTP-el Anda di kantor Disdukcapil pada jam layanan (Senin–Jumat, 07.30–16.00 WITA): pesan waktu pengambilan di aplikasi.",
		rejectedTitle:  "Permohonan ditolak: {Service}",
		rejectedBody:   "{note}\nPermohonan {reference}.",
		months: [12]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni",
			"Juli", "Agustus", "September", "Oktober", "November", "Desember"},
	},
	LocaleEN: {
		queuedTitle:    "In today's queue, number {n}",
		queuedBody:     "Your {service} application {reference} is processed today, {date}.",
		summaryTitle:   "{count} applications in today's queue",
		summaryIntro:   "Processed today, {date}:",
		summaryLine:    "Number {n}: {Service} ({reference})",
		summaryMore:    "and {count} more.",
		revisionTitle:  "Needs correction: {Service}",
		revisionBody:   "{note}\nApplication {reference}: correct it in the app and send it again.",
		completedTitle: "{Service} ready to download",
		completedBody:  "Application {reference} is complete. Open the app to download the document.",
		collectTitle:   "Replacement KTP-el ready to collect",
		collectBody:    "Application {reference} is complete. Collect your KTP-el at the Disdukcapil office during opening hours (Monday–Friday, 07:30–16:00 WITA): book a collection time in the app.",
		rejectedTitle:  "Application rejected: {Service}",
		rejectedBody:   "{note}\nApplication {reference}.",
		months: [12]string{"January", "February", "March", "April", "May", "June",
			"July", "August", "September", "October", "November", "December"},
	},
}

// collectedInPerson are the services whose result is a card that the
// resident collects at the office (DOMAIN.md: KTP-el and KIA).
var collectedInPerson = map[string]bool{"ktp-ganti": true}

// NormaliseLocale returns LocaleEN for "en" and LocaleID for anything else.
func NormaliseLocale(locale string) string {
	if locale == LocaleEN {
		return LocaleEN
	}
	return LocaleID
}

// StatusText returns the notification of a staff decision (kind
// KindNeedsRevision, KindCompleted or KindRejected) on an application of
// service with the given reference; note is the staff note.
func StatusText(locale, kind, service, reference, note string) (Text, error) {
	p := phrasebook[NormaliseLocale(locale)]
	var title, body string
	switch kind {
	case KindNeedsRevision:
		title, body = p.revisionTitle, p.revisionBody
	case KindRejected:
		title, body = p.rejectedTitle, p.rejectedBody
	case KindCompleted:
		title, body = p.completedTitle, p.completedBody
		if collectedInPerson[service] {
			title, body = p.collectTitle, p.collectBody
		}
	default:
		return Text{}, fmt.Errorf("workflow: no status text of kind %q", kind)
	}
	r := placeholders(locale, service, reference, "", ShortNote(note))
	return Text{Title: r.Replace(title), Body: strings.TrimSpace(r.Replace(body))}, nil
}

// QueuedText returns the notification of applications that entered the
// queue of date (YYYY-MM-DD): for one application "in today's queue,
// number N"; for several, a summary listing the first SummaryLimit of them
// in queue order. entries must not be empty.
func QueuedText(locale, date string, entries []QueueEntry) Text {
	p := phrasebook[NormaliseLocale(locale)]
	if len(entries) == 1 {
		e := entries[0]
		r := placeholders(locale, e.Service, e.Reference, date, "")
		n := strconv.Itoa(e.QueueNo)
		return Text{
			Title: strings.ReplaceAll(p.queuedTitle, "{n}", n),
			Body:  r.Replace(p.queuedBody),
		}
	}

	lines := []string{placeholders(locale, "", "", date, "").Replace(p.summaryIntro)}
	for i, e := range entries {
		if i == SummaryLimit {
			lines = append(lines, strings.ReplaceAll(p.summaryMore, "{count}", strconv.Itoa(len(entries)-SummaryLimit)))
			break
		}
		r := placeholders(locale, e.Service, e.Reference, date, "")
		lines = append(lines, strings.ReplaceAll(r.Replace(p.summaryLine), "{n}", strconv.Itoa(e.QueueNo)))
	}
	return Text{
		Title: strings.ReplaceAll(p.summaryTitle, "{count}", strconv.Itoa(len(entries))),
		Body:  strings.Join(lines, "\n"),
	}
}

// placeholders returns the replacer of the placeholders of a text.
func placeholders(locale, service, reference, date, note string) *strings.Replacer {
	name := ServiceName(locale, service)
	return strings.NewReplacer(
		"{Service}", name,
		"{service}", midSentence(name),
		"{reference}", reference,
		"{date}", LongDate(locale, date),
		"{note}", note,
	)
}

// ServiceName returns the name of the service in the locale (the catalog's
// sentence-case name), or the code itself for a service not in the catalog.
func ServiceName(locale, code string) string {
	s, ok := catalog.Lookup(code)
	if !ok || s.Name.ID == "" {
		return code
	}
	if NormaliseLocale(locale) == LocaleEN {
		return s.Name.EN
	}
	return s.Name.ID
}

// midSentence lower-cases the first letter of a sentence-case name for use
// inside a sentence ("Akta kelahiran" → "akta kelahiran"), but keeps names
// that start with an acronym or a proper name ("KTP-el hilang", "Kartu
// Keluarga (KK) baru"): only a capitalised first word followed by a word
// that is not capitalised is lowered.
func midSentence(name string) string {
	words := strings.Fields(name)
	if len(words) < 2 || !isCapitalised(words[0]) || isCapitalised(words[1]) {
		return name
	}
	first, size := utf8.DecodeRuneInString(name)
	return string(unicode.ToLower(first)) + name[size:]
}

// isCapitalised tells whether word is an upper-case letter followed only
// by lower-case letters and hyphens ("Akta", "Moving-out", not "KTP-el"
// or "akta").
func isCapitalised(word string) bool {
	for i, r := range word {
		if i == 0 && !unicode.IsUpper(r) || i > 0 && !unicode.IsLower(r) && r != '-' {
			return false
		}
	}
	return word != ""
}

// LongDate writes a YYYY-MM-DD date as "30 November 2026" in the locale;
// anything else is returned unchanged.
func LongDate(locale, date string) string {
	d, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return date
	}
	return fmt.Sprintf("%d %s %d", d.Day(), phrasebook[NormaliseLocale(locale)].months[d.Month()-1], d.Year())
}

// ShortNote trims a staff note to NoteLimit characters, ending a cut note
// with an ellipsis.
func ShortNote(note string) string {
	note = strings.TrimSpace(note)
	if utf8.RuneCountInString(note) <= NoteLimit {
		return note
	}
	runes := []rune(note)
	return strings.TrimSpace(string(runes[:NoteLimit-1])) + "…"
}
