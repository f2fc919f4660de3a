//go:build goexperiment.arenas

package main

import (
	"encoding/json"
	"testing"

	allocsuite "benchctl/workloads/alloc/shared/go"
)

func TestArenaBinaryTrees(t *testing.T) {
	for _, c := range []struct {
		depth int
		want  string
	}{
		{6, `{"stretch":255,"trees":[[4,64,1984],[6,16,2032]],"long_lived":127}`},
		{10, `{"stretch":4095,"trees":[[4,1024,31744],[6,256,32512],[8,64,32704],[10,16,32752]],"long_lived":2047}`},
	} {
		r := arenaBinaryTrees(c.depth)
		if r != allocsuite.GCBinaryTrees(c.depth) {
			t.Errorf("DEPTH=%d: the arena and the GC heap disagree", c.depth)
		}
		got, err := json.Marshal(r.Verification())
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != c.want {
			t.Errorf("DEPTH=%d: got  %s\nwant %s", c.depth, got, c.want)
		}
	}
}

func TestArenaRequestKnownChecksums(t *testing.T) {
	for _, c := range []struct {
		requests, nodes int
		want            uint64
	}{{2, 5, 13850122870799849890}, {20, 500, 13882999698149200982}} {
		got := allocsuite.RunRequests(c.requests, c.nodes, 42, arenaRequest)
		if got != (allocsuite.RequestResult{Requests: uint64(c.requests), Checksum: c.want}) {
			t.Errorf("REQUESTS=%d NODES=%d: %+v, want checksum %d", c.requests, c.nodes, got, c.want)
		}
	}
	// One node, and a request of many nodes that fills more than one of
	// the arena's chunks.
	for _, c := range []struct{ requests, nodes int }{{3, 1}, {1, 200_000}} {
		got := allocsuite.RunRequests(c.requests, c.nodes, 7, arenaRequest)
		if want := allocsuite.RunRequests(c.requests, c.nodes, 7, allocsuite.GCRequest); got != want {
			t.Errorf("REQUESTS=%d NODES=%d: arena %+v, GC heap %+v", c.requests, c.nodes, got, want)
		}
	}
}
