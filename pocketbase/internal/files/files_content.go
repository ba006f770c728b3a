package files

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"hash"
	"image"
	_ "image/jpeg" // DecodeConfig of JPEG headers
	_ "image/png"  // DecodeConfig of PNG headers
	"io"
	"path/filepath"
	"strings"

	"github.com/pocketbase/pocketbase/tools/filesystem"
	_ "golang.org/x/image/webp" // DecodeConfig of WebP headers
)

// Content types a document may have.
const (
	TypeJPEG = "image/jpeg"
	TypePNG  = "image/png"
	TypeWebP = "image/webp"
	TypePDF  = "application/pdf"
)

// MaxPixels bounds the pixel count of an uploaded image (50 MP). It is read
// from the image's header before anything decodes the image, so that a
// small file declaring a huge image (a decompression bomb) never reaches
// the thumbnail maker, which decodes an image whole.
const MaxPixels = 50_000_000

// ErrImageTooLarge is the error of an image over MaxPixels.
var ErrImageTooLarge = errors.New("the image has more pixels than allowed")

// ErrImageHeader is the error of an image whose header cannot be read.
var ErrImageHeader = errors.New("the image header cannot be read")

// extensions are the stored file extensions of the accepted types.
var extensions = map[string]string{TypeJPEG: ".jpg", TypePNG: ".png", TypeWebP: ".webp", TypePDF: ".pdf"}

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

// Extension returns the stored file extension of an accepted content type
// (".jpg", ".png", ".webp", ".pdf"), or "" for any other.
func Extension(contentType string) string {
	return extensions[contentType]
}

// StoredName returns name with its extension replaced by the one of
// contentType, so that a file is always stored (and later served) as the
// type its content is, whatever name it came with ("x.js" with a WebP
// content becomes "x.webp").
func StoredName(name, contentType string) string {
	ext := Extension(contentType)
	if ext == "" {
		return name
	}
	base := strings.TrimSuffix(name, filepath.Ext(name))
	if base == "" {
		base = "file"
	}
	return base + ext
}

// Inspection is what a document's content is.
type Inspection struct {
	// ContentType is the type by the first bytes ("" when not accepted).
	ContentType string
	// SHA256 is the lower-case hex SHA-256 of the whole content.
	SHA256 string
	// Size is the number of bytes.
	Size int64
	// Width and Height are an image's dimensions from its header (0 for a PDF).
	Width, Height int
	// ImageErr is ErrImageTooLarge or ErrImageHeader for an image refused
	// by its header, nil otherwise.
	ImageErr error
}

// hashingReader hashes and counts everything read through it.
type hashingReader struct {
	r    io.Reader
	hash hash.Hash
	n    int64
}

func (h *hashingReader) Read(p []byte) (int, error) {
	n, err := h.r.Read(p)
	h.hash.Write(p[:n])
	h.n += int64(n)
	return n, err
}

// Inspect reads a document once: its type by the first bytes, an image's
// dimensions from its header (bounded by MaxPixels, without decoding the
// pixels), its SHA-256 and its size. The tus upload completion and the
// multipart create both use it.
func Inspect(r io.Reader) (Inspection, error) {
	hr := &hashingReader{r: r, hash: sha256.New()}
	br := bufio.NewReaderSize(hr, 64<<10)

	head, err := br.Peek(12)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return Inspection{}, err
	}
	out := Inspection{ContentType: Sniff(head)}
	if out.ContentType != "" && out.ContentType != TypePDF {
		out.Width, out.Height, out.ImageErr = imageBounds(br)
	}
	if _, err := io.Copy(io.Discard, br); err != nil {
		return Inspection{}, err
	}
	out.SHA256 = hex.EncodeToString(hr.hash.Sum(nil))
	out.Size = hr.n
	return out, nil
}

// imageBounds reads an image's dimensions from its header and checks them
// against MaxPixels.
func imageBounds(r io.Reader) (int, int, error) {
	config, _, err := image.DecodeConfig(r)
	if err != nil {
		return 0, 0, ErrImageHeader
	}
	if config.Width <= 0 || config.Height <= 0 {
		return config.Width, config.Height, ErrImageHeader
	}
	if int64(config.Width)*int64(config.Height) > MaxPixels {
		return config.Width, config.Height, ErrImageTooLarge
	}
	return config.Width, config.Height, nil
}

// inspect inspects an uploaded file.
func inspect(file *filesystem.File) (Inspection, error) {
	r, err := file.Reader.Open()
	if err != nil {
		return Inspection{}, err
	}
	defer r.Close()
	return Inspect(r)
}
