package files

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"

	"github.com/pocketbase/pocketbase/tools/filesystem"
)

// Content types a document may have.
const (
	TypeJPEG = "image/jpeg"
	TypePNG  = "image/png"
	TypeWebP = "image/webp"
	TypePDF  = "application/pdf"
)

// Sniff returns the content type of a document from its first bytes (at
// least 12 are needed for WebP), or "" when it is none of JPEG, PNG, WebP
// and PDF.
func Sniff(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xD8, 0xFF}):
		return TypeJPEG
	case bytes.HasPrefix(head, []byte{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}):
		return TypePNG
	case len(head) >= 12 && bytes.Equal(head[:4], []byte("RIFF")) && bytes.Equal(head[8:12], []byte("WEBP")):
		return TypeWebP
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return TypePDF
	}
	return ""
}

// inspection is what a document's content is.
type inspection struct {
	contentType string // "" when not an accepted type
	sha256      string // lower-case hex
	size        int64
}

// inspect reads an uploaded file once: its type by the first bytes, its
// SHA-256 and its size.
func inspect(file *filesystem.File) (inspection, error) {
	r, err := file.Reader.Open()
	if err != nil {
		return inspection{}, err
	}
	defer r.Close()

	head := make([]byte, 12)
	n, err := io.ReadFull(r, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return inspection{}, err
	}
	head = head[:n]

	hash := sha256.New()
	hash.Write(head)
	rest, err := io.Copy(hash, r)
	if err != nil {
		return inspection{}, err
	}
	return inspection{
		contentType: Sniff(head),
		sha256:      hex.EncodeToString(hash.Sum(nil)),
		size:        int64(n) + rest,
	}, nil
}
