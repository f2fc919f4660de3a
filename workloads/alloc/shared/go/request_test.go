package allocsuite

import "testing"

// replayRequests is the checksum as benchctl computes it: the generator
// replayed with each node's depth in an array, nothing else kept. A node's
// term is (value ^ depth) + len + its payload's last byte (value & 0xFF).
func replayRequests(requests, nodes int, seed uint64) uint64 {
	var sum uint64
	depth := make([]uint64, nodes)
	for r := range requests {
		g := NewSplitMix64(seed + uint64(r))
		for i := range nodes {
			depth[i] = 0
			if i > 0 {
				depth[i] = depth[g.Next()%uint64(i)] + 1
			}
			v := g.Next()
			sum += (v ^ depth[i]) + 8 + v%57 + v&0xFF
		}
	}
	return sum
}

func TestRequestKnownChecksums(t *testing.T) {
	for _, c := range []struct {
		requests, nodes int
		want            uint64
	}{{2, 5, 13850122870799849890}, {20, 500, 13882999698149200982}} {
		if got := replayRequests(c.requests, c.nodes, 42); got != c.want {
			t.Errorf("replay REQUESTS=%d NODES=%d: %d, want %d", c.requests, c.nodes, got, c.want)
		}
		got := RunRequests(c.requests, c.nodes, 42, GCRequest)
		if got != (RequestResult{Requests: uint64(c.requests), Checksum: c.want}) {
			t.Errorf("REQUESTS=%d NODES=%d: %+v, want checksum %d", c.requests, c.nodes, got, c.want)
		}
	}
}

// One node, a seed that wraps to 0 for the second request, a deep chain.
func TestRequestMatchesReplay(t *testing.T) {
	for _, c := range []struct {
		requests, nodes int
		seed            uint64
	}{{3, 1, 5}, {2, 40, ^uint64(0)}, {1, 3000, 9}} {
		got := RunRequests(c.requests, c.nodes, c.seed, GCRequest).Checksum
		if want := replayRequests(c.requests, c.nodes, c.seed); got != want {
			t.Errorf("%+v: checksum %d, want %d", c, got, want)
		}
	}
}

// Children are in reverse order of creation and depths follow parents.
func TestAdoptAndWalk(t *testing.T) {
	root := &ReqNode{Value: 10, Payload: []byte{1, 2}}
	a := &ReqNode{Value: 20, Payload: []byte{3}}
	b := &ReqNode{Value: 30, Payload: []byte{4, 5, 6}}
	c := &ReqNode{Value: 40, Payload: []byte{7}}
	Adopt(root, a)
	Adopt(root, b)
	Adopt(a, c)
	if root.FirstChild != b || b.NextSibling != a || a.NextSibling != nil || c.Depth != 2 || b.Depth != 1 {
		t.Fatalf("root's children %p %p, depths b %d c %d", root.FirstChild, b.NextSibling, b.Depth, c.Depth)
	}
	// (10^0)+2+2 + (20^1)+1+3 + (30^1)+3+6 + (40^2)+1+7
	want := uint64(14 + 25 + 40 + 50)
	if got := Walk(root, make([]*ReqNode, 0, 4)); got != want {
		t.Errorf("walk %d, want %d", got, want)
	}
}

func TestPayloadLenRange(t *testing.T) {
	for v, want := range map[uint64]int{0: 8, 56: 64, 57: 8, 1000: 8 + 1000%57} {
		if got := PayloadLen(v); got != want {
			t.Errorf("PayloadLen(%d) = %d, want %d", v, got, want)
		}
	}
}
