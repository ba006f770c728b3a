package office

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"

	"dukcapil-daring/server/internal/collections"
)

// LoadOfficeDays returns every entry of the office_days collection of app,
// ordered by date.
func LoadOfficeDays(app core.App) ([]OfficeDay, error) {
	records, err := app.FindRecordsByFilter(collections.OfficeDays, "", "date", 0, 0)
	if err != nil {
		return nil, fmt.Errorf("office: load %s: %w", collections.OfficeDays, err)
	}

	days := make([]OfficeDay, len(records))
	for i, r := range records {
		days[i] = OfficeDay{
			Date: r.GetString("date"),
			Kind: r.GetString("kind"),
			Name: r.GetString("name"),
		}
	}
	return days, nil
}
