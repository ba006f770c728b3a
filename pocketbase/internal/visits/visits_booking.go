package visits

import (
	"crypto/rand"
	"fmt"
	"math/big"
	"time"

	"github.com/pocketbase/dbx"
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"

	"dukcapil-daring/server/internal/collections"
	"dukcapil-daring/server/internal/office"
	"dukcapil-daring/server/internal/trail"
)

// Parts of the day a resident may prefer: pagi is a slot starting before
// Noon, siang one starting at or after it.
const (
	PartPagi  = "pagi"
	PartSiang = "siang"
	Noon      = "12:00"
)

// codePrefix is the first letter of a ticket code per service, so that the
// desk sees at once which queue a ticket belongs to.
var codePrefix = map[string]string{"ktp-rekam": "R", "pengaduan": "P", "ktp-ambil": "A"}

// codeAlphabet leaves out letters and digits that are read alike (0/O, 1/I/L, 2/Z, 5/S, 8/B).
const codeAlphabet = "ACDEFGHJKMNPQRTUVWXY34679"

// collectedServices are the online services whose card a ktp-ambil visit collects.
var collectedServices = map[string]bool{"ktp-ganti": true}

func fieldError(field, code, message string) validation.Errors {
	return validation.Errors{field: validation.NewError(code, message)}
}

// onBook books a resident's appointment: in one transaction it checks the
// id, the linked application and the one active booking per service, finds
// the first slot with room at or after the preference, takes a place in
// it, gives the appointment its slot, day, times and ticket code, and
// writes the event.
func (f *feature) onBook(e *core.RecordRequestEvent) error {
	who := trail.ActorOf(e)
	now := f.now()
	today := office.Today(now)
	preferred := e.Record.GetString("preferred_date")
	start, err := bookingStart(preferred, today)
	if err != nil {
		return apis.NewBadRequestError("The preferred day cannot be booked.", fieldError("preferred_date", CodeDateOutOfRange, err.Error()))
	}
	e.Record.Set("status", StatusBooked)

	return trail.InTransaction(e, func(tx core.App) error {
		if id := e.Record.Id; id != "" {
			if _, err := tx.FindRecordById(collections.Appointments, id); err == nil {
				// the same request sent again: it booked already
				return apis.NewBadRequestError("An appointment with this id exists.", fieldError("id", CodeIdTaken, "Value must be unique."))
			}
		}
		owner := e.Record.GetString("owner")
		service := e.Record.GetString("service")
		if err := checkApplication(tx, e.Record, owner); err != nil {
			return err
		}
		active, err := activeBooking(tx, owner, service, today)
		if err != nil {
			return err
		}
		if active != nil {
			return apis.NewBadRequestError("You already have a visit booked for this service.",
				fieldError("service", CodeAlreadyBooked, fmt.Sprintf("Appointment %s (%s %s) is booked for this service: cancel it to book another.",
					active.Id, active.GetString("date"), active.GetString("start"))))
		}
		slot, err := takePlace(tx, service, start, e.Record.GetString("part_of_day"), now)
		if err != nil {
			return err
		}
		if slot == nil {
			return apis.NewBadRequestError("No place is free.", fieldError("slot", CodeNoCapacity,
				fmt.Sprintf("No slot has room within %d working days from %s.", SearchWorkingDays, start)))
		}
		code, err := newCode(tx, service, slot.GetString("date"))
		if err != nil {
			return err
		}
		e.Record.Set("slot", slot.Id)
		e.Record.Set("date", slot.GetString("date"))
		e.Record.Set("start", slot.GetString("start"))
		e.Record.Set("end", slot.GetString("end"))
		e.Record.Set("code", code)
		e.Record.Set("reminded_before", false)
		e.Record.Set("reminded_morning", false)
		if err := e.Next(); err != nil {
			return err
		}
		return writeEvent(tx, e.Record.Id, "", StatusBooked, who,
			fmt.Sprintf("%s %s-%s, %s", slot.GetString("date"), slot.GetString("start"), slot.GetString("end"), code))
	})
}

// bookingStart returns the first day a booking may take: the preferred day,
// or today when the preference has passed (a request that waited offline);
// a day more than MaxDaysAhead ahead is refused.
func bookingStart(preferred, today string) (string, error) {
	p, err := time.Parse(time.DateOnly, preferred)
	if err != nil {
		return "", fmt.Errorf("%q is not a YYYY-MM-DD date", preferred)
	}
	t, err := time.Parse(time.DateOnly, today)
	if err != nil {
		return "", err
	}
	if p.Before(t) {
		return today, nil
	}
	if p.After(t.AddDate(0, 0, MaxDaysAhead)) {
		return "", fmt.Errorf("a visit can be booked at most %d days ahead", MaxDaysAhead)
	}
	return preferred, nil
}

// checkApplication refuses a linked application that is not the owner's,
// and for a card collection (ktp-ambil) one that is not a completed
// application for a card.
func checkApplication(tx core.App, record *core.Record, owner string) error {
	id := record.GetString("application")
	if id == "" {
		return nil
	}
	application, err := tx.FindRecordById(collections.Applications, id)
	if err != nil || application.GetString("owner") != owner {
		return apis.NewBadRequestError("Unknown application.", fieldError("application", CodeApplicationNotOK, "No application of yours has this id."))
	}
	if record.GetString("service") == "ktp-ambil" &&
		(!collectedServices[application.GetString("service")] || application.GetString("status") != "completed") {
		return apis.NewBadRequestError("The card is not ready.", fieldError("application", CodeApplicationNotOK,
			"A card is collected once its application (ktp-ganti) is completed."))
	}
	return nil
}

// activeBooking returns the owner's booked appointment for service on
// today or later, or nil.
func activeBooking(tx core.App, owner, service, today string) (*core.Record, error) {
	records, err := tx.FindRecordsByFilter(collections.Appointments,
		"owner = {:owner} && service = {:service} && status = 'booked' && date >= {:today}", "", 1, 0,
		dbx.Params{"owner": owner, "service": service, "today": today})
	if err != nil || len(records) == 0 {
		return nil, err
	}
	return records[0], nil
}

// takePlace finds the first open slot of service with room at or after
// (start, part of day) within SearchWorkingDays working days, skipping
// slots that have begun and days the office calendar closes, and takes one
// place in it with a conditional update. It returns nil when none has room.
func takePlace(tx core.App, service, start, part string, now time.Time) (*core.Record, error) {
	days, err := office.LoadOfficeDays(tx)
	if err != nil {
		return nil, err
	}
	dates, err := workingDaysFrom(start, SearchWorkingDays, days)
	if err != nil {
		return nil, err
	}
	if len(dates) == 0 {
		return nil, nil
	}
	from := "00:00"
	if part == PartSiang {
		from = Noon
	}
	var slots []*core.Record
	err = tx.RecordQuery(collections.AppointmentSlots).
		AndWhere(dbx.HashExp{"service": service, "closed": false}).
		AndWhere(dbx.Between("date", dates[0], dates[len(dates)-1])).
		AndWhere(dbx.NewExp("[[booked]] < [[capacity]]")).
		OrderBy("date ASC", "start ASC").
		All(&slots)
	if err != nil {
		return nil, err
	}
	working := make(map[string]bool, len(dates))
	for _, d := range dates {
		working[d] = true
	}
	for _, slot := range slots {
		date, begins := slot.GetString("date"), slot.GetString("start")
		if !working[date] || (date == start && begins < from) {
			continue
		}
		at, err := office.IntakeInstant(date, begins)
		if err != nil || !at.After(now) {
			continue
		}
		res, err := tx.NonconcurrentDB().NewQuery(
			"UPDATE {{" + collections.AppointmentSlots + "}} SET [[booked]] = [[booked]] + 1 WHERE [[id]] = {:id} AND [[booked]] < [[capacity]] AND [[closed]] = FALSE").
			Bind(dbx.Params{"id": slot.Id}).Execute()
		if err != nil {
			return nil, err
		}
		if n, _ := res.RowsAffected(); n == 1 {
			return slot, nil
		}
	}
	return nil, nil
}

// workingDaysFrom returns the first n working days at or after from.
func workingDaysFrom(from string, n int, days []office.OfficeDay) ([]string, error) {
	d, err := time.Parse(time.DateOnly, from)
	if err != nil {
		return nil, err
	}
	var out []string
	for i := 0; len(out) < n && i < 366; i++ {
		date := d.AddDate(0, 0, i).Format(time.DateOnly)
		ok, err := office.IsWorkingDay(date, days)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, date)
		}
	}
	return out, nil
}

// newCode returns a ticket code for service that no appointment of date
// has, e.g. "R-7KQ3".
func newCode(tx core.App, service, date string) (string, error) {
	for range 20 {
		code := codePrefix[service] + "-"
		for range 4 {
			i, err := rand.Int(rand.Reader, big.NewInt(int64(len(codeAlphabet))))
			if err != nil {
				return "", err
			}
			code += string(codeAlphabet[i.Int64()])
		}
		var n int
		err := tx.RecordQuery(collections.Appointments).Select("COUNT(*)").
			AndWhere(dbx.HashExp{"date": date, "code": code}).Row(&n)
		if err != nil {
			return "", err
		}
		if n == 0 {
			return code, nil
		}
	}
	return "", fmt.Errorf("visits: no free ticket code for %s", date)
}
