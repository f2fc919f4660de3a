package allocsuite

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"
)

func TestCheckCountsNodes(t *testing.T) {
	for d := range 12 {
		if got, want := Check(BottomUp(d)), uint64(1)<<(d+1)-1; got != want {
			t.Errorf("check(bottomUp(%d)) = %d, want %d", d, got, want)
		}
	}
}

func TestBinaryTreesDepth10(t *testing.T) {
	got, err := json.Marshal(GCBinaryTrees(10).Verification())
	if err != nil {
		t.Fatal(err)
	}
	want := `{"stretch":4095,"trees":[[4,1024,31744],[6,256,32512],[8,64,32704],[10,16,32752]],"long_lived":2047}`
	if string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// DEPTH 6 is the smallest: max(6, 6) = 6, two rows. The expected value is
// the SPEC's formula, computed here independently of the code under test.
func TestBinaryTreesDepth6(t *testing.T) {
	r := GCBinaryTrees(6)
	want := TreesResult{Stretch: 1<<8 - 1, LongLived: 1<<7 - 1, NRows: 2}
	want.Rows[0] = [3]uint64{4, 64, 64 * (1<<5 - 1)}
	want.Rows[1] = [3]uint64{6, 16, 16 * (1<<7 - 1)}
	if r != want {
		t.Errorf("got %+v, want %+v", r, want)
	}
}

// loggingTrees logs what RunBinaryTrees builds and frees, to check the
// lifetimes the SPEC fixes. A tree's region is its number in build order.
type loggingTrees struct {
	built int
	log   []string
}

func (l *loggingTrees) Build(d int) (*TreeNode, int) {
	l.log = append(l.log, fmt.Sprintf("build %d: depth %d", l.built, d))
	l.built++
	return BottomUp(d), l.built - 1
}

func (l *loggingTrees) Free(region int) { l.log = append(l.log, fmt.Sprintf("free %d", region)) }

// The stretch tree is freed before the long-lived one is built, each of
// step 3's trees right after it is built, the long-lived one last.
func TestBinaryTreesTreeLifetimes(t *testing.T) {
	l := &loggingTrees{}
	RunBinaryTrees[int](6, l)
	want := []string{"build 0: depth 7", "free 0", "build 1: depth 6"}
	tree := 2
	for _, row := range []struct{ d, n int }{{4, 64}, {6, 16}} {
		for range row.n {
			want = append(want, fmt.Sprintf("build %d: depth %d", tree, row.d), fmt.Sprintf("free %d", tree))
			tree++
		}
	}
	want = append(want, "free 1")
	if !slices.Equal(l.log, want) {
		t.Errorf("got  %v\nwant %v", l.log, want)
	}
}
