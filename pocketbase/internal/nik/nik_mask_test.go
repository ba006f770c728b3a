package nik

import "testing"

func TestMask(t *testing.T) {
	for value, want := range map[string]string{
		"6471051205900001": "647105******0001",
		"6471034708850004": "647103******0004",
		"12345":            "*****",
		"":                 "",
	} {
		if got := Mask(value); got != want {
			t.Errorf("Mask(%q) = %q, want %q", value, got, want)
		}
	}
}
