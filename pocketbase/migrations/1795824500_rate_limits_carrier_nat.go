package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// CarrierNATRateLimitRules replace PocketBase's per-address rules of the
// same labels. Hundreds of residents share one address behind a mobile
// carrier's NAT, so what PocketBase counts per address is only a high
// ceiling now: signed-in requests are limited per account and sign-in and
// recovery attempts per identity by internal/limits. Guests keep a
// per-address limit (registration, 200 per 10 minutes, well above a busy
// carrier address in normal use), and the realtime stream is not counted.
var CarrierNATRateLimitRules = []core.RateLimitRule{
	{Label: "GET /api/realtime", MaxRequests: 1_000_000, Duration: 1},
	{Label: "*:auth", MaxRequests: 600, Duration: 60},
	{Label: "users:create", MaxRequests: 200, Duration: 600, Audience: core.RateLimitRuleAudienceGuest},
	{Label: "*:requestOTP", MaxRequests: 120, Duration: 60},
	{Label: "*:requestPasswordReset", MaxRequests: 120, Duration: 60},
	{Label: "*:requestVerification", MaxRequests: 120, Duration: 60},
	{Label: "*:requestEmailChange", MaxRequests: 120, Duration: 60},
	{Label: "*:create", MaxRequests: 200, Duration: 5, Audience: core.RateLimitRuleAudienceGuest},
	{Label: "/api/", MaxRequests: 3000, Duration: 10, Audience: core.RateLimitRuleAudienceGuest},
}

func init() {
	m.Register(func(app core.App) error {
		settings := app.Settings()
		settings.RateLimits.Rules = mergeRules(settings.RateLimits.Rules, CarrierNATRateLimitRules)
		return app.Save(settings)
	}, func(app core.App) error {
		settings := app.Settings()
		settings.RateLimits.Rules = RateLimitRules
		return app.Save(settings)
	})
}

// mergeRules returns rules with each rule of replace put in place of the
// rule of the same label (kept in their order, so the first match stays
// the same), and the others added in front, most specific first.
func mergeRules(rules, replace []core.RateLimitRule) []core.RateLimitRule {
	byLabel := map[string]core.RateLimitRule{}
	for _, r := range replace {
		byLabel[r.Label] = r
	}
	var added []core.RateLimitRule
	for _, r := range replace {
		found := false
		for _, old := range rules {
			found = found || old.Label == r.Label
		}
		if !found {
			added = append(added, r)
		}
	}
	out := append([]core.RateLimitRule{}, added...)
	for _, old := range rules {
		if r, ok := byLabel[old.Label]; ok {
			out = append(out, r)
		} else {
			out = append(out, old)
		}
	}
	return out
}
