package seed

import (
	"fmt"
	"io"
	"strings"
)

// printResult tells the operator where the app is and, on the first start,
// the demo credentials.
func printResult(w io.Writer, baseURL string, result Result) {
	rule := strings.Repeat("─", 72)
	lines := []string{
		"",
		rule,
		" Dukcapil Daring — demo mode (start with --demo=false in production)",
		"   App:        " + baseURL + "/",
		"   Dashboard:  " + baseURL + "/_/",
	}

	switch {
	case result.Seeded:
		lines = append(lines,
			"",
			" The demo was seeded now. These passwords are shown ONCE and stored nowhere:",
			fmt.Sprintf("   Staff (superuser):  %s   password: %s", StaffEmail, result.StaffPassword),
			fmt.Sprintf("   Demo resident:      %s  password: %s", ResidentEmail, result.ResidentPassword),
		)
	case result.StaffExists:
		lines = append(lines,
			"",
			" The demo was already seeded; its passwords were printed on the first start only.",
			"   To reset the staff account: pocketbase superuser upsert "+StaffEmail+" NEW_PASSWORD",
		)
	default:
		lines = append(lines,
			"",
			" A superuser already exists, so no demo accounts were created.",
		)
	}

	lines = append(lines, rule, "")
	fmt.Fprintln(w, strings.Join(lines, "\n"))
}
