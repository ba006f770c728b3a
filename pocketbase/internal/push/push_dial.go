package push

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"syscall"
	"time"
)

// Timeouts of the guarded transport: a push service answers within
// moments, and a slow one must not hold a sender.
const (
	dialTimeout           = 5 * time.Second
	tlsHandshakeTimeout   = 5 * time.Second
	responseHeaderTimeout = 5 * time.Second
)

// ErrInwardAddress is the error of a connection refused because its
// address, after name resolution, is inside the server's own network.
var ErrInwardAddress = errors.New("the push endpoint resolves to an address inside the server's network")

// ErrRedirect is the error of a push service that answered with a
// redirect: the sender follows none.
var ErrRedirect = errors.New("the push endpoint answered with a redirect")

// CheckAddress returns ErrInwardAddress for an address that a push service
// cannot have: loopback (unless allowLoopback, for the tests' stand-in push
// service), private (RFC 1918, RFC 4193), link-local (169.254.0.0/16, which
// holds the cloud metadata services, fe80::/10), multicast, unspecified,
// and the shared, benchmarking and reserved ranges. IPv4-mapped IPv6
// addresses are judged as the IPv4 address they carry.
func CheckAddress(ip netip.Addr, allowLoopback bool) error {
	ip = ip.Unmap()
	switch {
	case !ip.IsValid():
		return ErrInwardAddress
	case ip.IsLoopback():
		if allowLoopback {
			return nil
		}
		return ErrInwardAddress
	case ip.IsPrivate(), ip.IsLinkLocalUnicast(), ip.IsLinkLocalMulticast(), ip.IsInterfaceLocalMulticast(),
		ip.IsMulticast(), ip.IsUnspecified():
		return ErrInwardAddress
	}
	for _, p := range reservedPrefixes {
		if p.Contains(ip) {
			return ErrInwardAddress
		}
	}
	return nil
}

// reservedPrefixes are the ranges outside those of netip's predicates that
// no public push service uses.
var reservedPrefixes = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT (RFC 6598)
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, and broadcast
	netip.MustParsePrefix("64:ff9b:1::/48"),  // local-use NAT64
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
	netip.MustParsePrefix("::ffff:0:0:0/96"), // IPv4-translated
}

// dialControl is the net.Dialer Control of the guarded transport: it runs
// after name resolution, on the very address about to be connected, so a
// host name that resolves (or re-resolves, DNS rebinding) inward is
// refused as well as an address literal.
func dialControl(allowLoopback bool) func(network, address string, _ syscall.RawConn) error {
	return func(network, address string, _ syscall.RawConn) error {
		ap, err := netip.ParseAddrPort(address)
		if err != nil {
			return fmt.Errorf("%w: %s", ErrInwardAddress, address)
		}
		if err := CheckAddress(ap.Addr(), allowLoopback); err != nil {
			return fmt.Errorf("%w: %s", err, ap.Addr())
		}
		return nil
	}
}

// GuardedTransport returns the transport of the push sender: no proxy from
// the environment, short dial, handshake and header timeouts, and a dialer
// that refuses every address CheckAddress refuses. workers bounds the idle
// connections per host.
func GuardedTransport(workers int, allowLoopback bool) *http.Transport {
	dialer := &net.Dialer{
		Timeout:   dialTimeout,
		KeepAlive: 30 * time.Second,
		Control:   dialControl(allowLoopback),
	}
	return &http.Transport{
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   workers,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   tlsHandshakeTimeout,
		ResponseHeaderTimeout: responseHeaderTimeout,
		ExpectContinueTimeout: time.Second,
	}
}

// noRedirects is the CheckRedirect of the push client: a redirect is
// answered as it came (and the subscription is removed), never followed.
func noRedirects(*http.Request, []*http.Request) error {
	return http.ErrUseLastResponse
}
