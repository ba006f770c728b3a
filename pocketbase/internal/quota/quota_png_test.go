package quota_test

import (
	"image"
	"image/png"
	"io"
)

func encodePNG(w io.Writer) error {
	return png.Encode(w, image.NewGray(image.Rect(0, 0, 4, 4)))
}
