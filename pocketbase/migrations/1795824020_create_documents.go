package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

func init() {
	m.Register(func(app core.App) error {
		users, err := app.FindCollectionByNameOrId("users")
		if err != nil {
			return err
		}
		applications, err := app.FindCollectionByNameOrId("applications")
		if err != nil {
			return err
		}

		c := core.NewBaseCollection("documents")
		c.Fields.Add(
			&core.RelationField{
				Name:          "application",
				Required:      true,
				CollectionId:  applications.Id,
				MaxSelect:     1,
				CascadeDelete: true,
				Presentable:   true,
			},
			&core.RelationField{
				Name:         "owner",
				Required:     true,
				CollectionId: users.Id,
				MaxSelect:    1,
			},
			&core.TextField{
				Name:     "kind",
				Required: true,
				Max:      64,
				Help:     "The catalog's requirement code of this document.",
			},
			&core.FileField{
				Name:      "file",
				Required:  true,
				MaxSelect: 1,
				MaxSize:   10 << 20,
				MimeTypes: []string{"image/jpeg", "image/png", "image/webp", "application/pdf"},
				Protected: true,
				Thumbs:    []string{"200x0"},
			},
			&core.TextField{
				Name:    "sha256",
				Pattern: `^[0-9a-f]{64}$`,
				Help:    "Hex SHA-256 of the file as the client made it.",
			},
			&core.NumberField{Name: "size", OnlyInt: true, Min: float(0), Help: "Size of the file in bytes."},
			&core.AutodateField{Name: "created", OnCreate: true},
			&core.AutodateField{Name: "updated", OnCreate: true, OnUpdate: true},
		)
		c.AddIndex("idx_documents_application", false, "`application`", "")
		c.AddIndex("idx_documents_owner", false, "`owner`", "")

		c.ListRule = rule(ruleOwner)
		c.ViewRule = rule(ruleOwner)
		c.CreateRule = rule(
			ruleSignedInResident,
			ruleBodyOwnerIsAuth,
			`@request.body.application.owner = @request.auth.id`,
		)
		c.UpdateRule = nil
		c.DeleteRule = rule(ruleOwner, `application.status = "uploading"`)

		return app.Save(c)
	}, func(app core.App) error {
		return deleteCollection(app, "documents")
	})
}
