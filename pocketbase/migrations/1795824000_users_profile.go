package migrations

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"
)

// Patterns of the resident profile fields.
const (
	NIKPattern   = `^[0-9]{16}$`
	PhonePattern = `^(\+62|62|0)8[0-9]{7,12}$`
)

func init() {
	m.Register(func(app core.App) error {
		users, err := app.FindCollectionByNameOrId("users")
		if err != nil {
			return err
		}

		name, ok := users.Fields.GetByName("name").(*core.TextField)
		if !ok {
			return fmt.Errorf("users.name is not a text field")
		}
		name.Required = true
		name.Max = 100
		name.Presentable = true
		name.Help = "Full name as on the KTP-el."

		email, ok := users.Fields.GetByName(core.FieldNameEmail).(*core.EmailField)
		if !ok {
			return fmt.Errorf("users.email is not an email field")
		}
		email.Required = true

		password, ok := users.Fields.GetByName(core.FieldNamePassword).(*core.PasswordField)
		if !ok {
			return fmt.Errorf("users.password is not a password field")
		}
		password.Min = 8

		users.Fields.Add(
			&core.TextField{
				Name:     "nik",
				Required: true,
				Pattern:  NIKPattern,
				Help:     "Nomor Induk Kependudukan: 16 digits, unique. Checked by the NIK rules (nik_* error codes).",
			},
			&core.TextField{
				Name:    "phone",
				Max:     20,
				Pattern: PhonePattern,
				Help:    "Indonesian mobile number, e.g. 081234567890 or +6281234567890.",
			},
			&core.SelectField{
				Name:      "locale",
				MaxSelect: 1,
				Values:    []string{"id", "en"},
				Help:      "Language of the app and of the notifications.",
			},
		)
		users.AddIndex("idx_users_nik", true, "`nik`", "`nik` != ''")

		self := "id = @request.auth.id"
		users.ListRule = types.Pointer(self)
		users.ViewRule = types.Pointer(self)
		users.CreateRule = types.Pointer("")
		users.UpdateRule = types.Pointer(self)
		users.DeleteRule = types.Pointer(self)

		return app.Save(users)
	}, func(app core.App) error {
		users, err := app.FindCollectionByNameOrId("users")
		if err != nil {
			return err
		}

		users.RemoveIndex("idx_users_nik")
		users.Fields.RemoveByName("nik")
		users.Fields.RemoveByName("phone")
		users.Fields.RemoveByName("locale")
		if name, ok := users.Fields.GetByName("name").(*core.TextField); ok {
			name.Required = false
			name.Max = 255
			name.Presentable = false
			name.Help = ""
		}

		return app.Save(users)
	})
}
