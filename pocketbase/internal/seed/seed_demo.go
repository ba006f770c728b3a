package seed

import (
	"crypto/rand"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"dukcapil-daring/server/internal/collections"
)

// The demo accounts.
const (
	StaffEmail = "staf@balikpapan.dukcapil.test"

	ResidentEmail  = "warga@balikpapan.dukcapil.test"
	ResidentName   = "Siti Rahmawati"
	ResidentNIK    = "6471055205900002" // Balikpapan Selatan, woman born 12-05-1990
	ResidentPhone  = "081234567890"
	ResidentLocale = "id"
)

// Result tells what Seed did.
type Result struct {
	// Seeded is true when the demo accounts were created by this call; the
	// passwords are set only then.
	Seeded           bool
	StaffPassword    string
	ResidentPassword string

	// StaffExists is true when the demo staff account exists (already seeded
	// by an earlier start).
	StaffExists bool
}

// Seed creates the demo staff superuser and the demo resident, with freshly
// generated passwords, when the instance has no superuser yet (PocketBase's
// temporary installer account does not count). Otherwise it changes nothing.
func Seed(app core.App) (Result, error) {
	var result Result

	superusers, err := app.CountRecords(
		core.CollectionNameSuperusers,
		dbx.Not(dbx.HashExp{"email": core.DefaultInstallerEmail}),
	)
	if err != nil {
		return result, err
	}
	if superusers > 0 {
		staff, _ := app.FindAuthRecordByEmail(core.CollectionNameSuperusers, StaffEmail)
		result.StaffExists = staff != nil
		return result, nil
	}

	result.StaffPassword = NewPassword()
	result.ResidentPassword = NewPassword()

	err = app.RunInTransaction(func(txApp core.App) error {
		superusersCollection, err := txApp.FindCollectionByNameOrId(core.CollectionNameSuperusers)
		if err != nil {
			return err
		}
		staff := core.NewRecord(superusersCollection)
		staff.SetEmail(StaffEmail)
		staff.SetPassword(result.StaffPassword)
		if err := txApp.Save(staff); err != nil {
			return err
		}

		users, err := txApp.FindCollectionByNameOrId(collections.Users)
		if err != nil {
			return err
		}
		resident := core.NewRecord(users)
		resident.SetEmail(ResidentEmail)
		resident.SetPassword(result.ResidentPassword)
		resident.SetVerified(true)
		resident.Set("name", ResidentName)
		resident.Set("nik", ResidentNIK)
		resident.Set("phone", ResidentPhone)
		resident.Set("locale", ResidentLocale)
		return txApp.Save(resident)
	})
	if err != nil {
		return Result{}, err
	}

	result.Seeded = true
	result.StaffExists = true
	return result, nil
}

// NewPassword returns a random password of 26 characters (A-Z, 2-7) with
// 128 bits from crypto/rand.
func NewPassword() string {
	return rand.Text()
}
