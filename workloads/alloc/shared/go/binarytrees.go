package allocsuite

// TreeNode is a binary-trees node: two child pointers (nil in a leaf) and
// nothing else.
type TreeNode struct {
	Left, Right *TreeNode
}

// Check is the SPEC's check: 1 for a leaf, else 1 + check(left) +
// check(right).
func Check(n *TreeNode) uint64 {
	if n.Left == nil {
		return 1
	}
	return 1 + Check(n.Left) + Check(n.Right)
}

// BottomUp builds the SPEC's bottomUp(d) on the garbage-collected heap, one
// allocation per node.
func BottomUp(d int) *TreeNode {
	if d == 0 {
		return &TreeNode{}
	}
	return &TreeNode{Left: BottomUp(d - 1), Right: BottomUp(d - 1)}
}

// TreeBuilder builds each tree of an iteration as a unit of its own and
// frees it. R is what a tree is freed with: nothing in the default tier,
// where dropping the root leaves the tree to the garbage collector; the
// tree's arena in the arena tier. It is called once per tree, never per
// node, so the interface call costs nothing measurable.
type TreeBuilder[R any] interface {
	Build(d int) (*TreeNode, R)
	Free(R)
}

// MinDepth is the SPEC's min, the smallest depth of step 3's trees.
const MinDepth = 4

// maxTreeRows is how many depths step 3 visits at most: min, min+2, …,
// ≤ 24 (DEPTH's largest value).
const maxTreeRows = (24-MinDepth)/2 + 1

// TreesResult is one binary-trees iteration's result. It is comparable (a
// fixed array, not a slice) so the benchlib can compare every iteration's
// result with the self-check's.
type TreesResult struct {
	Stretch   uint64
	Rows      [maxTreeRows][3]uint64 // d, n, the sum of n checks
	NRows     int
	LongLived uint64
}

// treesVerification is the SPEC's verification value, keys in its order.
type treesVerification struct {
	Stretch   uint64      `json:"stretch"`
	Trees     [][3]uint64 `json:"trees"`
	LongLived uint64      `json:"long_lived"`
}

// Verification is r as the SPEC's verification JSON.
func (r TreesResult) Verification() any {
	return treesVerification{Stretch: r.Stretch, Trees: r.Rows[:r.NRows], LongLived: r.LongLived}
}

// RunBinaryTrees runs one binary-trees iteration (SPEC steps 1–4) with
// max = max(depth, 6), building and freeing every tree with b.
func RunBinaryTrees[R any](depth int, b TreeBuilder[R]) TreesResult {
	maxDepth := max(depth, 6)
	var r TreesResult

	stretch, region := b.Build(maxDepth + 1)
	r.Stretch = Check(stretch)
	b.Free(region)

	longLived, longRegion := b.Build(maxDepth)

	for d := MinDepth; d <= maxDepth; d += 2 {
		n := 1 << (maxDepth - d + MinDepth)
		var sum uint64
		for range n {
			tree, region := b.Build(d)
			sum += Check(tree)
			b.Free(region)
		}
		r.Rows[r.NRows] = [3]uint64{uint64(d), uint64(n), sum}
		r.NRows++
	}

	r.LongLived = Check(longLived)
	b.Free(longRegion)
	return r
}

// gcTrees is the default tier's TreeBuilder: each node allocated on its
// own; freeing a tree is dropping its root.
type gcTrees struct{}

func (gcTrees) Build(d int) (*TreeNode, struct{}) { return BottomUp(d), struct{}{} }

func (gcTrees) Free(struct{}) {}

// GCBinaryTrees is the default tier's binary-trees iteration.
func GCBinaryTrees(depth int) TreesResult {
	return RunBinaryTrees[struct{}](depth, gcTrees{})
}
