package visits_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"dukcapil-daring/server/internal/testapp"
)

// bookingRun is the outcome of n residents asking for one day at once.
type bookingRun struct {
	booked, refused, failed int
	latencies               []time.Duration
	elapsed                 time.Duration
	// lastBooked is when the last successful booking was answered, from the start
	lastBooked time.Duration
}

// bookConcurrently lets every resident (id, token) ask for service on date
// at the same moment over HTTP, each with its own appointment id; every
// repeatEvery-th resident sends the same request twice at once.
func bookConcurrently(t testing.TB, base string, ids, tokens []string, service, date string, repeatEvery int) bookingRun {
	t.Helper()
	var (
		mu  sync.Mutex
		run bookingRun
		wg  sync.WaitGroup
	)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 256}, Timeout: 2 * time.Minute}
	start := make(chan struct{})
	var began time.Time
	send := func(i int) {
		defer wg.Done()
		<-start
		body := fmt.Sprintf(`{"id":"bench%010d","owner":"%s","service":"%s","preferred_date":"%s"}`, i, ids[i], service, date)
		req, _ := http.NewRequest(http.MethodPost, base+appointmentsURL, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", tokens[i])
		sent := time.Now()
		res, err := client.Do(req)
		took := time.Since(sent)
		mu.Lock()
		defer mu.Unlock()
		run.latencies = append(run.latencies, took)
		if err != nil {
			run.failed++
			return
		}
		data, _ := io.ReadAll(res.Body)
		res.Body.Close()
		switch {
		case res.StatusCode == 200:
			run.booked++
			run.lastBooked = max(run.lastBooked, time.Since(began))
		case res.StatusCode == 400 && (strings.Contains(string(data), `"no_capacity"`) || strings.Contains(string(data), `"validation_not_unique"`)):
			run.refused++
		default:
			run.failed++
			t.Errorf("resident %d: %d %s", i, res.StatusCode, data)
		}
	}
	for i := range ids {
		wg.Add(1)
		go send(i)
		if repeatEvery > 0 && i%repeatEvery == 0 {
			wg.Add(1)
			go send(i)
		}
	}
	began = time.Now()
	close(start)
	wg.Wait()
	run.elapsed = time.Since(began)
	return run
}

func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[min(len(sorted)-1, int(p*float64(len(sorted))))]
}

// TestCapacityUnderConcurrency: 50 residents ask for the same day at once
// (every 5th sends its request twice), against 2 slots of 10 that day and
// 30 places the next day: 20 get the day, 30 the next, nobody is over
// capacity, every repeated request booked once, booked equals the
// appointments.
func TestCapacityUnderConcurrency(t *testing.T) {
	app := withClock(testapp.New(t), testNow)
	addSlot(t, app, "ktp-rekam", "2027-03-02", "08:00", "10:00", 10, 0)
	addSlot(t, app, "ktp-rekam", "2027-03-02", "13:00", "15:00", 10, 0)
	addSlot(t, app, "ktp-rekam", "2027-03-03", "08:00", "10:00", 30, 0)
	ids, tokens := newResidents(t, app, 50)
	srv := serve(t, app)

	run := bookConcurrently(t, srv.URL, ids, tokens, "ktp-rekam", "2027-03-02", 5)
	if run.booked != 50 || run.failed != 0 || run.refused != 10 {
		t.Errorf("booked %d, refused %d (the 10 repeats), failed %d", run.booked, run.refused, run.failed)
	}
	var perDay []struct {
		Date string `db:"date"`
		N    int    `db:"n"`
	}
	if err := app.DB().NewQuery("SELECT date, COUNT(*) AS n FROM appointments GROUP BY date ORDER BY date").All(&perDay); err != nil {
		t.Fatal(err)
	}
	if len(perDay) != 2 || perDay[0].N != 20 || perDay[1].N != 30 {
		t.Errorf("per day %+v, want 20 on the 2nd and 30 on the 3rd", perDay)
	}
	checkBookedCounts(t, app)
	var codes []string
	_ = app.DB().NewQuery("SELECT code FROM appointments").Column(&codes)
	slices.Sort(codes)
	if len(slices.Compact(codes)) != 50 {
		t.Errorf("ticket codes not unique")
	}
}

// TestBookingBenchmark is the visits figure of `npm run bench` (run by
// tests/bench/visits.js): 1,000 residents ask for the same day at once
// against 200 places (4 slots of 50) and nothing on the following days. It
// prints one line
//
//	BENCH visits_residents=1000 visits_places=200 visits_booked=… visits_over=… visits_per_second=… visits_bookings_per_second=… visits_p50_ms=… visits_p95_ms=…
//
// visits_bookings_per_second is the places booked divided by the time until the last of them was
// answered; visits_per_second counts every answer (the bookings and the no_capacity refusals).
//
// It runs only with DUKCAPIL_VISITS_BENCH=1 (DUKCAPIL_VISITS_BENCH_N
// changes the number of residents).
func TestBookingBenchmark(t *testing.T) {
	if os.Getenv("DUKCAPIL_VISITS_BENCH") != "1" {
		t.Skip("set DUKCAPIL_VISITS_BENCH=1 to run the booking benchmark")
	}
	n := 1000
	if v, err := strconv.Atoi(os.Getenv("DUKCAPIL_VISITS_BENCH_N")); err == nil && v > 0 {
		n = v
	}
	app := withClock(testapp.New(t), testNow)
	for _, start := range []string{"08:00", "10:00", "13:00", "14:30"} {
		addSlot(t, app, "ktp-rekam", "2027-03-02", start, start, 50, 0)
	}
	ids, tokens := newResidents(t, app, n)
	srv := serve(t, app)

	run := bookConcurrently(t, srv.URL, ids, tokens, "ktp-rekam", "2027-03-02", 0)
	checkBookedCounts(t, app)
	var over, stored int
	_ = app.DB().NewQuery("SELECT COALESCE(SUM(MAX(booked - capacity, 0)), 0) FROM appointment_slots").Row(&over)
	_ = app.DB().NewQuery("SELECT COUNT(*) FROM appointments WHERE status = 'booked'").Row(&stored)
	if stored != 200 || run.booked != 200 {
		t.Errorf("booked %d (stored %d), want exactly the 200 places", run.booked, stored)
	}
	slices.Sort(run.latencies)
	fmt.Printf("BENCH visits_residents=%d visits_places=200 visits_booked=%d visits_refused=%d visits_failed=%d visits_over=%d visits_seconds=%.3f visits_per_second=%.1f visits_bookings_per_second=%.1f visits_p50_ms=%.1f visits_p95_ms=%.1f\n",
		n, stored, run.refused, run.failed, over, run.elapsed.Seconds(), float64(n)/run.elapsed.Seconds(), float64(stored)/run.lastBooked.Seconds(),
		float64(percentile(run.latencies, 0.50).Microseconds())/1000, float64(percentile(run.latencies, 0.95).Microseconds())/1000)
}

// TestRealtimeKeepsAppointmentsApart: a resident subscribed to appointments
// (all, or another's by id) hears nothing of another resident's booking.
func TestRealtimeKeepsAppointmentsApart(t *testing.T) {
	app := withClock(testapp.New(t), testNow)
	addSlot(t, app, "ktp-rekam", "2027-03-02", "08:00", "10:00", 10, 0)
	srv := serve(t, app)

	listen := func(token string, topics string) (<-chan string, func()) {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+"/api/realtime", nil)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		messages := make(chan string, 16)
		clientId := make(chan string, 1)
		go func() {
			buf := make([]byte, 4096)
			for {
				n, err := res.Body.Read(buf)
				if n > 0 {
					chunk := string(buf[:n])
					if i := strings.Index(chunk, `"clientId":"`); i >= 0 {
						clientId <- chunk[i+12 : i+12+strings.Index(chunk[i+12:], `"`)]
					} else {
						messages <- chunk
					}
				}
				if err != nil {
					close(messages)
					return
				}
			}
		}()
		id := <-clientId
		body, _ := json.Marshal(map[string]any{"clientId": id, "subscriptions": strings.Split(topics, ",")})
		sub, _ := http.NewRequest(http.MethodPost, srv.URL+"/api/realtime", strings.NewReader(string(body)))
		sub.Header.Set("Content-Type", "application/json")
		sub.Header.Set("Authorization", token)
		r, err := http.DefaultClient.Do(sub)
		if err != nil || r.StatusCode != 204 {
			t.Fatalf("subscribe: %v %v", err, r)
		}
		return messages, func() { res.Body.Close() }
	}
	tokenA := testapp.AuthHeader(t, testapp.ResidentA)["Authorization"]
	tokenB := testapp.AuthHeader(t, testapp.ResidentB)["Authorization"]
	heardA, stopA := listen(tokenA, "appointments")
	defer stopA()
	heardB, stopB := listen(tokenB, "appointments,appointments/"+idA)
	defer stopB()

	req, _ := http.NewRequest(http.MethodPost, srv.URL+appointmentsURL, bookBody(idA, testapp.ResidentA, "ktp-rekam", "2027-03-02", ""))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", tokenA)
	res, err := http.DefaultClient.Do(req)
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("book: %v %v", err, res)
	}
	select {
	case m := <-heardA:
		if !strings.Contains(m, idA) {
			t.Errorf("A heard %q", m)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("A heard nothing of their own booking")
	}
	// and a change of it (staff mark it attended)
	r := appointment(t, app, idA)
	r.Set("status", "attended")
	if err := app.Save(r); err != nil {
		t.Fatal(err)
	}
	select {
	case m := <-heardB:
		t.Errorf("B heard %q", m)
	case <-time.After(1 * time.Second):
	}
}
