package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// Kinds of office calendar exceptions.
const (
	OfficeDayHoliday         = "holiday"
	OfficeDayCutiBersama     = "cuti_bersama"
	OfficeDayExtraWorkingDay = "extra_working_day"
)

func init() {
	m.Register(func(app core.App) error {
		// the exceptions to "Monday to Friday", entered by staff in the dashboard
		c := core.NewBaseCollection("office_days")
		c.Fields.Add(
			&core.TextField{
				Name:        "date",
				Required:    true,
				Presentable: true,
				Pattern:     `^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`,
				Help:        "The day, as YYYY-MM-DD (Asia/Makassar).",
			},
			&core.SelectField{
				Name:      "kind",
				Required:  true,
				MaxSelect: 1,
				Values:    []string{OfficeDayHoliday, OfficeDayCutiBersama, OfficeDayExtraWorkingDay},
			},
			&core.TextField{Name: "name", Max: 200, Help: "e.g. Hari Kemerdekaan RI."},
			&core.AutodateField{Name: "created", OnCreate: true},
			&core.AutodateField{Name: "updated", OnCreate: true, OnUpdate: true},
		)
		c.AddIndex("idx_office_days_date", true, "`date`", "")

		c.ListRule = rule()
		c.ViewRule = rule()
		c.CreateRule = nil
		c.UpdateRule = nil
		c.DeleteRule = nil

		return app.Save(c)
	}, func(app core.App) error {
		return deleteCollection(app, "office_days")
	})
}
