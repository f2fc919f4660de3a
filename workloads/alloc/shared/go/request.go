package allocsuite

// ReqNode is a request-arena tree node: children as a first-child /
// next-sibling list, the node's random value, its depth and its payload
// (a separate allocation).
type ReqNode struct {
	FirstChild, NextSibling *ReqNode
	Value                   uint64
	Depth                   uint64
	Payload                 []byte
}

// RequestResult is request-arena's result and verification value.
type RequestResult struct {
	Requests uint64 `json:"requests"`
	Checksum uint64 `json:"checksum"` // the requests' checksums summed mod 2^64
}

// PayloadLen is the payload length of a node whose value is v: 8 … 64.
func PayloadLen(v uint64) int {
	return int(8 + v%57)
}

// Adopt makes n the first child of parent, one level below it.
func Adopt(parent, n *ReqNode) {
	n.Depth = parent.Depth + 1
	n.NextSibling = parent.FirstChild
	parent.FirstChild = n
}

// Walk is the request's depth-first walk from root with an explicit stack,
// whose storage the caller allocates from the request's allocator with
// room for every node; it returns the request's checksum.
func Walk(root *ReqNode, stack []*ReqNode) uint64 {
	stack = append(stack[:0], root)
	var sum uint64
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		p := n.Payload
		sum += (n.Value ^ n.Depth) + uint64(len(p)) + uint64(p[len(p)-1])
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, c)
		}
	}
	return sum
}

// RunRequests runs one request-arena iteration: requests requests, request
// r seeded with seed + r (mod 2^64), each built, walked and released by
// request, which returns its checksum.
func RunRequests(requests, nodes int, seed uint64, request func(seed uint64, nodes int) uint64) RequestResult {
	var sum uint64
	for r := range requests {
		sum += request(seed+uint64(r), nodes)
	}
	return RequestResult{Requests: uint64(requests), Checksum: sum}
}

// GCRequest is the default tier's request: every node and payload
// allocated on its own on the garbage-collected heap, as are the node
// index and the walk's stack. Returning drops the root and the index, and
// the garbage collector reclaims the whole tree.
func GCRequest(seed uint64, nodes int) uint64 {
	g := NewSplitMix64(seed)
	index := make([]*ReqNode, nodes) // node i, to find a parent by number
	index[0] = newGCNode(g.Next())
	for i := 1; i < nodes; i++ {
		parent := index[g.Next()%uint64(i)]
		n := newGCNode(g.Next())
		Adopt(parent, n)
		index[i] = n
	}
	return Walk(index[0], make([]*ReqNode, 0, nodes))
}

// newGCNode allocates a node of value v and its payload, every byte v's
// low byte.
func newGCNode(v uint64) *ReqNode {
	p := make([]byte, PayloadLen(v))
	for i := range p {
		p[i] = byte(v)
	}
	return &ReqNode{Value: v, Payload: p}
}
