package limits

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Keyed is a set of token buckets (golang.org/x/time/rate), one per key,
// created on first use. Buckets idle for longer than it takes them to fill
// again are dropped, so memory stays bounded by the keys active recently;
// past maxKeys the idle ones are dropped at once.
type Keyed struct {
	limit rate.Limit
	burst int

	mu      sync.Mutex
	buckets map[string]*bucket
	sweep   time.Time
	maxKeys int
	now     func() time.Time
}

type bucket struct {
	limiter *rate.Limiter
	seen    time.Time
}

// Rule is a limit: Burst requests at once, refilled at Every per request.
type Rule struct {
	Every time.Duration
	Burst int
}

// NewKeyed returns buckets of the rule.
func NewKeyed(r Rule, now func() time.Time) *Keyed {
	if now == nil {
		now = time.Now
	}
	return &Keyed{
		limit:   rate.Every(r.Every),
		burst:   r.Burst,
		buckets: map[string]*bucket{},
		maxKeys: 100_000,
		now:     now,
	}
}

// Allow takes a token from the bucket of key, and returns whether there
// was one and, if not, how long until there is.
func (k *Keyed) Allow(key string) (bool, time.Duration) {
	ok, wait, _ := k.Take(key)
	return ok, wait
}

// Take is Allow that also returns a refund, which gives the token back
// (as far as later requests allow): for attempts that count only when
// they fail. The refund is a no-op when no token was taken.
func (k *Keyed) Take(key string) (bool, time.Duration, func()) {
	now := k.now()

	k.mu.Lock()
	b, ok := k.buckets[key]
	if !ok {
		if len(k.buckets) >= k.maxKeys || now.Sub(k.sweep) > time.Minute {
			k.dropIdle(now)
		}
		b = &bucket{limiter: rate.NewLimiter(k.limit, k.burst)}
		k.buckets[key] = b
	}
	b.seen = now
	k.mu.Unlock()

	r := b.limiter.ReserveN(now, 1)
	if !r.OK() {
		return false, time.Minute, func() {}
	}
	if delay := r.DelayFrom(now); delay > 0 {
		r.CancelAt(now)
		return false, delay, func() {}
	}
	// cancelled as of the moment it was taken: rate refunds only reservations not yet due
	return true, 0, func() { r.CancelAt(now) }
}

// dropIdle removes the buckets full again (unused for the time a whole
// burst takes to refill): a new one would be the same.
func (k *Keyed) dropIdle(now time.Time) {
	k.sweep = now
	full := time.Duration(float64(k.burst) / float64(k.limit) * float64(time.Second))
	for key, b := range k.buckets {
		if now.Sub(b.seen) > full {
			delete(k.buckets, key)
		}
	}
}

// Len is the number of buckets held.
func (k *Keyed) Len() int {
	k.mu.Lock()
	defer k.mu.Unlock()
	return len(k.buckets)
}
