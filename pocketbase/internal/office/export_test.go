package office

import "testing"

// For the tests of package office_test: those need a test app, whose
// migrations import the catalog, which imports this package, so they cannot
// live inside it.

// Vectors is the shared office-calendar vectors.
type Vectors = vectors

// LoadVectors reads tests/fixtures/office-calendar.json.
func LoadVectors(t *testing.T) Vectors { return loadVectors(t) }

// Days returns the vectors' office days, with the test-only ones or not.
func (v vectors) Days(withTestOnly bool) []OfficeDay { return v.officeDays(withTestOnly) }
