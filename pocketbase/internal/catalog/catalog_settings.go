package catalog

import (
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Setting is one of the office's catalog settings (src/lib/catalog/settings.ts):
// a point the office still has to confirm, as a value it changes without a
// new version (collection catalog_settings, see internal/catalogsettings).
type Setting struct {
	Name      string         `json:"name"`
	Type      string         `json:"type"` // choice, number or text
	Label     Localized      `json:"label"`
	Options   []ChoiceOption `json:"options,omitempty"`
	Min       float64        `json:"min,omitempty"`
	Max       float64        `json:"max,omitempty"`
	MaxLength int            `json:"maxLength,omitempty"`
	Default   any            `json:"default"`
}

var (
	settingDefs []Setting
	settingsMu  sync.RWMutex
	// active holds the settings in force: the defaults until ApplySettings.
	active map[string]any
)

func settingByName(name string) (Setting, bool) {
	for _, s := range settingDefs {
		if s.Name == name {
			return s, true
		}
	}
	return Setting{}, false
}

// Settings returns the definitions of the catalog settings, in order.
func Settings() []Setting {
	return slices.Clone(settingDefs)
}

// SettingDefaults returns the default value of every setting.
func SettingDefaults() map[string]any {
	out := make(map[string]any, len(settingDefs))
	for _, s := range settingDefs {
		out[s.Name] = s.Default
	}
	return out
}

// CheckedSettings is settings.ts checkedSettings: the defaults, with the
// values that name a setting and fit it (an option of a choice; a whole
// number within bounds; a text that fitsText) put in their place.
func CheckedSettings(values map[string]any) map[string]any {
	out := SettingDefaults()
	for _, s := range settingDefs {
		switch v := values[s.Name].(type) {
		case string:
			if s.Type == "choice" && slices.ContainsFunc(s.Options, func(o ChoiceOption) bool { return o.Value == v }) {
				out[s.Name] = v
			}
			if s.Type == "text" && fitsText(s, v) {
				out[s.Name] = v
			}
		case float64:
			if s.Type == "number" && v == math.Trunc(v) && v >= s.Min && v <= s.Max {
				out[s.Name] = v
			}
		}
	}
	return out
}

// fitsText is settings.ts fitsText: a text setting's value is trimmed (as
// String.prototype.trim), 1 to MaxLength characters (code points), without
// control characters (U+0000–U+001F, U+007F).
func fitsText(s Setting, v string) bool {
	if !utf8.ValidString(v) || v != jsTrim(v) {
		return false
	}
	n := 0
	for _, r := range v {
		if r < 0x20 || r == 0x7f {
			return false
		}
		n++
	}
	return n >= 1 && n <= s.MaxLength
}

// ApplySettings puts the office's values in force (checked, see
// CheckedSettings) and returns the settings now in force.
func ApplySettings(values map[string]any) map[string]any {
	checked := CheckedSettings(values)
	settingsMu.Lock()
	active = checked
	settingsMu.Unlock()
	return maps.Clone(checked)
}

// ActiveSettings returns the settings in force.
func ActiveSettings() map[string]any {
	settingsMu.RLock()
	defer settingsMu.RUnlock()
	if active == nil {
		return SettingDefaults()
	}
	return maps.Clone(active)
}

// SettingValue reads a setting's value as staff type it in the dashboard
// (settings.ts settingValue): a choice or a text as it is, a number from its decimal
// digits. It reports false for an unknown setting or a value that does not
// fit it.
func SettingValue(name, text string) (any, bool) {
	s, ok := settingByName(name)
	if !ok {
		return nil, false
	}
	var value any = text
	if s.Type == "number" {
		if text == "" || len(text) > 9 || strings.Trim(text, "0123456789") != "" {
			return nil, false
		}
		n, err := strconv.Atoi(text)
		if err != nil {
			return nil, false
		}
		value = float64(n)
	}
	checked := CheckedSettings(map[string]any{name: value})
	if !sameValue(checked[name], value) {
		return nil, false
	}
	return value, true
}
