package push

import (
	"bytes"
	"crypto/ecdh"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/pocketbase/pocketbase/core"
)

// Keys is a VAPID key pair with its subject.
type Keys struct {
	// Public is the base64url (unpadded) uncompressed P-256 point; the app
	// passes it to PushManager.subscribe as applicationServerKey.
	Public string
	// Private is the base64url (unpadded) 32-byte private scalar.
	Private string
	// Subject is the "sub" claim: a mailto: or https: URL.
	Subject string
}

// keyFile is the JSON layout of the key file.
type keyFile struct {
	PublicKey  string `json:"publicKey"`
	PrivateKey string `json:"privateKey"`
}

// ResolveKeys returns the key pair of config: the configured pair when
// given, otherwise the one in config.KeyFile (default <dataDir>/vapid.json),
// generated and saved there when the file does not exist yet.
func ResolveKeys(app core.App, config Config) (Keys, error) {
	subject := config.Subject
	if subject == "" {
		subject = DefaultSubject
	}
	if err := checkSubject(subject); err != nil {
		return Keys{}, err
	}

	if config.PublicKey != "" || config.PrivateKey != "" {
		if config.PublicKey == "" || config.PrivateKey == "" {
			return Keys{}, fmt.Errorf("set both %s and %s, or neither", EnvPublicKey, EnvPrivateKey)
		}
		keys, err := ParseKeys(config.PublicKey, config.PrivateKey)
		if err != nil {
			return Keys{}, fmt.Errorf("the configured VAPID keys: %w", err)
		}
		keys.Subject = subject
		return keys, nil
	}

	path := config.KeyFile
	if path == "" {
		path = filepath.Join(app.DataDir(), KeyFileName)
	}
	keys, created, err := LoadOrCreateKeyFile(path)
	if err != nil {
		return Keys{}, err
	}
	if created {
		app.Logger().Info("push: generated the VAPID key pair", "file", path, "publicKey", keys.Public)
	}
	keys.Subject = subject
	return keys, nil
}

// LoadOrCreateKeyFile reads the key pair of the JSON file at path, or, when
// there is no such file, generates a pair and writes it there with mode
// 0600; created tells which. A readable file is also narrowed to 0600.
func LoadOrCreateKeyFile(path string) (keys Keys, created bool, err error) {
	data, err := os.ReadFile(path)
	if err == nil {
		var f keyFile
		if err := json.Unmarshal(data, &f); err != nil {
			return Keys{}, false, fmt.Errorf("read %s: %w", path, err)
		}
		keys, err := ParseKeys(f.PublicKey, f.PrivateKey)
		if err != nil {
			return Keys{}, false, fmt.Errorf("read %s: %w", path, err)
		}
		if info, err := os.Stat(path); err == nil && info.Mode().Perm()&0o077 != 0 {
			_ = os.Chmod(path, 0o600)
		}
		return keys, false, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return Keys{}, false, err
	}

	keys, err = GenerateKeys()
	if err != nil {
		return Keys{}, false, err
	}
	data, err = json.MarshalIndent(keyFile{PublicKey: keys.Public, PrivateKey: keys.Private}, "", "  ")
	if err != nil {
		return Keys{}, false, err
	}
	if err := writeFileAtomic(path, append(data, '\n'), 0o600); err != nil {
		return Keys{}, false, fmt.Errorf("save the VAPID keys: %w", err)
	}
	return keys, true, nil
}

// GenerateKeys returns a new random VAPID key pair (without subject).
func GenerateKeys() (Keys, error) {
	private, err := ecdh.P256().GenerateKey(rand.Reader)
	if err != nil {
		return Keys{}, err
	}
	return Keys{
		Public:  base64.RawURLEncoding.EncodeToString(private.PublicKey().Bytes()),
		Private: base64.RawURLEncoding.EncodeToString(private.Bytes()),
	}, nil
}

// ParseKeys checks that public and private (base64url, padded or not) form
// a P-256 key pair and returns them in the unpadded form.
func ParseKeys(public, private string) (Keys, error) {
	pub, err := decodeBase64URL(public)
	if err != nil {
		return Keys{}, fmt.Errorf("public key: %w", err)
	}
	priv, err := decodeBase64URL(private)
	if err != nil {
		return Keys{}, fmt.Errorf("private key: %w", err)
	}
	key, err := ecdh.P256().NewPrivateKey(priv)
	if err != nil {
		return Keys{}, fmt.Errorf("private key: not a P-256 scalar: %w", err)
	}
	if !bytes.Equal(key.PublicKey().Bytes(), pub) {
		return Keys{}, errors.New("the public key does not belong to the private key")
	}
	return Keys{
		Public:  base64.RawURLEncoding.EncodeToString(pub),
		Private: base64.RawURLEncoding.EncodeToString(priv),
	}, nil
}

// decodeBase64URL decodes base64url with or without padding.
func decodeBase64URL(s string) ([]byte, error) {
	return base64.RawURLEncoding.DecodeString(strings.TrimRight(strings.TrimSpace(s), "="))
}

// checkSubject accepts a mailto: or https: URL.
func checkSubject(subject string) error {
	if strings.HasPrefix(subject, "mailto:") && len(subject) > len("mailto:") {
		return nil
	}
	if strings.HasPrefix(subject, "https://") && len(subject) > len("https://") {
		return nil
	}
	return fmt.Errorf("the VAPID subject %q must be a mailto: or https:// URL", subject)
}

// writeFileAtomic writes data to a temporary file beside path with the
// given mode and renames it to path.
func writeFileAtomic(path string, data []byte, mode os.FileMode) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
