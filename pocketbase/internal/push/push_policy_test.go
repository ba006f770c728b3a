package push_test

import (
	"net/url"
	"testing"

	"dukcapil-daring/server/internal/push"
)

func TestLoopbackPolicyIsOptIn(t *testing.T) {
	local, _ := url.Parse("http://127.0.0.1:9999/push/abc")
	if err := push.DefaultEndpointPolicy(local); err == nil {
		t.Fatal("the default policy must refuse a loopback endpoint")
	}
	if err := push.LoopbackOrDefaultEndpointPolicy(local); err != nil {
		t.Fatalf("the test policy must allow a loopback endpoint: %v", err)
	}
	internal, _ := url.Parse("http://10.0.0.5/push")
	if err := push.LoopbackOrDefaultEndpointPolicy(internal); err == nil {
		t.Fatal("the test policy must still refuse other addresses")
	}
	t.Setenv(push.EnvAllowLoopbackEndpoints, "1")
	if push.ConfigFromEnv().AllowEndpoint == nil {
		t.Fatal("the environment switch must install the loopback policy")
	}
}
