// Package migrations holds the schema and data migrations of Dukcapil
// Daring, compiled into the binary and applied on `serve` and `migrate up`.
package migrations

import (
	"strings"

	"github.com/pocketbase/pocketbase/tools/types"
)

// Rule fragments shared by the collections.
const (
	ruleSignedInResident = `@request.auth.id != "" && @request.auth.collectionName = "users"`
	ruleOwner            = `owner = @request.auth.id`
	ruleBodyOwnerIsAuth  = `@request.body.owner = @request.auth.id`
)

// rule returns a pointer to the API rule made of the given conditions
// joined with "&&" (an empty list gives "", i.e. open to everyone).
func rule(conditions ...string) *string {
	return types.Pointer(strings.Join(conditions, " && "))
}

// bodyUnset returns a condition that the request body does not contain any
// of the given fields (files and modifiers such as "x+" are normalised to
// "x" before the rule is checked).
func bodyUnset(fields ...string) string {
	parts := make([]string, len(fields))
	for i, f := range fields {
		parts[i] = "@request.body." + f + ":isset = false"
	}
	return strings.Join(parts, " && ")
}

// bodyOneOf returns a condition that the body field is absent or equal to
// one of the given values.
func bodyOneOf(field string, values ...string) string {
	parts := []string{"@request.body." + field + ":isset = false"}
	for _, v := range values {
		parts = append(parts, "@request.body."+field+` = "`+v+`"`)
	}
	return "(" + strings.Join(parts, " || ") + ")"
}

// float returns a pointer to v, for the optional bounds of number fields.
func float(v float64) *float64 {
	return &v
}
