package testapp

import (
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"dukcapil-daring/server/internal/collections"
)

// Ids of the fixture records. "A" records belong to ResidentA, "B" records
// to ResidentB.
const (
	Staff      = "staffsuperuser1"
	StaffEmail = "staf@test.dukcapil.test"

	ResidentA = "residentaaaaaaa"
	ResidentB = "residentbbbbbbb"

	ResidentAEmail = "a@test.dukcapil.test"
	ResidentBEmail = "b@test.dukcapil.test"
	ResidentANIK   = "6471051205900001"
	ResidentBNIK   = "6471034708850004"

	// Password is the password of every fixture account.
	Password = "rahasia-123456"

	ApplicationA = "appaaaaaaaaaaaa"
	ApplicationB = "appbbbbbbbbbbbb"
	DocumentA    = "docaaaaaaaaaaaa"
	DocumentB    = "docbbbbbbbbbbbb"
	EventA       = "evtaaaaaaaaaaaa"
	EventB       = "evtbbbbbbbbbbbb"
	NotifA       = "ntfaaaaaaaaaaaa"
	NotifB       = "ntfbbbbbbbbbbbb"
	SubA         = "subaaaaaaaaaaaa"
	SubB         = "subbbbbbbbbbbbb"
)

// MinimalPDF is a tiny file that PocketBase detects as application/pdf.
var MinimalPDF = []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")

func createFixtures(app core.App) error {
	superusers, err := app.FindCollectionByNameOrId(core.CollectionNameSuperusers)
	if err != nil {
		return err
	}
	staff := core.NewRecord(superusers)
	staff.Id = Staff
	staff.SetEmail(StaffEmail)
	staff.SetPassword(Password)
	if err := app.Save(staff); err != nil {
		return err
	}

	residents := []struct{ id, email, nik, name, suffix string }{
		{ResidentA, ResidentAEmail, ResidentANIK, "Budi Santoso", "a"},
		{ResidentB, ResidentBEmail, ResidentBNIK, "Rina Wulandari", "b"},
	}
	for _, r := range residents {
		if err := createResidentFixtures(app, r.id, r.email, r.nik, r.name, r.suffix); err != nil {
			return err
		}
	}
	return nil
}

func createResidentFixtures(app core.App, userId, email, nik, name, suffix string) error {
	repeat := func(prefix string) string {
		id := prefix
		for len(id) < 15 {
			id += suffix
		}
		return id
	}

	user, err := newRecord(app, collections.Users, userId, map[string]any{
		"name": name, "nik": nik, "locale": "id", "verified": true,
	})
	if err != nil {
		return err
	}
	user.SetEmail(email)
	user.SetPassword(Password)
	if err := app.Save(user); err != nil {
		return err
	}

	application, err := newRecord(app, collections.Applications, repeat("app"), map[string]any{
		"owner": userId, "service": "kk-hilang", "status": "uploading",
		"data": map[string]any{"reason": "lost"}, "subject_nik": nik, "subject_name": name,
		"staff_note": "note " + suffix, "internal_note": "internal " + suffix,
	})
	if err != nil {
		return err
	}
	if err := app.Save(application); err != nil {
		return err
	}

	file, err := filesystem.NewFileFromBytes(MinimalPDF, "police-report.pdf")
	if err != nil {
		return err
	}
	others := []struct {
		collection, id string
		data           map[string]any
	}{
		{collections.Documents, repeat("doc"), map[string]any{
			"application": application.Id, "owner": userId, "kind": "police_report", "file": file,
			"sha256": "0000000000000000000000000000000000000000000000000000000000000000", "size": len(MinimalPDF),
		}},
		{collections.ApplicationEvents, repeat("evt"), map[string]any{
			"application": application.Id, "from": "", "to": "uploading", "actor": userId, "actor_kind": "resident",
		}},
		{collections.Notifications, repeat("ntf"), map[string]any{
			"owner": userId, "application": application.Id, "kind": "info", "title": "Halo " + suffix,
			"body": "Selamat datang", "delivery": "none",
		}},
		{collections.PushSubscriptions, repeat("sub"), map[string]any{
			"owner": userId, "endpoint": "https://push.example.test/" + suffix, "p256dh": "key" + suffix, "auth": "auth" + suffix,
		}},
	}
	for _, o := range others {
		record, err := newRecord(app, o.collection, o.id, o.data)
		if err != nil {
			return err
		}
		if err := app.Save(record); err != nil {
			return err
		}
	}
	return nil
}

func newRecord(app core.App, collection, id string, data map[string]any) (*core.Record, error) {
	c, err := app.FindCollectionByNameOrId(collection)
	if err != nil {
		return nil, err
	}
	record := core.NewRecord(c)
	record.Id = id
	record.Load(data)
	return record, nil
}
