//go:build goexperiment.arenas

package main

import (
	"arena"

	allocsuite "benchctl/workloads/alloc/shared/go"
)

// arenaTrees builds each binary-trees tree in an arena of its own and
// frees the arena when the tree is freed.
type arenaTrees struct{}

func (arenaTrees) Build(d int) (*allocsuite.TreeNode, *arena.Arena) {
	a := arena.NewArena()
	return bottomUp(a, d), a
}

func (arenaTrees) Free(a *arena.Arena) { a.Free() }

// bottomUp is the SPEC's bottomUp(d) with every node from a.
func bottomUp(a *arena.Arena, d int) *allocsuite.TreeNode {
	n := arena.New[allocsuite.TreeNode](a)
	if d > 0 {
		n.Left = bottomUp(a, d-1)
		n.Right = bottomUp(a, d-1)
	}
	return n
}

func arenaBinaryTrees(depth int) allocsuite.TreesResult {
	return allocsuite.RunBinaryTrees[*arena.Arena](depth, arenaTrees{})
}

// arenaRequest is one request-arena request in an arena of its own: the
// node index, the nodes, their payloads and the walk's stack all come from
// it, and one Free releases them together.
func arenaRequest(seed uint64, nodes int) uint64 {
	a := arena.NewArena()
	defer a.Free()
	g := allocsuite.NewSplitMix64(seed)
	index := arena.MakeSlice[*allocsuite.ReqNode](a, nodes, nodes)
	index[0] = newNode(a, g.Next())
	for i := 1; i < nodes; i++ {
		parent := index[g.Next()%uint64(i)]
		n := newNode(a, g.Next())
		allocsuite.Adopt(parent, n)
		index[i] = n
	}
	return allocsuite.Walk(index[0], arena.MakeSlice[*allocsuite.ReqNode](a, 0, nodes))
}

// newNode allocates a node of value v and its payload from a, every
// payload byte v's low byte.
func newNode(a *arena.Arena, v uint64) *allocsuite.ReqNode {
	n := arena.New[allocsuite.ReqNode](a)
	n.Value = v
	n.Payload = arena.MakeSlice[byte](a, allocsuite.PayloadLen(v), allocsuite.PayloadLen(v))
	for i := range n.Payload {
		n.Payload[i] = byte(v)
	}
	return n
}
