package jsonsuite

import (
	"encoding/json"
	"math"
	"strconv"
	"testing"
)

// Expected mixes were computed independently with Python integers.
func TestMix(t *testing.T) {
	tests := []struct {
		d    float64
		want uint64
	}{
		{0, 0},
		{1.0, 0x2a20cd80798dae26},
		{1.5, 0xe72b41d4576e3468},
		{-2.0, 0x9216e87cef427fdb},
	}
	for _, tt := range tests {
		if got := Mix(math.Float64bits(tt.d)); got != tt.want {
			t.Errorf("Mix(bits(%v)) = %016x, want %016x", tt.d, got, tt.want)
		}
	}
}

func TestChecksum(t *testing.T) {
	var c Checksum
	c.Add(1.0)
	c.AddInt(0)
	c.Add(math.Copysign(0, -1)) // -0.0 counts as +0.0, whose mix is 0
	c.Add(1.5)
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	// 0x2a20cd80798dae26 + 0xe72b41d4576e3468 mod 2^64.
	if string(b) != `"114c0f54d0fbe28e"` {
		t.Errorf("checksum marshals as %s", b)
	}
	var small Checksum
	small.AddInt(0)
	if small.String() != "0000000000000000" {
		t.Errorf("zero checksum prints as %s, want 16 digits", small)
	}
}

func TestDOMStats(t *testing.T) {
	// {"a": [1, "xé", true, null], "bc": {"d": false, "e": 1.5}}
	tree := map[string]any{
		"a":  []any{1.0, "xé", true, nil},
		"bc": map[string]any{"d": false, "e": 1.5},
	}
	want := Stats{
		Objects: 2, Arrays: 1, Strings: 1, Numbers: 2, Trues: 1, Falses: 1, Nulls: 1,
		Members: 4, Elements: 4, StringBytes: 3, KeyBytes: 5, NumberChecksum: 0x114c0f54d0fbe28e,
	}
	if got := DOMStats(tree); got != want {
		t.Errorf("DOMStats = %+v\nwant       %+v", got, want)
	}
}

func TestInvalidUTF8(t *testing.T) {
	tests := []struct {
		in     string
		offset int // -1: valid
	}{
		{`{"a":"é😀"}`, -1},
		{"\uFFFD", -1}, // an encoded U+FFFD is valid
		{"ab\xffc", 2},
		{"é\xc3", 2},              // truncated sequence
		{"[\"\xed\xa0\x80\"]", 2}, // encoded surrogate
		{"\xc0\xaf", 0},           // overlong
	}
	for _, tt := range tests {
		err := InvalidUTF8([]byte(tt.in))
		switch {
		case tt.offset < 0 && err != nil:
			t.Errorf("InvalidUTF8(%q) = %v, want nil", tt.in, err)
		case tt.offset >= 0 && (err == nil || err.Error() != "invalid UTF-8 at byte offset "+strconv.Itoa(tt.offset)):
			t.Errorf("InvalidUTF8(%q) = %v, want offset %d", tt.in, err, tt.offset)
		}
	}
}
