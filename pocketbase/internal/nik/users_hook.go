package nik

import (
	"errors"

	"github.com/pocketbase/dbx"
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"dukcapil-daring/server/internal/collections"
)

// CodeTaken is the field error code of a NIK that another account already uses.
const CodeTaken = "nik_taken"

// FieldName is the name of the NIK field of collections.Users.
const FieldName = "nik"

const usersHookId = "dukcapilUsersNik"

// Register validates the NIK of every users record that is saved with
// validation (the records API, the dashboard, server code), so that a bad
// or taken NIK is refused with a field error on "nik" whose code is one of
// the nik_* codes, next to any other field errors.
func Register(app core.App) {
	app.OnRecordValidate(collections.Users).Bind(&hook.Handler[*core.RecordEvent]{
		Id:   usersHookId,
		Func: validateUserNik,
	})
}

func validateUserNik(e *core.RecordEvent) error {
	nikErr := checkUserNik(e.App, e.Record)

	// run the default field validators too so that the client sees every
	// field error at once; ours replaces the generic one for "nik"
	err := e.Next()
	if nikErr == nil {
		return err
	}
	if err == nil {
		return validation.Errors{FieldName: nikErr}
	}

	var fieldErrs validation.Errors
	if errors.As(err, &fieldErrs) {
		fieldErrs[FieldName] = nikErr
		return fieldErrs
	}
	return err
}

func checkUserNik(app core.App, record *core.Record) error {
	value := record.GetString(FieldName)
	if value == "" {
		return nil // the field's Required validator reports it
	}
	if err := Validate(value); err != nil {
		return err
	}

	if !record.IsNew() && record.Original().GetString(FieldName) == value {
		return nil // unchanged
	}

	total, err := app.CountRecords(
		record.Collection(),
		dbx.HashExp{FieldName: value},
		dbx.Not(dbx.HashExp{"id": record.Id}),
	)
	if err != nil {
		return err
	}
	if total > 0 {
		return validation.NewError(CodeTaken, "This NIK is already registered to another account.")
	}
	return nil
}
