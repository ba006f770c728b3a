package limits

import (
	"net/http"
	"strings"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
)

// BaseBodySize is what a record request needs besides its files and JSON
// fields (the text fields and the multipart framing).
const BaseBodySize = 256 << 10

// staffOnlyFields are file fields that only staff fill: their size does not
// count in the body limit of the residents' requests. The finished PDFs
// (up to 10 × 20 MB) would otherwise let a resident send 200 MB of answers.
var staffOnlyFields = map[string]bool{"applications.results": true}

const bodyHookId = "dukcapilBodyLimit"

// RegisterBodyLimit bounds the body of the record requests of everyone but
// staff by what the collection needs: BaseBodySize plus the size of each
// JSON field and of each file field a resident may fill (max size × max
// files). PocketBase's own limit adds every file field, staff's included.
func RegisterBodyLimit(app core.App) {
	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Id: bodyHookId,
		Func: func(e *core.ServeEvent) error {
			e.Router.Bind(&hook.Handler[*core.RequestEvent]{
				Id:       bodyHookId,
				Priority: Priority - 1,
				Func:     bodyLimit,
			})
			return e.Next()
		},
	})
}

// ResidentBodyLimit is the body limit of a resident's record request to
// collection.
func ResidentBodyLimit(collection *core.Collection) int64 {
	limit := int64(BaseBodySize)
	for _, f := range collection.Fields {
		switch field := f.(type) {
		case *core.FileField:
			if !staffOnlyFields[collection.Name+"."+field.Name] {
				limit += field.CalculateMaxBodySize()
			}
		case *core.JSONField:
			limit += field.CalculateMaxBodySize()
		}
	}
	return limit
}

func bodyLimit(e *core.RequestEvent) error {
	if e.Request.Body == nil || e.HasSuperuserAuth() {
		return e.Next()
	}
	parts := strings.Split(strings.TrimPrefix(e.Request.URL.Path, "/api/collections/"), "/")
	if len(parts) < 2 || parts[1] != "records" || parts[0] == "" || !strings.HasPrefix(e.Request.URL.Path, "/api/collections/") {
		return e.Next()
	}
	collection, err := e.App.FindCachedCollectionByNameOrId(parts[0])
	if err != nil {
		return e.Next() // the handler answers 404
	}
	limit := ResidentBodyLimit(collection)
	if e.Request.ContentLength > limit {
		return e.Error(http.StatusRequestEntityTooLarge, "Request entity too large.", nil)
	}
	e.Request.Body = http.MaxBytesReader(e.Response, e.Request.Body, limit)
	return e.Next()
}
