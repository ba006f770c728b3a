package uploads_test

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"dukcapil-daring/server/internal/servertest"
	"dukcapil-daring/server/internal/uploads"
)

func TestExpire(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	write := func(id string, size, have int, age time.Duration) {
		info := `{"ID":"` + id + `","Size":` + strconv.Itoa(size) + `,"SizeIsDeferred":false}`
		for name, content := range map[string]string{id + ".info": info, id: strings.Repeat("x", have)} {
			path := filepath.Join(dir, name)
			if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Chtimes(path, now.Add(-age), now.Add(-age)); err != nil {
				t.Fatal(err)
			}
		}
	}
	write("unfinishedold", 100, 40, 25*time.Hour)    // silent for more than a day: removed
	write("unfinishedfresh", 100, 40, 23*time.Hour)  // still resumable: kept
	write("finishedold", 100, 100, 2*time.Hour)      // finished an hour ago and more: removed
	write("finishedfresh", 100, 100, 30*time.Minute) // a client may still ask its offset: kept

	removed, err := uploads.Expire(dir, now, 24*time.Hour, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if removed != 2 {
		t.Errorf("removed %d uploads, want 2", removed)
	}
	var left []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		left = append(left, e.Name())
	}
	want := []string{"finishedfresh", "finishedfresh.info", "unfinishedfresh", "unfinishedfresh.info"}
	if !slices.Equal(left, want) {
		t.Errorf("left %v, want %v", left, want)
	}

	if n, err := uploads.Expire(filepath.Join(dir, "missing"), now, time.Hour, time.Hour); n != 0 || err != nil {
		t.Errorf("a missing dir: %d, %v", n, err)
	}
}

func TestExpireIsScheduled(t *testing.T) {
	app := servertest.New(t)
	found := false
	for _, job := range app.Cron().Jobs() {
		found = found || job.Id() == "dukcapilUploadsExpire"
	}
	if !found {
		t.Error("no cron job removes expired uploads")
	}
}
