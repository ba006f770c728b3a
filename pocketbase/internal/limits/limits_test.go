package limits_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"golang.org/x/crypto/bcrypt"

	"dukcapil-daring/server/internal/limits"
	"dukcapil-daring/server/internal/servertest"
	"dukcapil-daring/server/internal/testapp"
)

func TestMain(m *testing.M) {
	os.Exit(testapp.Run(m))
}

// carrierAddress is the one public address of a mobile carrier's NAT.
const carrierAddress = "114.125.7.9:40000"

// router builds the app's router as `serve` does.
func router(t *testing.T, app core.App) http.Handler {
	t.Helper()
	r, err := apis.NewRouter(app)
	if err != nil {
		t.Fatal(err)
	}
	if err := app.OnServe().Trigger(&core.ServeEvent{App: app, Router: r}, func(*core.ServeEvent) error { return nil }); err != nil {
		t.Fatal(err)
	}
	mux, err := r.BuildMux()
	if err != nil {
		t.Fatal(err)
	}
	return mux
}

// call makes one request from the carrier address.
func call(h http.Handler, ctx context.Context, method, url, token, body string) *httptest.ResponseRecorder {
	req := httptest.NewRequestWithContext(ctx, method, url, strings.NewReader(body))
	req.RemoteAddr = carrierAddress
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", token)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

const password = "rahasia-banget-123"

// residents stores n residents whose password hash is cheap to check
// (bcrypt cost 4), so that n sign-ins cost milliseconds, not minutes.
func residents(t *testing.T, app core.App, n int) []string {
	t.Helper()
	hash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.MinCost)
	if err != nil {
		t.Fatal(err)
	}
	users, err := app.FindCollectionByNameOrId("users")
	if err != nil {
		t.Fatal(err)
	}
	emails := make([]string, n)
	err = app.RunInTransaction(func(tx core.App) error {
		for i := range n {
			u := core.NewRecord(users)
			emails[i] = fmt.Sprintf("warga%03d@contoh.id", i)
			u.SetEmail(emails[i])
			u.SetRaw("password", &core.PasswordFieldValue{Hash: string(hash)})
			u.SetVerified(true)
			u.Set("name", fmt.Sprintf("Warga %d", i))
			u.Set("nik", fmt.Sprintf("647105%02d0590%04d", 1+i%28, 1000+i))
			if err := tx.Save(u); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return emails
}

// TestCarrierNAT: 400 residents behind one address open the app in the
// same minute: each signs in, opens the realtime stream, subscribes and
// lists their applications. Not one request is refused. Meanwhile the
// limits still bite where they should: one identity guessed at is
// refused, and so is one account flooding, while the others go on.
func TestCarrierNAT(t *testing.T) {
	app := testapp.New(t)
	defer app.Cleanup()
	emails := residents(t, app, 400)
	servertest.RegisterHooks(app)
	h := router(t, app)

	stream, cancel := context.WithCancel(context.Background())
	cancel() // the stream request returns once it has connected

	refused := 0
	check := func(what string, rec *httptest.ResponseRecorder) {
		if rec.Code == http.StatusTooManyRequests {
			refused++
			if refused <= 5 {
				t.Errorf("%s: 429 %s", what, rec.Body.String())
			}
		}
	}
	for i, email := range emails {
		rec := call(h, context.Background(), http.MethodPost, "/api/collections/users/auth-with-password", "",
			fmt.Sprintf(`{"identity":%q,"password":%q}`, email, password))
		check(fmt.Sprintf("sign-in %d", i), rec)
		var auth struct{ Token string }
		_ = json.Unmarshal(rec.Body.Bytes(), &auth)
		if rec.Code != http.StatusOK || auth.Token == "" {
			t.Fatalf("sign-in %d: %d %s", i, rec.Code, rec.Body.String())
		}
		check("realtime stream", call(h, stream, http.MethodGet, "/api/realtime", "", ""))
		check("subscribe", call(h, context.Background(), http.MethodPost, "/api/realtime", auth.Token,
			`{"clientId":"gone","subscriptions":["applications"]}`))
		for range 3 {
			rec := call(h, context.Background(), http.MethodGet, "/api/collections/applications/records?perPage=50", auth.Token, "")
			check("list", rec)
			if rec.Code != http.StatusOK {
				t.Fatalf("list: %d %s", rec.Code, rec.Body.String())
			}
		}
	}
	if refused > 0 {
		t.Fatalf("%d requests of 400 residents behind one address were refused", refused)
	}

	// one identity guessed at: refused after its burst, the others not
	guess := fmt.Sprintf(`{"identity":%q,"password":"salah"}`, emails[7])
	codes := map[int]int{}
	for range limits.DefaultIdentity.Burst + 2 { // its sign-in above succeeded, so it took no token
		codes[call(h, context.Background(), http.MethodPost, "/api/collections/users/auth-with-password", "", guess).Code]++
	}
	if codes[http.StatusTooManyRequests] != 2 {
		t.Errorf("guessing one identity: %v, want the last 2 refused", codes)
	}
	rec := call(h, context.Background(), http.MethodPost, "/api/collections/users/auth-with-password", "",
		fmt.Sprintf(`{"identity":%q,"password":%q}`, emails[8], password))
	if rec.Code != http.StatusOK {
		t.Errorf("another resident's sign-in after the guessing: %d", rec.Code)
	}
	if rec := call(h, context.Background(), http.MethodPost, "/api/collections/users/auth-with-password", "",
		fmt.Sprintf(`{"identity":" %s","password":"salah"}`, strings.ToUpper(emails[7]))); rec.Code != http.StatusTooManyRequests {
		t.Errorf("the same identity in capitals: %d, want 429", rec.Code)
	}

	// only failures count: one person signing in again and again (a staff member
	// through the day) is never refused
	for i := range 3 * limits.DefaultIdentity.Burst {
		rec := call(h, context.Background(), http.MethodPost, "/api/collections/users/auth-with-password", "",
			fmt.Sprintf(`{"identity":%q,"password":%q}`, emails[9], password))
		if rec.Code != http.StatusOK {
			t.Fatalf("successful sign-in %d of one identity: %d, want 200", i+1, rec.Code)
		}
	}
}

// TestAccountLimit: one account's flood is refused with Retry-After; the
// stream is never counted.
func TestAccountLimit(t *testing.T) {
	app := testapp.New(t)
	defer app.Cleanup()
	servertest.RegisterHooks(app)
	h := router(t, app)
	token := testapp.AuthHeader(t, testapp.ResidentA)["Authorization"]
	other := testapp.AuthHeader(t, testapp.ResidentB)["Authorization"]

	var last *httptest.ResponseRecorder
	sent := 0
	for sent < 2*limits.DefaultAccount.Burst {
		sent++
		last = call(h, context.Background(), http.MethodGet, "/api/collections/notifications/records", token, "")
		if last.Code == http.StatusTooManyRequests {
			break
		}
	}
	if last.Code != http.StatusTooManyRequests || last.Header().Get("Retry-After") == "" || sent <= limits.DefaultAccount.Burst {
		t.Fatalf("request %d of one account: %d (Retry-After %q), want 429 with Retry-After after the burst",
			sent, last.Code, last.Header().Get("Retry-After"))
	}
	if rec := call(h, context.Background(), http.MethodGet, "/api/collections/notifications/records", other, ""); rec.Code != http.StatusOK {
		t.Errorf("another account from the same address: %d", rec.Code)
	}
	stream, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	if rec := call(h, stream, http.MethodGet, "/api/realtime", token, ""); rec.Code == http.StatusTooManyRequests {
		t.Error("the realtime stream was counted")
	}
}

func TestKeyedDropsIdleBuckets(t *testing.T) {
	now := time.Unix(0, 0)
	k := limits.NewKeyed(limits.Rule{Every: time.Second, Burst: 2}, func() time.Time { return now })
	for i := range 1000 {
		k.Allow(fmt.Sprint(i))
	}
	now = now.Add(10 * time.Minute)
	k.Allow("new")
	if n := k.Len(); n != 1 {
		t.Errorf("%d buckets after every other went idle, want 1", n)
	}
}
