package catalog_test

import (
	"strings"
	"testing"

	"dukcapil-daring/server/internal/catalog"
)

func TestSummaryReadsLikeTheForm(t *testing.T) {
	answers := map[string]any{
		"baby_name": "Putri Ayu", "baby_sex": "F", "birth_date": "2026-11-02", "kk_number": "6471030101150007",
		"address":  map[string]any{"kecamatan": "64.71.05", "kelurahan": "Sepinggan", "rt": "3", "rw": "1", "street": "Jl. Mawar 1"},
		"reporter": map[string]any{"nik": "6471051205900001", "name": "Budi Santoso"},
	}
	rows := map[string]string{}
	for _, row := range catalog.Summary("akta-kelahiran", answers) {
		rows[row.Label] = row.Value
	}
	for label, want := range map[string]string{
		"Nama bayi":                 "Putri Ayu",
		"Jenis kelamin bayi":        "Perempuan",
		"Tanggal lahir":             "2 November 2026",
		"Pelapor":                   "Budi Santoso, NIK 6471051205900001",
		"Alamat di Kota Balikpapan": "Jl. Mawar 1, RT 3/RW 1, Sepinggan, Kecamatan Balikpapan Selatan",
	} {
		if got, ok := rows[label]; !ok || got != want {
			t.Errorf("%s: %q, want %q (rows %v)", label, got, want, rows)
		}
	}
	if got := catalog.FormatDateID("2026-12-02"); got != "2 Desember 2026" {
		t.Errorf("FormatDateID: %q", got)
	}
}

func TestBirthSubjectIsTheBabyAndTheFamilyCard(t *testing.T) {
	nik, name := catalog.SubjectOf("akta-kelahiran", map[string]any{
		"baby_name": " Putri Ayu ", "kk_number": "6471030101150007", "mother": map[string]any{"nik": "6471054708850004"},
	})
	if nik != "6471030101150007" || name != "Putri Ayu" {
		t.Errorf("subject %q %q: the baby's name with the family card number", nik, name)
	}
}

func TestFileLimits(t *testing.T) {
	s, _ := catalog.Online("akta-perceraian")
	for _, d := range s.Documents {
		if d.FileLimit() < 1 {
			t.Errorf("%s: limit %d", d.Code, d.FileLimit())
		}
		if d.Code == "putusan-pengadilan" && d.FileLimit() < 2 {
			t.Errorf("a court decision has several pages: limit %d", d.FileLimit())
		}
	}
	if !strings.Contains(strings.Join(s.RequirementCodes(), ","), "putusan-pengadilan") {
		t.Error("no court decision")
	}
}
