// Package devcert makes a throw-away self-signed TLS certificate (ECDSA
// P-256) for the tests and the benchmarks, so that the server can be run
// over https on loopback without a certificate of the office's. It is
// never used by the server itself: production certificates are files
// given by the office (see internal/deploy) or PocketBase's autocert.
package devcert

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"time"
)

// Hosts are the names the certificate is valid for.
var Hosts = []string{"127.0.0.1", "::1", "localhost"}

// Cert is a generated certificate and its key, PEM-encoded.
type Cert struct {
	CertPEM []byte
	KeyPEM  []byte
	// SPKIHash is the base64 SHA-256 of the certificate's public key
	// (what Chromium's --ignore-certificate-errors-spki-list takes).
	SPKIHash string
}

// Generate makes a self-signed certificate for Hosts, valid from a minute
// ago for validity.
func Generate(validity time.Duration) (Cert, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return Cert{}, err
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 120))
	if err != nil {
		return Cert{}, err
	}
	now := time.Now()
	template := &x509.Certificate{
		SerialNumber:          serial,
		Subject:               pkix.Name{CommonName: "Dukcapil Daring test server"},
		NotBefore:             now.Add(-time.Minute),
		NotAfter:              now.Add(validity),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true, // its own root, so a client can trust it as one
	}
	for _, host := range Hosts {
		if ip := net.ParseIP(host); ip != nil {
			template.IPAddresses = append(template.IPAddresses, ip)
		} else {
			template.DNSNames = append(template.DNSNames, host)
		}
	}
	der, err := x509.CreateCertificate(rand.Reader, template, template, &key.PublicKey, key)
	if err != nil {
		return Cert{}, err
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return Cert{}, err
	}
	spki, err := x509.MarshalPKIXPublicKey(&key.PublicKey)
	if err != nil {
		return Cert{}, err
	}
	hash := sha256.Sum256(spki)
	return Cert{
		CertPEM:  pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		KeyPEM:   pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}),
		SPKIHash: base64.StdEncoding.EncodeToString(hash[:]),
	}, nil
}

// Write writes the certificate and its key into dir as cert.pem and
// key.pem (the key readable by the owner only) and returns their paths.
func (c Cert) Write(dir string) (certFile, keyFile string, err error) {
	certFile = filepath.Join(dir, "cert.pem")
	keyFile = filepath.Join(dir, "key.pem")
	if err := os.WriteFile(certFile, c.CertPEM, 0o644); err != nil {
		return "", "", fmt.Errorf("devcert: %w", err)
	}
	if err := os.WriteFile(keyFile, c.KeyPEM, 0o600); err != nil {
		return "", "", fmt.Errorf("devcert: %w", err)
	}
	return certFile, keyFile, nil
}
