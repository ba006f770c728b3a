package files_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"maps"
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"dukcapil-daring/server/internal/files"
	"dukcapil-daring/server/internal/servertest"
	"dukcapil-daring/server/internal/testapp"
)

func TestMain(m *testing.M) {
	os.Exit(testapp.Run(m))
}

const documentsURL = "/api/collections/documents/records"

// sample documents, made here so that they are real files of their type
var (
	samplePDF  = []byte("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
	sampleHTML = []byte("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>")
	// the start of an x86-64 ELF executable
	sampleELF = append([]byte{0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3E, 0}, make([]byte, 100)...)
	// a WebP file header (RIFF, size, WEBP, a VP8L chunk)
	sampleWebP = append([]byte("RIFF\x24\x00\x00\x00WEBPVP8L\x18\x00\x00\x00\x2f\x00\x00\x00"), make([]byte, 24)...)
)

func sampleImage() image.Image {
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	for x := 0; x < 8; x++ {
		for y := 0; y < 8; y++ {
			img.Set(x, y, color.RGBA{uint8(x * 30), uint8(y * 30), 128, 255})
		}
	}
	return img
}

func sampleJPEG(t testing.TB) []byte {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, sampleImage(), nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func samplePNG(t testing.TB) []byte {
	var buf bytes.Buffer
	if err := png.Encode(&buf, sampleImage()); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func hexSHA256(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// upload is a document upload scenario by a resident; fields override the defaults.
func upload(t testing.TB, resident, application, name string, content []byte, fields map[string]string) tests.ApiScenario {
	all := map[string]string{
		"application": application, "owner": resident, "kind": "ktp-el",
		"sha256": hexSHA256(content), "size": "42",
	}
	maps.Copy(all, fields)
	for k, v := range all {
		if v == "" {
			delete(all, k)
		}
	}
	body, contentType := testapp.MultipartFiles(t, all, testapp.File{Field: "file", Name: name, Content: content})
	headers := maps.Clone(testapp.AuthHeader(t, resident))
	headers["Content-Type"] = contentType
	return tests.ApiScenario{Method: http.MethodPost, URL: documentsURL, Body: body, Headers: headers}
}

func setStatus(status string) func(testing.TB, *tests.TestApp, *core.ServeEvent) {
	return func(t testing.TB, app *tests.TestApp, _ *core.ServeEvent) {
		record, err := app.FindRecordById("applications", testapp.ApplicationA)
		if err != nil {
			t.Fatal(err)
		}
		record.Set("status", status)
		if err := app.Save(record); err != nil {
			t.Fatal(err)
		}
	}
}

// stored checks the documents of ApplicationA besides the fixture's.
func stored(want int) func(testing.TB, *tests.TestApp, *http.Response) {
	return func(t testing.TB, app *tests.TestApp, _ *http.Response) {
		records, err := app.FindAllRecords("documents")
		if err != nil {
			t.Fatal(err)
		}
		if got := len(records) - 2; got != want { // the fixtures hold one document per resident
			t.Errorf("%d new documents, want %d", got, want)
		}
	}
}

func TestDocumentUploads(t *testing.T) {
	a, b := testapp.ResidentA, testapp.ResidentB
	jpg, pngBytes := sampleJPEG(t), samplePNG(t)

	accepted := func(name string, content []byte, fields map[string]string) tests.ApiScenario {
		s := upload(t, a, testapp.ApplicationA, name, content, fields)
		s.ExpectedStatus = http.StatusOK
		s.ExpectedContent = []string{`"sha256":"` + hexSHA256(content) + `"`, `"size":` + strconv.Itoa(len(content)) + `,`}
		s.AfterTestFunc = stored(1)
		return s
	}
	refused := func(name string, content []byte, fields map[string]string, expected ...string) tests.ApiScenario {
		s := upload(t, a, testapp.ApplicationA, name, content, fields)
		s.ExpectedStatus = http.StatusBadRequest
		s.ExpectedContent = expected
		s.AfterTestFunc = stored(0)
		return s
	}

	scenarios := []tests.ApiScenario{
		accepted("ktp.jpg", jpg, map[string]string{"id": "newdocnewdoc001"}),
		accepted("ktp.png", pngBytes, nil),
		accepted("ktp.webp", sampleWebP, nil),
		accepted("ktp.pdf", samplePDF, nil),
		accepted("no-extension", jpg, map[string]string{"kind": "surat-kuasa"}),
		refused("ktp.jpg", jpg, map[string]string{"sha256": hexSHA256(pngBytes)},
			`"data":{"sha256":{"code":"sha256_mismatch","message":"`),
		refused("ktp.jpg", jpg[:len(jpg)/2], map[string]string{"sha256": hexSHA256(jpg)},
			`"data":{"sha256":{"code":"sha256_mismatch"`),
		refused("ktp.jpg", jpg, map[string]string{"sha256": ""},
			`"data":{"sha256":{"code":"validation_required"`),
		refused("ktp.jpg", sampleHTML, nil, `"data":{"file":{"code":"file_type","message":"`),
		refused("ktp.jpg", sampleELF, nil, `"data":{"file":{"code":"file_type"`),
		refused("ktp.jpg", jpg, map[string]string{"kind": "paspor"}, `"data":{"kind":{"code":"kind_unknown","message":"\"paspor\" is not a document of the service \"kk-hilang\"`),
		refused("ktp.html", sampleHTML, map[string]string{"kind": "paspor", "sha256": strings.Repeat("0", 64)},
			`"file":{"code":"file_type"`, `"kind":{"code":"kind_unknown"`),
	}
	scenarios[0].Name = "a JPEG with a client id, its size taken from the file"
	scenarios[1].Name = "a PNG"
	scenarios[2].Name = "a WebP"
	scenarios[3].Name = "a PDF"
	scenarios[4].Name = "a JPEG without a file extension"
	scenarios[5].Name = "a wrong sha256"
	scenarios[6].Name = "a file cut off on the way (sha256 of the whole file)"
	scenarios[7].Name = "no sha256"
	scenarios[8].Name = "HTML renamed .jpg"
	scenarios[9].Name = "an ELF binary renamed .jpg"
	scenarios[10].Name = "a kind that the service does not have"
	scenarios[11].Name = "every error at once"

	submitted := refused("ktp.jpg", jpg, nil, `"data":{"application":{"code":"application_locked","message":"`)
	submitted.Name = "an own application that is submitted"
	submitted.BeforeTestFunc = setStatus("submitted")

	revision := accepted("ktp.jpg", jpg, nil)
	revision.Name = "an own application that needs revision"
	revision.BeforeTestFunc = setStatus("needs_revision")

	toB := upload(t, a, testapp.ApplicationB, "ktp.jpg", jpg, nil)
	toB.Name = "another resident's application (refused by the create rule)"
	toB.ExpectedStatus = http.StatusBadRequest
	toB.ExpectedContent = []string{`"data":{}`}
	toB.AfterTestFunc = stored(0)

	asB := upload(t, b, testapp.ApplicationA, "ktp.jpg", jpg, nil)
	asB.Name = "B to A's application (refused by the create rule)"
	asB.ExpectedStatus = http.StatusBadRequest
	asB.ExpectedContent = []string{`"data":{}`}
	asB.AfterTestFunc = stored(0)

	scenarios = append(scenarios, submitted, revision, toB, asB)
	for _, s := range scenarios {
		s.TestAppFactory = servertest.Factory
		s.Test(t)
	}
}

func TestSniff(t *testing.T) {
	for name, c := range map[string]struct {
		content []byte
		want    string
	}{
		"jpeg":      {sampleJPEG(t), files.TypeJPEG},
		"png":       {samplePNG(t), files.TypePNG},
		"webp":      {sampleWebP, files.TypeWebP},
		"pdf":       {samplePDF, files.TypePDF},
		"html":      {sampleHTML, ""},
		"elf":       {sampleELF, ""},
		"empty":     {nil, ""},
		"riff wave": {[]byte("RIFF\x24\x00\x00\x00WAVEfmt "), ""},
		"short":     {[]byte{0xFF, 0xD8}, ""},
		"svg":       {[]byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`), ""},
	} {
		if got := files.Sniff(c.content); got != c.want {
			t.Errorf("%s: %q, want %q", name, got, c.want)
		}
	}
}
