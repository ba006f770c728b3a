// Package catalog is the service catalog of the office on the server: the
// TypeScript catalog (src/lib/catalog) exported as JSON by
// `npm run catalog:export` and embedded here, so that the server validates
// an application's answers with the very rules the client uses
// (DESIGN.md "Validation: one source").
//
// Validate mirrors the field-type registry of src/lib/catalog/registry.ts
// (valibot rules, with valibot's behaviour for missing keys and wrong types),
// DocumentsAskedFor mirrors documentsAskedFor of validate.ts, and the shared
// vectors of tests/fixtures/answers.json prove that both give the same result
// on every case.
package catalog

// Localized is a text in Indonesian (ID) and English (EN).
type Localized struct {
	ID string `json:"id"`
	EN string `json:"en"`
}

// Condition shows a field (or asks for a document) only when it holds; it
// is one of the kinds of types.ts Condition (see catalog_conditions.go):
// an answer (Field is one of In), an age (someone born on the date at Birth
// is younger than AgeUnder on the date at On), days since (at least
// AtLeastDays days, a number or the name of a number setting, between the
// date at DaysSince and today), a setting (Setting is one of In), or Any or
// All of some conditions.
type Condition struct {
	Field string `json:"field,omitempty"`
	In    []any  `json:"in,omitempty"`

	Birth    string   `json:"birth,omitempty"`
	On       string   `json:"on,omitempty"`
	AgeUnder *float64 `json:"ageUnder,omitempty"`

	DaysSince   string `json:"daysSince,omitempty"`
	AtLeastDays any    `json:"atLeastDays,omitempty"`

	Setting string `json:"setting,omitempty"`

	Any []Condition `json:"any,omitempty"`
	All []Condition `json:"all,omitempty"`
}

// ChoiceOption is one option of a choice field.
type ChoiceOption struct {
	Value string    `json:"value"`
	Label Localized `json:"label"`
}

// Field is one question of a step; which members apply depends on Type
// (text, textarea, nik, kk, phone, date, time, number, choice, yesno,
// person, address, group).
type Field struct {
	Name     string     `json:"name"`
	Type     string     `json:"type"`
	Label    Localized  `json:"label"`
	Hint     *Localized `json:"hint,omitempty"`
	Required *bool      `json:"required,omitempty"`
	When     *Condition `json:"when,omitempty"`

	// text and textarea
	MaxLength   *int   `json:"maxLength,omitempty"`
	Pattern     string `json:"pattern,omitempty"`
	PatternCode string `json:"patternCode,omitempty"`

	// date
	Past bool `json:"past,omitempty"`

	// number (bounds of the value) and group (bounds of the item count)
	Min      *float64   `json:"min,omitempty"`
	Max      *float64   `json:"max,omitempty"`
	Decimals bool       `json:"decimals,omitempty"`
	Unit     *Localized `json:"unit,omitempty"`

	// choice
	Options []ChoiceOption `json:"options,omitempty"`

	// person
	Parts []string `json:"parts,omitempty"`

	// group
	Fields    []Field    `json:"fields,omitempty"`
	ItemLabel *Localized `json:"itemLabel,omitempty"`
}

// IsRequired tells whether the field must be answered when it is shown
// (required unless set to false).
func (f *Field) IsRequired() bool {
	return f.Required == nil || *f.Required
}

// Step is one page of a service's form.
type Step struct {
	ID     string     `json:"id"`
	Title  Localized  `json:"title"`
	Hint   *Localized `json:"hint,omitempty"`
	Fields []Field    `json:"fields"`
}

// DocumentRequirement is a document the office needs; Code is stored as
// documents.kind.
type DocumentRequirement struct {
	Code      string     `json:"code"`
	Name      Localized  `json:"name"`
	PhotoHint Localized  `json:"photoHint"`
	Required  *bool      `json:"required,omitempty"`
	When      *Condition `json:"when,omitempty"`
	// MaxFiles is how many files of this document an application takes
	// (default 1: the phone replaces a document, it does not add one).
	MaxFiles *int `json:"maxFiles,omitempty"`
}

// FileLimit is MaxFiles, or 1 when unset.
func (d *DocumentRequirement) FileLimit() int {
	if d.MaxFiles == nil || *d.MaxFiles < 1 {
		return 1
	}
	return *d.MaxFiles
}

// IsRequired tells whether the document must be attached when it is asked
// for (required unless set to false).
func (d *DocumentRequirement) IsRequired() bool {
	return d.Required == nil || *d.Required
}

// Deadline is the legal deadline of a service, counted from a date field.
type Deadline struct {
	Days   int       `json:"days"`
	From   string    `json:"from"`
	Notice Localized `json:"notice"`
}

// Subject names the answer paths of the NIK and the name of the person an
// application is about; NIKWhenHidden is the NIK read when the field of NIK
// is hidden by its condition.
type Subject struct {
	NIK           string `json:"nik"`
	Name          string `json:"name"`
	NIKWhenHidden string `json:"nikWhenHidden,omitempty"`
}

// Modes of a service.
const (
	ModeOnline   = "online"
	ModeInPerson = "in_person"
)

// Service is one service of the office. In-person services carry only
// Code and Mode in the export.
type Service struct {
	Code        string                `json:"code"`
	Mode        string                `json:"mode"`
	Name        Localized             `json:"name"`
	Description Localized             `json:"description"`
	Eligibility Localized             `json:"eligibility"`
	Steps       []Step                `json:"steps,omitempty"`
	Documents   []DocumentRequirement `json:"documents,omitempty"`
	Deadline    *Deadline             `json:"deadline,omitempty"`
	Subject     Subject               `json:"subject"`
	Applicant   string                `json:"applicant,omitempty"`
}

// Kecamatan is a district of Kota Balikpapan with its kelurahan.
type Kecamatan struct {
	Code      string   `json:"code"`
	Name      string   `json:"name"`
	Kelurahan []string `json:"kelurahan"`
}
