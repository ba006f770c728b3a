package testapp

import (
	"bytes"
	"io"
	"mime/multipart"
	"testing"
)

// Multipart encodes fields and files as a multipart/form-data body and
// returns it with its Content-Type header value.
func Multipart(t testing.TB, fields map[string]string, files map[string][]byte) (io.Reader, string) {
	t.Helper()

	body := new(bytes.Buffer)
	w := multipart.NewWriter(body)
	for k, v := range fields {
		if err := w.WriteField(k, v); err != nil {
			t.Fatal(err)
		}
	}
	for field, content := range files {
		part, err := w.CreateFormFile(field, field+".pdf")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := part.Write(content); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return body, w.FormDataContentType()
}
