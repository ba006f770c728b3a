// Package live delivers a resident's own changes (applications, their
// status events, notifications, and any other collection with an owner)
// to that resident's open apps over PocketBase's realtime connection,
// without a rule check per connected client: each app subscribes to its
// own topic "dukcapil/resident/<users id>" (only its signed-in resident may
// subscribe to it), and the hooks send each change to the connections of
// the one resident it belongs to, found in an index by resident. The cost
// of a change grows with that resident's connections, not with everyone's.
// The morning intake's bulk changes (written by SQL, without record hooks)
// are sent the same way after its transaction (intake.OnAfterRun).
package live

import (
	"encoding/json"
	"strings"
	"sync"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
	"github.com/pocketbase/pocketbase/tools/routine"
	"github.com/pocketbase/pocketbase/tools/subscriptions"

	"dukcapil-daring/server/internal/intake"
)

// TopicPrefix starts the topic of a resident's changes.
const TopicPrefix = "dukcapil/resident/"

// Topic is the realtime topic of a resident's changes.
func Topic(owner string) string { return TopicPrefix + owner }

// Message is the data of a message on a resident's topic.
type Message struct {
	Collection string       `json:"collection"`
	Action     string       `json:"action"` // create, update, delete
	Record     *core.Record `json:"record"`
}

// Owners says whose a record of each delivered collection is: the
// collections with an owner field, and the events through their
// application.
var ownerField = map[string]string{
	"applications":  "owner",
	"notifications": "owner",
	"appointments":  "owner",
}

// index finds the realtime clients of a resident.
type index struct {
	mu      sync.RWMutex
	clients map[string]map[string]subscriptions.Client // owner → client id → client
}

func (x *index) add(owner string, c subscriptions.Client) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.clients[owner] == nil {
		x.clients[owner] = map[string]subscriptions.Client{}
	}
	x.clients[owner][c.Id()] = c
}

func (x *index) remove(c subscriptions.Client) {
	x.mu.Lock()
	defer x.mu.Unlock()
	for owner, cs := range x.clients {
		if _, ok := cs[c.Id()]; ok {
			delete(cs, c.Id())
			if len(cs) == 0 {
				delete(x.clients, owner)
			}
		}
	}
}

func (x *index) of(owner string) []subscriptions.Client {
	x.mu.RLock()
	defer x.mu.RUnlock()
	out := make([]subscriptions.Client, 0, len(x.clients[owner]))
	for _, c := range x.clients[owner] {
		out = append(out, c)
	}
	return out
}

// Hub is the live delivery of one app.
type Hub struct {
	app   core.App
	index *index
}

const hookId = "dukcapilLive"

// Register sets up the live delivery on app and returns its hub.
func Register(app core.App) *Hub {
	h := &Hub{app: app, index: &index{clients: map[string]map[string]subscriptions.Client{}}}

	app.OnRealtimeSubscribeRequest().Bind(&hook.Handler[*core.RealtimeSubscribeRequestEvent]{
		Id:   hookId,
		Func: h.onSubscribe,
	})
	app.OnRealtimeConnectRequest().Bind(&hook.Handler[*core.RealtimeConnectRequestEvent]{
		Id: hookId,
		Func: func(e *core.RealtimeConnectRequestEvent) error {
			defer h.index.remove(e.Client)
			return e.Next() // returns when the connection closes
		},
	})

	collections := []string{"application_events"}
	for c := range ownerField {
		collections = append(collections, c)
	}
	send := func(action string) func(e *core.RecordEvent) error {
		return func(e *core.RecordEvent) error {
			h.Publish(action, e.Record)
			return e.Next()
		}
	}
	app.OnRecordAfterCreateSuccess(collections...).Bind(&hook.Handler[*core.RecordEvent]{Id: hookId, Func: send("create")})
	app.OnRecordAfterUpdateSuccess(collections...).Bind(&hook.Handler[*core.RecordEvent]{Id: hookId, Func: send("update")})
	app.OnRecordAfterDeleteSuccess(collections...).Bind(&hook.Handler[*core.RecordEvent]{Id: hookId, Func: send("delete")})
	intake.OnAfterRun(app, h.publishIntake)
	return h
}

// onSubscribe lets a client subscribe to a resident topic only as that
// resident, and indexes it under the resident.
func (h *Hub) onSubscribe(e *core.RealtimeSubscribeRequestEvent) error {
	owner := ""
	for _, s := range e.Subscriptions {
		if !strings.HasPrefix(s, TopicPrefix) {
			continue
		}
		id := strings.TrimPrefix(strings.SplitN(s, "?", 2)[0], TopicPrefix)
		if e.Auth == nil || e.Auth.Collection().Name != "users" || id != e.Auth.Id {
			return e.ForbiddenError("Only the signed-in resident can follow their own changes.", nil)
		}
		owner = id
	}
	if err := e.Next(); err != nil {
		return err
	}
	h.index.remove(e.Client) // a new set of subscriptions replaces the old
	if owner != "" {
		h.index.add(owner, e.Client)
	}
	return nil
}

// ownerOf returns whose the record is ("" when unknown).
func (h *Hub) ownerOf(r *core.Record) string {
	name := r.Collection().Name
	if field, ok := ownerField[name]; ok {
		return r.GetString(field)
	}
	if name == "application_events" {
		var owner string
		_ = h.app.DB().Select("owner").From("applications").
			AndWhere(dbx.HashExp{"id": r.GetString("application")}).Row(&owner)
		return owner
	}
	return ""
}

// Publish sends a change of r to its resident's open apps. Hidden fields
// (a staff-only note) are left out as in any API answer.
func (h *Hub) Publish(action string, r *core.Record) {
	owner := h.ownerOf(r)
	if owner == "" {
		return
	}
	clients := h.index.of(owner)
	if len(clients) == 0 {
		return
	}
	data, err := json.Marshal(Message{Collection: r.Collection().Name, Action: action, Record: r.Fresh()})
	if err != nil {
		h.app.Logger().Error("live: encode a change", "collection", r.Collection().Name, "error", err)
		return
	}
	topic := Topic(owner)
	for _, c := range clients {
		// the client may have been signed out or resubscribed meanwhile
		auth, _ := c.Get(apis.RealtimeClientAuthKey).(*core.Record)
		if auth == nil || auth.Id != owner || !c.HasSubscription(topic) {
			continue
		}
		msg := subscriptions.Message{Name: topic, Data: data}
		routine.FireAndForget(func() { c.Send(msg) })
	}
}

// publishIntake sends what a run of the intake changed: each queued
// application, its queued event, and the morning summaries, read back in
// a few queries.
func (h *Hub) publishIntake(app core.App, result intake.Result) {
	if len(result.Applications) == 0 {
		return
	}
	ids := make([]any, len(result.Applications))
	for i, id := range result.Applications {
		ids[i] = id
	}
	applications, err := app.FindRecordsByIds("applications", result.Applications)
	if err != nil {
		app.Logger().Error("live: read the queued applications", "error", err)
		return
	}
	owners := map[string]bool{}
	for _, a := range applications {
		owners[a.GetString("owner")] = true
		h.Publish("update", a)
	}
	events, err := app.FindAllRecords("application_events",
		dbx.In("application", ids...), dbx.HashExp{"to": "queued", "created": result.Stamp})
	if err == nil {
		for _, e := range events {
			h.Publish("create", e)
		}
	}
	ownerIds := make([]any, 0, len(owners))
	for o := range owners {
		ownerIds = append(ownerIds, o)
	}
	notes, err := app.FindAllRecords("notifications", dbx.In("owner", ownerIds...), dbx.HashExp{"created": result.Stamp})
	if err == nil {
		for _, n := range notes {
			h.Publish("create", n)
		}
	}
}
