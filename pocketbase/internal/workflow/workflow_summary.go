package workflow

import (
	"fmt"
	"html"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"dukcapil-daring/server/internal/catalog"
	"dukcapil-daring/server/internal/collections"
)

// wita is the office's time (Asia/Makassar: UTC+8, no daylight saving time).
var wita = time.FixedZone("WITA", 8*60*60)

// summaryHTML is the summary that staff read on the application in the
// dashboard (an editor field, rendered as HTML by its record panel): the
// service, what changed in the last correction, every answer under its
// step with the catalog's Indonesian labels and readable values, and the
// documents, with those the resident replaced.
func summaryHTML(tx core.App, record *core.Record, answers map[string]any, documents []*core.Record, changes string) (string, error) {
	service := record.GetString("service")
	s, ok := catalog.Online(service)
	if !ok {
		return "", nil
	}
	var b strings.Builder
	esc := html.EscapeString
	fmt.Fprintf(&b, "<p><strong>%s</strong>", esc(s.Name.ID))
	if n := record.GetInt("revision"); n > 0 {
		fmt.Fprintf(&b, " (perbaikan ke-%d)", n)
	}
	b.WriteString("</p>")
	if changes != "" {
		fmt.Fprintf(&b, "<p><strong>Perbaikan:</strong> %s</p>", esc(changes))
	}

	step := ""
	for _, row := range catalog.Summary(service, answers) {
		if row.Step != step {
			if step != "" {
				b.WriteString("</tbody></table>")
			}
			step = row.Step
			fmt.Fprintf(&b, "<h4>%s</h4><table><tbody>", esc(step))
		}
		value := "<em>tidak diisi</em>"
		if row.Value != "" {
			value = strings.ReplaceAll(esc(row.Value), "\n", "<br>")
		}
		fmt.Fprintf(&b, "<tr><th>%s</th><td>%s</td></tr>", esc(row.Label), value)
	}
	if step != "" {
		b.WriteString("</tbody></table>")
	}

	b.WriteString("<h4>Dokumen</h4><ul>")
	count := map[string]int{}
	for _, d := range documents {
		count[d.GetString("kind")]++
	}
	for _, d := range s.Documents {
		if n := count[d.Code]; n > 0 {
			fmt.Fprintf(&b, "<li>%s: %d berkas</li>", esc(d.Name.ID), n)
		}
	}
	b.WriteString("</ul>")

	superseded, err := supersededDocuments(tx, record.Id)
	if err != nil {
		return "", err
	}
	if len(superseded) > 0 {
		b.WriteString("<p>Diganti atau dihapus oleh pemohon (tetap disimpan):</p><ul>")
		for _, d := range superseded {
			at := d.GetDateTime(supersededAtField).Time().In(wita)
			fmt.Fprintf(&b, "<li>%s (%s %s WITA)</li>", esc(requirementName(s, d.GetString("kind"))),
				esc(catalog.FormatDateID(at.Format(time.DateOnly))), at.Format("15.04"))
		}
		b.WriteString("</ul>")
	}
	return b.String(), nil
}

// correctionNote says what a resubmission after needs_revision changed: the
// questions whose answers changed (by their labels) and the documents
// replaced, removed, added or with pages moved since the application was
// last sent.
func correctionNote(tx core.App, before, record *core.Record, documents []*core.Record) (string, error) {
	service := record.GetString("service")
	s, ok := catalog.Online(service)
	if !ok {
		return "", nil
	}
	old, answers := answersOf(before), answersOf(record)
	var fields []string
	for _, step := range s.Steps {
		for _, f := range step.Fields {
			if !reflect.DeepEqual(old[f.Name], answers[f.Name]) {
				fields = append(fields, f.Label.ID)
			}
		}
	}
	since := before.GetDateTime("submitted")
	superseded, err := supersededDocuments(tx, record.Id)
	if err != nil {
		return "", err
	}
	var replaced, added, reordered []string
	for _, d := range superseded {
		if d.GetDateTime(supersededAtField).After(since) {
			replaced = append(replaced, requirementName(s, d.GetString("kind")))
		}
	}
	for _, d := range documents {
		name := requirementName(s, d.GetString("kind"))
		switch {
		case since.IsZero():
		case d.GetDateTime("created").After(since):
			added = append(added, name)
		case d.GetDateTime("updated").After(since) && !slices.Contains(reordered, name):
			// a file the office had, changed since: moved to another page
			reordered = append(reordered, name)
		}
	}

	var parts []string
	if len(fields) > 0 {
		parts = append(parts, "jawaban diubah: "+strings.Join(fields, ", "))
	}
	if len(replaced) > 0 {
		parts = append(parts, "dokumen diganti atau dihapus: "+strings.Join(replaced, ", "))
	}
	if len(added) > 0 {
		parts = append(parts, "dokumen baru: "+strings.Join(added, ", "))
	}
	if len(reordered) > 0 {
		parts = append(parts, "urutan halaman diubah: "+strings.Join(reordered, ", "))
	}
	if len(parts) == 0 {
		return "Dikirim ulang tanpa perubahan.", nil
	}
	text := strings.Join(parts, "; ") + "."
	return strings.ToUpper(text[:1]) + text[1:], nil
}

// supersededDocuments returns the documents of an application that the
// resident replaced or removed, oldest first.
func supersededDocuments(tx core.App, application string) ([]*core.Record, error) {
	return tx.FindRecordsByFilter(collections.Documents, "application = {:id} && superseded = true", "superseded_at", 0, 0,
		dbx.Params{"id": application})
}

// requirementName is the Indonesian name of a document requirement of the
// service, or its code.
func requirementName(s *catalog.Service, code string) string {
	if d := s.Requirement(code); d != nil {
		return d.Name.ID
	}
	return code
}
