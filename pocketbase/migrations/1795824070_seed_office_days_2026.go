package migrations

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// officeDays2026 are the national holidays and cuti bersama of 2026 (SKB of
// the three ministers, DOMAIN.md "Calendar"). Later years are entered by
// staff in the dashboard.
var officeDays2026 = []struct{ date, kind, name string }{
	{"2026-01-01", OfficeDayHoliday, "Tahun Baru 2026 Masehi"},
	{"2026-01-16", OfficeDayHoliday, "Isra Mikraj Nabi Muhammad SAW"},
	{"2026-02-16", OfficeDayCutiBersama, "Cuti bersama Tahun Baru Imlek"},
	{"2026-02-17", OfficeDayHoliday, "Tahun Baru Imlek 2577 Kongzili"},
	{"2026-03-18", OfficeDayCutiBersama, "Cuti bersama Hari Suci Nyepi"},
	{"2026-03-19", OfficeDayHoliday, "Hari Suci Nyepi (Tahun Baru Saka 1948)"},
	{"2026-03-20", OfficeDayCutiBersama, "Cuti bersama Idulfitri 1447 H"},
	{"2026-03-21", OfficeDayHoliday, "Idulfitri 1447 H"},
	{"2026-03-22", OfficeDayHoliday, "Idulfitri 1447 H"},
	{"2026-03-23", OfficeDayCutiBersama, "Cuti bersama Idulfitri 1447 H"},
	{"2026-03-24", OfficeDayCutiBersama, "Cuti bersama Idulfitri 1447 H"},
	{"2026-04-03", OfficeDayHoliday, "Wafat Yesus Kristus"},
	{"2026-04-05", OfficeDayHoliday, "Kebangkitan Yesus Kristus (Paskah)"},
	{"2026-05-01", OfficeDayHoliday, "Hari Buruh Internasional"},
	{"2026-05-14", OfficeDayHoliday, "Kenaikan Yesus Kristus"},
	{"2026-05-15", OfficeDayCutiBersama, "Cuti bersama Kenaikan Yesus Kristus"},
	{"2026-05-27", OfficeDayHoliday, "Iduladha 1447 H"},
	{"2026-05-28", OfficeDayCutiBersama, "Cuti bersama Iduladha 1447 H"},
	{"2026-05-31", OfficeDayHoliday, "Hari Raya Waisak 2570 BE"},
	{"2026-06-01", OfficeDayHoliday, "Hari Lahir Pancasila"},
	{"2026-06-16", OfficeDayHoliday, "Tahun Baru Islam 1448 H"},
	{"2026-08-17", OfficeDayHoliday, "Hari Kemerdekaan Republik Indonesia"},
	{"2026-08-25", OfficeDayHoliday, "Maulid Nabi Muhammad SAW"},
	{"2026-12-24", OfficeDayCutiBersama, "Cuti bersama Kelahiran Yesus Kristus"},
	{"2026-12-25", OfficeDayHoliday, "Kelahiran Yesus Kristus (Natal)"},
}

func init() {
	m.Register(func(app core.App) error {
		c, err := app.FindCollectionByNameOrId("office_days")
		if err != nil {
			return err
		}

		for _, day := range officeDays2026 {
			// keep whatever staff entered for the day already
			existing, _ := app.FindFirstRecordByData(c, "date", day.date)
			if existing != nil {
				continue
			}

			record := core.NewRecord(c)
			record.Set("date", day.date)
			record.Set("kind", day.kind)
			record.Set("name", day.name)
			if err := app.Save(record); err != nil {
				return err
			}
		}
		return nil
	}, func(app core.App) error {
		dates := make([]any, len(officeDays2026))
		for i, day := range officeDays2026 {
			dates[i] = day.date
		}

		records, err := app.FindAllRecords("office_days", dbx.In("date", dates...))
		if err != nil {
			return err
		}
		for _, record := range records {
			if err := app.Delete(record); err != nil {
				return err
			}
		}
		return nil
	})
}
