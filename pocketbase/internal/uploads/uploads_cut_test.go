package uploads_test

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"dukcapil-daring/server/internal/servertest"
	"dukcapil-daring/server/internal/testapp"
	"dukcapil-daring/server/internal/uploads"
)

// cutReader gives n bytes and then fails, as a connection that drops.
type cutReader struct {
	r io.Reader
	n int
}

func (c *cutReader) Read(p []byte) (int, error) {
	if c.n <= 0 {
		return 0, errors.New("connection reset by peer")
	}
	if len(p) > c.n {
		p = p[:c.n]
	}
	n, err := c.r.Read(p)
	c.n -= n
	return n, err
}

// TestCutCreationKeepsItsBytes: a creation request carrying the first bytes
// is cut; the server keeps what arrived, and HEAD (the upload is named by
// the document) tells the offset, so the rest is all that goes again.
func TestCutCreationKeepsItsBytes(t *testing.T) {
	jpg := bytes.Repeat(sampleJPEG(t), 40)
	arrived := 20000
	head := tests.ApiScenario{
		Name:           "HEAD after a cut creation",
		Method:         http.MethodHead,
		URL:            uploads.RoutePath + "/" + newDocument,
		Headers:        map[string]string{"Tus-Resumable": "1.0.0", "Authorization": testapp.AuthHeader(t, testapp.ResidentA)["Authorization"]},
		ExpectedStatus: http.StatusOK,
		AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
			if got := res.Header.Get("Upload-Offset"); got != strconv.Itoa(arrived) {
				t.Errorf("Upload-Offset %q, want the %d bytes that arrived", got, arrived)
			}
		},
		TestAppFactory: servertest.Factory,
	}
	head.BeforeTestFunc = func(t testing.TB, _ *tests.TestApp, e *core.ServeEvent) {
		mux, err := e.Router.BuildMux()
		if err != nil {
			t.Fatal(err)
		}
		req := httptest.NewRequest(http.MethodPost, uploads.RoutePath, &cutReader{r: bytes.NewReader(jpg), n: arrived})
		for k, v := range createHeaders(t, testapp.ResidentA, len(jpg), metadata(jpg, nil)) {
			req.Header.Set(k, v)
		}
		req.Header.Set("Content-Type", "application/offset+octet-stream")
		req.ContentLength = int64(len(jpg))
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, req)
		t.Logf("cut creation answered %d %s", rec.Code, rec.Body.String())
	}
	head.Test(t)
}
