package catalog

import (
	"strconv"
	"strings"
	"unicode/utf16"
)

// This file holds the few JavaScript semantics that the TypeScript rules
// rely on, so that the Go rules read the same answers the same way.

// isJSSpace reports whether r is removed by String.prototype.trim() and
// matched by \s in a JavaScript regular expression: WhiteSpace (tab, vertical
// tab, form feed, space, no-break space, BOM and the Unicode Zs category) and
// LineTerminator. Go's unicode.IsSpace differs (it has U+0085, not U+FEFF).
func isJSSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff':
		return true
	}
	return r >= '\u2000' && r <= '\u200a'
}

// jsTrim is String.prototype.trim().
func jsTrim(s string) string {
	return strings.TrimFunc(s, isJSSpace)
}

// jsLength is String.prototype.length: the number of UTF-16 code units.
func jsLength(s string) int {
	n := 0
	for _, r := range s {
		if units := utf16.RuneLen(r); units > 0 {
			n += units
		} else {
			n++ // not representable; decoding never yields such runes
		}
	}
	return n
}

// asObject is valibot's `input && typeof input === "object"`: a JSON object,
// or an array (an object whose keys are its indexes).
func asObject(value any) (map[string]any, bool) {
	switch v := value.(type) {
	case map[string]any:
		return v, true
	case []any:
		m := make(map[string]any, len(v))
		for i, item := range v {
			m[strconv.Itoa(i)] = item
		}
		return m, true
	}
	return nil, false
}

// isValidObjectKey is valibot's _isValidObjectKey for an own key.
func isValidObjectKey(key string) bool {
	return key != "__proto__" && key != "prototype" && key != "constructor"
}

// answerAt reads the answer at a dotted path ("mother.nik", "movers.0.name")
// like registry.ts answerAt (`node?.[key]` at every step), or nil for
// undefined.
func answerAt(answers any, path string) any {
	node := answers
	for _, key := range strings.Split(path, ".") {
		node = property(node, key)
	}
	return node
}

// property is JavaScript's node?.[key] for JSON values, as far as a
// condition can tell (a string or a boolean; anything else never matches).
func property(node any, key string) any {
	switch n := node.(type) {
	case map[string]any:
		return n[key]
	case []any:
		if key == "length" {
			return float64(len(n))
		}
		if i, ok := arrayIndex(key); ok && i < len(n) {
			return n[i]
		}
	case string:
		units := utf16.Encode([]rune(n))
		if key == "length" {
			return float64(len(units))
		}
		if i, ok := arrayIndex(key); ok && i < len(units) {
			return string(utf16.Decode(units[i : i+1]))
		}
	}
	return nil
}

// arrayIndex parses a canonical array index ("0", "12"; not "01" or "+1").
func arrayIndex(key string) (int, bool) {
	if key == "" || (len(key) > 1 && key[0] == '0') || len(key) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(key); i++ {
		if key[i] < '0' || key[i] > '9' {
			return 0, false
		}
		n = n*10 + int(key[i]-'0')
	}
	return n, true
}

// sameValue is Array.prototype.includes' comparison for the values a
// condition lists (strings, booleans, and numbers for settings).
func sameValue(a, b any) bool {
	switch x := a.(type) {
	case float64:
		y, ok := b.(float64)
		return ok && x == y
	case string:
		y, ok := b.(string)
		return ok && x == y
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	}
	return false
}
