package workflow_test

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"dukcapil-daring/server/internal/workflow"
)

func TestStatusTexts(t *testing.T) {
	ref := "BPN-20261130-0042"
	cases := []struct {
		locale, kind, service, note string
		want                        workflow.Text
	}{
		{"id", "completed", "akta-kelahiran", "", workflow.Text{
			Title: "Akta kelahiran siap diunduh",
			Body:  "Permohonan BPN-20261130-0042 selesai. Buka aplikasi untuk mengunduh dokumennya."}},
		{"en", "completed", "akta-kelahiran", "", workflow.Text{
			Title: "Birth certificate ready to download",
			Body:  "Application BPN-20261130-0042 is complete. Open the app to download the document."}},
		{"id", "completed", "ktp-ganti", "", workflow.Text{
			Title: "KTP-el pengganti siap diambil",
			Body:  "Permohonan BPN-20261130-0042 selesai. Ambil KTP-el Anda di kantor Disdukcapil pada jam layanan (Senin–Jumat, 07.30–16.00 WITA): pesan waktu pengambilan di aplikasi."}},
		{"en", "completed", "ktp-ganti", "", workflow.Text{
			Title: "Replacement KTP-el ready to collect",
			Body:  "Application BPN-20261130-0042 is complete. Collect your KTP-el at the Disdukcapil office during opening hours (Monday–Friday, 07:30–16:00 WITA): book a collection time in the app."}},
		{"id", "needs_revision", "akta-kematian", " Surat kematian dari rumah sakit belum diunggah. ", workflow.Text{
			Title: "Perlu perbaikan: Akta kematian",
			Body:  "Surat kematian dari rumah sakit belum diunggah.\nPermohonan BPN-20261130-0042: perbaiki di aplikasi, lalu kirim lagi."}},
		{"en", "needs_revision", "akta-kematian", "The hospital's death letter is missing.", workflow.Text{
			Title: "Needs correction: Death certificate",
			Body:  "The hospital's death letter is missing.\nApplication BPN-20261130-0042: correct it in the app and send it again."}},
		{"id", "rejected", "pindah-datang", "Alamat tujuan di luar Kota Balikpapan.", workflow.Text{
			Title: "Permohonan ditolak: Pindah datang ke Kota Balikpapan",
			Body:  "Alamat tujuan di luar Kota Balikpapan.\nPermohonan BPN-20261130-0042."}},
		{"en", "rejected", "pindah-datang", "Outside the city.", workflow.Text{
			Title: "Application rejected: Moving in to Balikpapan",
			Body:  "Outside the city.\nApplication BPN-20261130-0042."}},
		// an unknown locale is Indonesian, an unknown service its code
		{"", "completed", "paspor", "", workflow.Text{
			Title: "paspor siap diunduh",
			Body:  "Permohonan BPN-20261130-0042 selesai. Buka aplikasi untuk mengunduh dokumennya."}},
	}
	for _, c := range cases {
		got, err := workflow.StatusText(c.locale, c.kind, c.service, ref, c.note)
		if err != nil || got != c.want {
			t.Errorf("%s %s %s:\n got  %+v (%v)\n want %+v", c.locale, c.kind, c.service, got, err, c.want)
		}
	}
	if _, err := workflow.StatusText("id", "queued", "akta-kelahiran", ref, ""); err == nil {
		t.Error("queued has its own text (QueuedText)")
	}
}

func TestQueuedTexts(t *testing.T) {
	one := []workflow.QueueEntry{{Service: "akta-kelahiran", Reference: "BPN-20261127-0003", QueueNo: 12}}
	for locale, want := range map[string]workflow.Text{
		"id": {Title: "Masuk antrean hari ini, nomor 12", Body: "Permohonan akta kelahiran BPN-20261127-0003 diproses hari ini, 30 November 2026."},
		"en": {Title: "In today's queue, number 12", Body: "Your birth certificate application BPN-20261127-0003 is processed today, 30 November 2026."},
	} {
		if got := workflow.QueuedText(locale, "2026-11-30", one); got != want {
			t.Errorf("%s:\n got  %+v\n want %+v", locale, got, want)
		}
	}

	two := []workflow.QueueEntry{
		{Service: "akta-kelahiran", Reference: "BPN-20261127-0003", QueueNo: 3},
		{Service: "kk-baru", Reference: "BPN-20261128-0011", QueueNo: 7},
	}
	if got, want := workflow.QueuedText("id", "2026-08-03", two), (workflow.Text{
		Title: "2 permohonan masuk antrean hari ini",
		Body:  "Diproses hari ini, 3 Agustus 2026:\nNomor 3: Akta kelahiran (BPN-20261127-0003)\nNomor 7: Kartu Keluarga (KK) baru (BPN-20261128-0011)",
	}); got != want {
		t.Errorf("summary id:\n got  %+v\n want %+v", got, want)
	}
	if got, want := workflow.QueuedText("en", "2026-08-03", two), (workflow.Text{
		Title: "2 applications in today's queue",
		Body:  "Processed today, 3 August 2026:\nNumber 3: Birth certificate (BPN-20261127-0003)\nNumber 7: New family card (KK) (BPN-20261128-0011)",
	}); got != want {
		t.Errorf("summary en:\n got  %+v\n want %+v", got, want)
	}

	// a long list is cut after SummaryLimit lines and stays short enough for a push
	var many []workflow.QueueEntry
	for i := 1; i <= 1250; i++ {
		many = append(many, workflow.QueueEntry{Service: "akta-perkawinan", Reference: "BPN-20261127-" + strconv.Itoa(1000+i), QueueNo: i})
	}
	got := workflow.QueuedText("id", "2026-11-30", many)
	lines := strings.Split(got.Body, "\n")
	if got.Title != "1250 permohonan masuk antrean hari ini" || len(lines) != workflow.SummaryLimit+2 ||
		lines[len(lines)-1] != "dan 1240 permohonan lainnya." || len(got.Body) > 1000 {
		t.Errorf("long summary: %q\n%s", got.Title, got.Body)
	}
}

func TestServiceNamesInASentence(t *testing.T) {
	for _, c := range []struct{ locale, service, want string }{
		{"id", "akta-kelahiran", "Permohonan akta kelahiran"},
		{"id", "kk-baru", "Permohonan Kartu Keluarga (KK) baru"},
		{"id", "kk-perubahan", "Permohonan perubahan data Kartu Keluarga (KK)"},
		{"id", "ktp-ganti", "Permohonan KTP-el hilang atau rusak"},
		{"id", "pindah-keluar", "Permohonan pindah alamat atau surat pindah (SKPWNI)"},
		{"en", "pindah-keluar", "Your moving house or moving-out letter (SKPWNI) application"},
		{"en", "kk-hilang", "Your lost or damaged family card (KK) application"},
		{"en", "ktp-ganti", "Your lost or damaged KTP-el application"},
	} {
		got := workflow.QueuedText(c.locale, "2026-11-30", []workflow.QueueEntry{{Service: c.service, Reference: "R", QueueNo: 1}}).Body
		if !strings.HasPrefix(got, c.want+" R ") {
			t.Errorf("%s %s: %q, want it to start with %q", c.locale, c.service, got, c.want)
		}
	}
}

func TestShortNote(t *testing.T) {
	long := strings.Repeat("Foto buram. ", 40)
	got := workflow.ShortNote(long)
	if utf8.RuneCountInString(got) > workflow.NoteLimit || !strings.HasSuffix(got, "…") {
		t.Errorf("ShortNote: %d characters: %q", utf8.RuneCountInString(got), got)
	}
	if got := workflow.ShortNote("  Nomor KK salah.  "); got != "Nomor KK salah." {
		t.Errorf("ShortNote trims: %q", got)
	}
	if got := workflow.ShortNote(strings.Repeat("é", workflow.NoteLimit)); got != strings.Repeat("é", workflow.NoteLimit) {
		t.Error("a note of exactly NoteLimit characters is kept")
	}
}
