package office

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
)

// CollectionName is the name of the collection of calendar exceptions.
const CollectionName = "office_days"

// LoadOfficeDays returns every entry of the office_days collection of app,
// ordered by date.
func LoadOfficeDays(app core.App) ([]OfficeDay, error) {
	records, err := app.FindRecordsByFilter(CollectionName, "", "date", 0, 0)
	if err != nil {
		return nil, fmt.Errorf("office: load %s: %w", CollectionName, err)
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
