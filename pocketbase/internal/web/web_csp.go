package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"strings"

	"golang.org/x/net/html"
)

// contentSecurityPolicy returns the policy of the app's pages, allowing the
// inline scripts with the given CSP hash sources (e.g. 'sha256-…').
func contentSecurityPolicy(scriptHashes []string) string {
	scriptSrc := append([]string{"'self'"}, scriptHashes...)

	return strings.Join([]string{
		"default-src 'self'",
		"script-src " + strings.Join(scriptSrc, " "),
		"style-src 'self' 'unsafe-inline'",
		"img-src 'self' blob: data:",
		"font-src 'self'",
		"connect-src 'self'",
		"worker-src 'self'",
		"manifest-src 'self'",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
		"frame-ancestors 'none'",
	}, "; ")
}

// inlineScriptHashes returns the CSP hash source of every inline <script>
// of page (scripts with a src attribute are covered by 'self'), in document
// order and without duplicates. The hash is taken over the script text as
// the browser sees it (newlines normalised by the HTML tokenizer).
func inlineScriptHashes(page []byte) []string {
	var hashes []string
	seen := map[string]bool{}

	z := html.NewTokenizer(bytes.NewReader(page))
	inScript := false
	for {
		switch z.Next() {
		case html.ErrorToken:
			return hashes
		case html.StartTagToken:
			name, hasAttr := z.TagName()
			inScript = string(name) == "script" && !hasSrc(z, hasAttr)
		case html.EndTagToken:
			inScript = false
		case html.TextToken:
			if !inScript {
				continue
			}
			text := z.Text()
			if len(bytes.TrimSpace(text)) == 0 {
				continue
			}
			sum := sha256.Sum256(text)
			hash := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
			if !seen[hash] {
				seen[hash] = true
				hashes = append(hashes, hash)
			}
		}
	}
}

// hasSrc reads the attributes of the current start tag and reports whether
// one of them is src.
func hasSrc(z *html.Tokenizer, hasAttr bool) bool {
	for hasAttr {
		var key []byte
		key, _, hasAttr = z.TagAttr()
		if string(key) == "src" {
			return true
		}
	}
	return false
}
