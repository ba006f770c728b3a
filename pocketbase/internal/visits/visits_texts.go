package visits

import (
	"fmt"
	"strings"
	"time"

	"dukcapil-daring/server/internal/trail"
)

// Text is the title and body of a notification.
type Text = trail.Text

// serviceNames are the names of the in-person services (the catalog's
// src/lib/catalog/services/in-person.ts), per locale.
var serviceNames = map[string]map[string]string{
	"id": {"ktp-rekam": "Perekaman KTP-el", "pengaduan": "Layanan pengaduan", "ktp-ambil": "Pengambilan KTP-el"},
	"en": {"ktp-rekam": "KTP-el recording", "pengaduan": "Complaints desk", "ktp-ambil": "KTP-el collection"},
}

var months = map[string][12]string{
	"id": {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"},
	"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
}

// ReminderText returns the reminder of a visit to service on date
// (YYYY-MM-DD) at start (HH:MM WITA) with ticket code, in the locale ("id"
// or "en"): for the day itself when today is true, else for the working
// day before.
func ReminderText(locale, service, date, start, code string, today bool) Text {
	if locale != "en" {
		locale = "id"
	}
	name := serviceNames[locale][service]
	if name == "" {
		name = service
	}
	day := date
	if d, err := time.Parse(time.DateOnly, date); err == nil {
		day = fmt.Sprintf("%d %s %d", d.Day(), months[locale][d.Month()-1], d.Year())
	}
	clock := start
	if locale == "id" {
		clock = strings.Replace(start, ":", ".", 1)
	}
	switch {
	case locale == "id" && today:
		return Text{Title: "Hari ini: " + name + " pukul " + clock + " WITA",
			Body: "Tiket " + code + ". Datang ke kantor Disdukcapil Kota Balikpapan sebelum pukul " + clock + " dan bawa yang tertulis di tiket."}
	case locale == "id":
		return Text{Title: "Pengingat: " + name + ", " + day,
			Body: "Kunjungan Anda " + day + " pukul " + clock + " WITA, tiket " + code + ". Buka tiket di aplikasi untuk melihat yang perlu dibawa."}
	case today:
		return Text{Title: "Today: " + name + " at " + clock + " WITA",
			Body: "Ticket " + code + ". Come to the Disdukcapil office of Kota Balikpapan before " + clock + " and bring what the ticket lists."}
	default:
		return Text{Title: "Reminder: " + name + ", " + day,
			Body: "Your visit is on " + day + " at " + clock + " WITA, ticket " + code + ". Open the ticket in the app to see what to bring."}
	}
}
