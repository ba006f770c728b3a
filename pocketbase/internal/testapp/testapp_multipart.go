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

// File is a file part of a multipart body: the form field, the file name
// and the content.
type File struct {
	Field   string
	Name    string
	Content []byte
}

// MultipartFiles is Multipart with the name of every file given.
func MultipartFiles(t testing.TB, fields map[string]string, files ...File) (io.Reader, string) {
	t.Helper()

	body := new(bytes.Buffer)
	w := multipart.NewWriter(body)
	for k, v := range fields {
		if err := w.WriteField(k, v); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range files {
		part, err := w.CreateFormFile(f.Field, f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := part.Write(f.Content); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return body, w.FormDataContentType()
}
