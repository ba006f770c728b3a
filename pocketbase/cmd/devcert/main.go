// Command devcert writes a fresh self-signed certificate for 127.0.0.1,
// ::1 and localhost (ECDSA P-256, valid for a day by default) into a
// directory, for the tests and benchmarks that run the server over https
// (scripts/lib/devcert.js runs it with `go run`). It prints one JSON line:
// the two file paths and the public key's SHA-256 (base64).
package main

import (
	"encoding/json"
	"flag"
	"log"
	"os"
	"time"

	"dukcapil-daring/server/internal/devcert"
)

func main() {
	dir := flag.String("dir", "", "directory to write cert.pem and key.pem into (must exist)")
	validity := flag.Duration("validity", 24*time.Hour, "how long the certificate is valid")
	flag.Parse()
	if *dir == "" {
		log.Fatal("devcert: -dir is required")
	}
	cert, err := devcert.Generate(*validity)
	if err != nil {
		log.Fatal(err)
	}
	certFile, keyFile, err := cert.Write(*dir)
	if err != nil {
		log.Fatal(err)
	}
	_ = json.NewEncoder(os.Stdout).Encode(map[string]string{"certFile": certFile, "keyFile": keyFile, "spkiHash": cert.SPKIHash})
}
