package push_test

// A local push service for the tests: an HTTPS server that plays the part
// of FCM or Mozilla's autopush and of the browser behind it. It checks the
// VAPID Authorization header (RFC 8292) and decrypts the aes128gcm body
// (RFC 8291, RFC 8188) with the private key of the device subscription it
// was sent to. The decryption is written here from the RFCs with the
// standard library only, independently of the library the server uses, so
// that a message it opens is standards-conformant.

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"dukcapil-daring/server/internal/collections"
	"dukcapil-daring/server/internal/push"
)

// device is a browser push subscription: its endpoint on the local push
// service and the keys that only the browser holds.
type device struct {
	name     string
	endpoint string
	private  *ecdh.PrivateKey
	auth     []byte
}

// p256dh and authKey are the subscription keys as PushSubscription.toJSON
// gives them (base64url without padding).
func (d *device) p256dh() string {
	return base64.RawURLEncoding.EncodeToString(d.private.PublicKey().Bytes())
}
func (d *device) authKey() string { return base64.RawURLEncoding.EncodeToString(d.auth) }

// message is one request received by the local push service.
type message struct {
	device  string
	status  int // the status answered
	payload push.Payload
	raw     []byte // the decrypted plaintext
	header  http.Header
	err     error // what failed in the checks (nil: VAPID valid, decrypted)
}

// pushService is the local push service.
type pushService struct {
	server  *httptest.Server
	vapid   *ecdsa.PublicKey // the server's VAPID public key
	subject string

	// check is 1 to check every request, n to check every n-th (bench)
	check int

	mu       sync.Mutex
	devices  map[string]*device
	answers  map[string][]int // device → statuses to answer, in order, then 201
	received []message
	count    int
	delay    time.Duration // before answering
	header   http.Header   // added to every answer
}

// newPushService starts a local push service that expects requests signed
// with the VAPID keys.
func newPushService(t testing.TB, keys push.Keys) *pushService {
	t.Helper()

	raw, err := base64.RawURLEncoding.DecodeString(keys.Public)
	if err != nil {
		t.Fatal(err)
	}
	x, y := elliptic.Unmarshal(elliptic.P256(), raw) //nolint:staticcheck // only to build an ecdsa.PublicKey
	if x == nil {
		t.Fatal("bad VAPID public key")
	}

	s := &pushService{
		vapid:   &ecdsa.PublicKey{Curve: elliptic.P256(), X: x, Y: y},
		subject: keys.Subject,
		check:   1,
		devices: map[string]*device{},
		answers: map[string][]int{},
	}
	s.server = httptest.NewTLSServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.server.Close)
	return s
}

// transport returns a transport that trusts the service's certificate.
func (s *pushService) transport(workers int) http.RoundTripper {
	t := s.server.Client().Transport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = workers
	return t
}

// newDevice creates a browser subscription on the service.
func (s *pushService) newDevice(t testing.TB, name string) *device {
	t.Helper()

	d := newDeviceKeys(t, name, s.server.URL+"/wpush/v2/"+name)
	s.mu.Lock()
	s.devices[name] = d
	s.mu.Unlock()
	return d
}

// newDeviceKeys returns a device with new keys, as a browser makes them.
func newDeviceKeys(t testing.TB, name, endpoint string) *device {
	t.Helper()

	private, err := ecdh.P256().GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	auth := make([]byte, 16)
	_, _ = rand.Read(auth)
	return &device{name: name, endpoint: endpoint, private: private, auth: auth}
}

// answer makes the service answer the next requests to device with the
// given statuses (then 201 Created).
func (s *pushService) answer(device string, statuses ...int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.answers[device] = append(s.answers[device], statuses...)
}

// messages returns the requests received so far for device ("" for all).
func (s *pushService) messages(device string) []message {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []message
	for _, m := range s.received {
		if device == "" || m.device == device {
			out = append(out, m)
		}
	}
	return out
}

func (s *pushService) serve(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/wpush/v2/")
	body, _ := io.ReadAll(r.Body)

	s.mu.Lock()
	d := s.devices[name]
	status := http.StatusCreated
	if queue := s.answers[name]; len(queue) > 0 {
		status, s.answers[name] = queue[0], queue[1:]
	}
	s.count++
	checked := s.count%s.check == 0
	delay := s.delay
	for k, v := range s.header {
		w.Header()[k] = v
	}
	s.mu.Unlock()

	if d == nil {
		http.Error(w, "no such subscription", http.StatusGone)
		return
	}
	if delay > 0 {
		time.Sleep(delay)
	}

	m := message{device: name, status: status, header: r.Header.Clone()}
	if checked {
		m.err = s.verifyVAPID(r)
		if m.err == nil {
			m.raw, m.err = decrypt(d, r.Header, body)
		}
		if m.err == nil {
			m.err = json.Unmarshal(m.raw, &m.payload)
		}
	}

	s.mu.Lock()
	if checked {
		s.received = append(s.received, m)
	}
	s.mu.Unlock()

	if m.err != nil {
		// a real push service refuses a bad signature with 401/403
		http.Error(w, m.err.Error(), http.StatusForbidden)
		return
	}
	w.WriteHeader(status)
}

// verifyVAPID checks the header "Authorization: vapid t=<JWT>, k=<key>"
// (RFC 8292): k is the server's public key, the JWT is ES256-signed with
// it, aud is the origin of the endpoint, exp is in the next 24 hours and
// sub is a mailto: or https: URL (the configured subject).
func (s *pushService) verifyVAPID(r *http.Request) error {
	header := r.Header.Get("Authorization")
	if !strings.HasPrefix(header, "vapid ") {
		return fmt.Errorf("authorization %q is not vapid", header)
	}
	params := map[string]string{}
	for _, part := range strings.Split(strings.TrimPrefix(header, "vapid "), ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			return fmt.Errorf("bad vapid parameter %q", part)
		}
		params[k] = v
	}

	k, err := base64.RawURLEncoding.DecodeString(params["k"])
	if err != nil {
		return fmt.Errorf("k: %w", err)
	}
	x, y := elliptic.Unmarshal(elliptic.P256(), k) //nolint:staticcheck
	if x == nil || x.Cmp(s.vapid.X) != 0 || y.Cmp(s.vapid.Y) != 0 {
		return errors.New("k is not the server's VAPID public key")
	}

	parts := strings.Split(params["t"], ".")
	if len(parts) != 3 {
		return errors.New("t is not a JWS")
	}
	var head struct{ Typ, Alg string }
	if err := decodeSegment(parts[0], &head); err != nil {
		return fmt.Errorf("JWT header: %w", err)
	}
	if head.Alg != "ES256" {
		return fmt.Errorf("JWT alg %q, want ES256", head.Alg)
	}
	sig, err := base64.RawURLEncoding.DecodeString(parts[2])
	if err != nil || len(sig) != 64 {
		return errors.New("the JWT signature is not 64 bytes of r||s")
	}
	digest := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	if !ecdsa.Verify(s.vapid, digest[:], new(big.Int).SetBytes(sig[:32]), new(big.Int).SetBytes(sig[32:])) {
		return errors.New("the JWT signature does not verify with the VAPID public key")
	}

	var claims struct {
		Aud string `json:"aud"`
		Exp int64  `json:"exp"`
		Sub string `json:"sub"`
	}
	if err := decodeSegment(parts[1], &claims); err != nil {
		return fmt.Errorf("JWT claims: %w", err)
	}
	origin := "https://" + r.Host
	if claims.Aud != origin {
		return fmt.Errorf("aud %q, want the endpoint's origin %q", claims.Aud, origin)
	}
	exp := time.Unix(claims.Exp, 0)
	if now := time.Now(); !exp.After(now) || exp.After(now.Add(24*time.Hour)) {
		return fmt.Errorf("exp %s is not within the next 24 hours", exp)
	}
	if u, err := url.Parse(claims.Sub); err != nil || (u.Scheme != "mailto" && u.Scheme != "https") {
		return fmt.Errorf("sub %q is not a mailto: or https: URL", claims.Sub)
	}
	if claims.Sub != s.subject {
		return fmt.Errorf("sub %q, want %q", claims.Sub, s.subject)
	}
	return nil
}

func decodeSegment(segment string, v any) error {
	raw, err := base64.RawURLEncoding.DecodeString(segment)
	if err != nil {
		return err
	}
	return json.Unmarshal(raw, v)
}

// decrypt opens an aes128gcm Web Push message as the browser does
// (RFC 8291 §3.3-3.4 key derivation, RFC 8188 content coding).
func decrypt(d *device, header http.Header, body []byte) ([]byte, error) {
	if ce := header.Get("Content-Encoding"); ce != "aes128gcm" {
		return nil, fmt.Errorf("Content-Encoding %q, want aes128gcm", ce)
	}
	// header block: salt(16) | rs(4) | idlen(1) | keyid(idlen)
	if len(body) < 21 {
		return nil, errors.New("body too short")
	}
	salt := body[:16]
	rs := binary.BigEndian.Uint32(body[16:20])
	idlen := int(body[20])
	if idlen != 65 || len(body) < 21+idlen {
		return nil, fmt.Errorf("keyid of %d bytes, want the 65-byte application server key", idlen)
	}
	asPublicRaw := body[21 : 21+idlen]
	ciphertext := body[21+idlen:]
	if rs < 18 || uint32(len(ciphertext)) > rs {
		return nil, fmt.Errorf("one record of at most rs=%d bytes expected, got %d", rs, len(ciphertext))
	}

	asPublic, err := ecdh.P256().NewPublicKey(asPublicRaw)
	if err != nil {
		return nil, fmt.Errorf("application server key: %w", err)
	}
	ecdhSecret, err := d.private.ECDH(asPublic)
	if err != nil {
		return nil, err
	}

	// IKM = HKDF(auth_secret, ecdh_secret, "WebPush: info" || 0x00 || ua_public || as_public, 32)
	keyInfo := append(append([]byte("WebPush: info\x00"), d.private.PublicKey().Bytes()...), asPublicRaw...)
	ikm, err := hkdf.Key(sha256.New, ecdhSecret, d.auth, string(keyInfo), 32)
	if err != nil {
		return nil, err
	}
	// PRK = HKDF-Extract(salt, IKM); CEK and NONCE by HKDF-Expand
	prk, err := hkdf.Extract(sha256.New, ikm, salt)
	if err != nil {
		return nil, err
	}
	cek, err := hkdf.Expand(sha256.New, prk, "Content-Encoding: aes128gcm\x00", 16)
	if err != nil {
		return nil, err
	}
	nonce, err := hkdf.Expand(sha256.New, prk, "Content-Encoding: nonce\x00", 12)
	if err != nil {
		return nil, err
	}

	block, err := aes.NewCipher(cek)
	if err != nil {
		return nil, err
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	plain, err := gcm.Open(nil, nonce, ciphertext, nil)
	if err != nil {
		return nil, fmt.Errorf("AES-GCM: %w", err)
	}

	// the last (only) record ends with 0x02 followed by zero padding
	end := len(plain) - 1
	for end >= 0 && plain[end] == 0 {
		end--
	}
	if end < 0 || plain[end] != 0x02 {
		return nil, errors.New("no last-record padding delimiter 0x02")
	}
	return plain[:end], nil
}

// subscribe stores d as a push subscription of owner, as the app does.
func subscribe(t testing.TB, app core.App, owner string, d *device) *core.Record {
	t.Helper()

	c, err := app.FindCollectionByNameOrId(collections.PushSubscriptions)
	if err != nil {
		t.Fatal(err)
	}
	r := core.NewRecord(c)
	r.Load(map[string]any{
		"owner": owner, "endpoint": d.endpoint, "p256dh": d.p256dh(), "auth": d.authKey(),
		"user_agent": "Mozilla/5.0 (Linux; Android 14) test " + d.name,
	})
	if err := app.Save(r); err != nil {
		t.Fatalf("subscribe %s: %v", d.name, err)
	}
	return r
}

// statusText is a compact form of a list of answered statuses.
func statusText(ms []message) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = strconv.Itoa(m.status)
	}
	return strings.Join(parts, ",")
}
