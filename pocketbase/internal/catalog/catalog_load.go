package catalog

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
)

//go:embed catalog.json
var catalogJSON []byte

// exported is the shape of catalog.json.
type exported struct {
	AnswerCodes []string    `json:"answerCodes"`
	Kecamatan   []Kecamatan `json:"kecamatan"`
	Services    []Service   `json:"services"`
	Settings    []Setting   `json:"settings"`
}

var (
	services  []Service
	kecamatan []Kecamatan
	// answerCodes is the closed list of codes Validate may give
	// (src/lib/catalog/codes.ts, exported into catalog.json).
	answerCodes []string
	// patterns holds the compiled pattern of every text field that has one.
	patterns = map[string]*regexp.Regexp{}
)

// The embedded catalog is parsed and checked once, when the package is
// loaded: a catalog that this package cannot enforce stops the server (and
// every test) at once rather than letting answers through unchecked.
func init() {
	var data exported
	if err := json.Unmarshal(catalogJSON, &data); err != nil {
		panic(fmt.Sprintf("catalog: parse the embedded catalog.json: %v", err))
	}
	settingDefs = data.Settings
	if err := checkCatalog(data); err != nil {
		panic("catalog: the embedded catalog.json cannot be enforced: " + err.Error())
	}
	services = data.Services
	kecamatan = data.Kecamatan
	answerCodes = data.AnswerCodes
}

// checkCatalog verifies that every field of the online services is one that
// Validate knows how to check.
func checkCatalog(data exported) error {
	if len(data.Services) == 0 || len(data.Kecamatan) == 0 || len(data.AnswerCodes) == 0 {
		return fmt.Errorf("no services, no kecamatan or no answer codes")
	}
	for code := range messages {
		if !slices.Contains(data.AnswerCodes, code) {
			return fmt.Errorf("the code %q has a message but is not in answerCodes", code)
		}
	}
	for _, s := range data.Settings {
		if s.Type != "choice" && s.Type != "number" && s.Type != "text" {
			return fmt.Errorf("setting %s: unknown type %q", s.Name, s.Type)
		}
	}
	for _, s := range data.Services {
		if s.Mode != ModeOnline {
			continue
		}
		for _, step := range s.Steps {
			if err := checkFields(s.Code, step.Fields, data.AnswerCodes); err != nil {
				return err
			}
		}
		for i := range s.Documents {
			if d := &s.Documents[i]; d.When != nil {
				if err := checkCondition(s.Code+"/"+d.Code, d.When); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func checkFields(service string, fields []Field, codes []string) error {
	for i := range fields {
		f := &fields[i]
		where := service + "/" + f.Name
		if f.When != nil {
			if err := checkCondition(where, f.When); err != nil {
				return err
			}
		}
		switch f.Type {
		case "text", "textarea":
			if f.Pattern != "" {
				re, err := regexp.Compile(f.Pattern)
				if err != nil {
					return fmt.Errorf("%s: the pattern %q is not valid in Go: %v", where, f.Pattern, err)
				}
				patterns[f.Pattern] = re
			}
			if f.PatternCode != "" && !slices.Contains(codes, f.PatternCode) {
				return fmt.Errorf("%s: the pattern code %q is not in answerCodes", where, f.PatternCode)
			}
		case "nik", "kk", "phone", "date", "time", "number", "yesno", "address":
		case "choice":
			if len(f.Options) == 0 {
				return fmt.Errorf("%s: a choice without options", where)
			}
		case "person":
			for _, part := range f.Parts {
				if !slices.Contains(personParts, part) {
					return fmt.Errorf("%s: unknown person part %q", where, part)
				}
			}
		case "group":
			if f.Min == nil || f.Max == nil {
				return fmt.Errorf("%s: a group without min and max", where)
			}
			if err := checkFields(service, f.Fields, codes); err != nil {
				return err
			}
		default:
			return fmt.Errorf("%s: unknown field type %q", where, f.Type)
		}
	}
	return nil
}

// Services returns every service of the office, in the catalog's order.
func Services() []Service {
	return slices.Clone(services)
}

// Lookup returns the service with the given code, online or in person.
func Lookup(code string) (*Service, bool) {
	for i := range services {
		if services[i].Code == code {
			return &services[i], true
		}
	}
	return nil, false
}

// Online returns the service with the given code if residents apply for it
// in the app.
func Online(code string) (*Service, bool) {
	s, ok := Lookup(code)
	if !ok || s.Mode != ModeOnline {
		return nil, false
	}
	return s, true
}

// KelurahanOf lists the kelurahan of a kecamatan code, or none for an
// unknown code.
func KelurahanOf(kecamatanCode string) []string {
	for _, k := range kecamatan {
		if k.Code == kecamatanCode {
			return k.Kelurahan
		}
	}
	return nil
}

// RequirementCodes lists the codes of every document requirement of a
// service, whether asked for by the current answers or not.
func (s *Service) RequirementCodes() []string {
	codes := make([]string, len(s.Documents))
	for i, d := range s.Documents {
		codes[i] = d.Code
	}
	return codes
}

// topField returns the field of the service's steps with the given name.
func (s *Service) topField(name string) *Field {
	for i := range s.Steps {
		for j := range s.Steps[i].Fields {
			if s.Steps[i].Fields[j].Name == name {
				return &s.Steps[i].Fields[j]
			}
		}
	}
	return nil
}

// Requirement returns the document requirement of the service with the
// given code, or nil.
func (s *Service) Requirement(code string) *DocumentRequirement {
	for i := range s.Documents {
		if s.Documents[i].Code == code {
			return &s.Documents[i]
		}
	}
	return nil
}
