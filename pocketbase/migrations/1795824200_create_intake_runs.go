package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

func init() {
	m.Register(func(app core.App) error {
		// one row per morning on which the intake ran: the record that makes
		// the intake idempotent and lets it catch up after a missed morning
		c := core.NewBaseCollection("intake_runs")
		c.Fields.Add(
			&core.TextField{
				Name:        "date",
				Required:    true,
				Presentable: true,
				Pattern:     `^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`,
				Help:        "The morning (YYYY-MM-DD, Asia/Makassar) whose queue the intake filled.",
			},
			&core.DateField{
				Name:     "cutoff",
				Required: true,
				Help:     "Applications submitted before this instant were queued (the intake time, or the moment of a run started by hand).",
			},
			&core.NumberField{
				Name:    "queued",
				OnlyInt: true,
				Min:     float(0),
				Help:    "How many applications the runs of this morning queued.",
			},
			&core.AutodateField{Name: "created", OnCreate: true},
			&core.AutodateField{Name: "updated", OnCreate: true, OnUpdate: true},
		)
		c.AddIndex("idx_intake_runs_date", true, "`date`", "")

		// superusers only: written by the intake
		c.ListRule = nil
		c.ViewRule = nil
		c.CreateRule = nil
		c.UpdateRule = nil
		c.DeleteRule = nil

		return app.Save(c)
	}, func(app core.App) error {
		return deleteCollection(app, "intake_runs")
	})
}
