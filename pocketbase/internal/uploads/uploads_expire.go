package uploads

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/tus/tusd/v2/pkg/handler"
)

// Expire removes from dir (tusd's file store) every upload whose last
// change is older than maxAge, or finishedMaxAge for a finished one, and
// returns how many it removed. An upload is its ".info" file and its data
// file (and a ".lock" where a file locker left one).
func Expire(dir string, now time.Time, maxAge, finishedMaxAge time.Duration) (int, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	removed := 0
	var errs []error
	for _, entry := range entries {
		id, isInfo := strings.CutSuffix(entry.Name(), ".info")
		if !isInfo || entry.IsDir() {
			continue
		}
		infoPath := filepath.Join(dir, entry.Name())
		dataPath := filepath.Join(dir, id)
		last, finished := lastChange(infoPath, dataPath)
		age := maxAge
		if finished {
			age = finishedMaxAge
		}
		if now.Sub(last) < age {
			continue
		}
		for _, path := range []string{dataPath, infoPath, filepath.Join(dir, id+".lock")} {
			if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, err)
			}
		}
		removed++
	}
	return removed, errors.Join(errs...)
}

// lastChange returns when an upload last changed (its data file's time, or
// the info file's for an upload without data) and whether it is finished.
func lastChange(infoPath, dataPath string) (time.Time, bool) {
	var last time.Time
	if info, err := os.Stat(infoPath); err == nil {
		last = info.ModTime()
	}
	data, err := os.Stat(dataPath)
	if err != nil {
		return last, false
	}
	if data.ModTime().After(last) {
		last = data.ModTime()
	}
	var upload handler.FileInfo
	raw, err := os.ReadFile(infoPath)
	if err != nil || json.Unmarshal(raw, &upload) != nil {
		return last, false
	}
	return last, !upload.SizeIsDeferred && data.Size() == upload.Size
}
