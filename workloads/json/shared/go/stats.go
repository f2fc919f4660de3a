// Package jsonsuite is the Go side of the json suite (workloads/json/SPEC.md)
// shared by every Go implementation: the verification values, the shapes'
// schema types, and the driver that runs an operation on a Codec.
package jsonsuite

import (
	"fmt"
	"math"
)

// Mix is the SplitMix64 finaliser the SPEC applies to each number's bits.
func Mix(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// Checksum is the SPEC's number_checksum: the sum of Mix(bits(d)) over all
// numbers d, modulo 2^64. It marshals as 16 lower-case hex digits.
type Checksum uint64

// Add folds one number into the checksum; -0.0 counts as +0.0.
func (c *Checksum) Add(d float64) {
	if d == 0 {
		d = 0
	}
	*c += Checksum(Mix(math.Float64bits(d)))
}

// AddInt folds an integer, which the SPEC takes as its nearest binary64
// (Go's integer-to-float conversion rounds to nearest even).
func (c *Checksum) AddInt(i int64) { c.Add(float64(i)) }

// String returns the checksum as the SPEC writes it: 16 lower-case hex digits.
func (c Checksum) String() string { return fmt.Sprintf("%016x", uint64(c)) }

// MarshalJSON writes the checksum as a JSON string, as the SPEC requires.
func (c Checksum) MarshalJSON() ([]byte, error) {
	return []byte(`"` + c.String() + `"`), nil
}

// Stats is the SPEC's DOM stats, the verification value of parse-dom.
type Stats struct {
	Objects        int      `json:"objects"`
	Arrays         int      `json:"arrays"`
	Strings        int      `json:"strings"`
	Numbers        int      `json:"numbers"`
	Trues          int      `json:"trues"`
	Falses         int      `json:"falses"`
	Nulls          int      `json:"nulls"`
	Members        int      `json:"members"`
	Elements       int      `json:"elements"`
	StringBytes    int      `json:"string_bytes"`
	KeyBytes       int      `json:"key_bytes"`
	NumberChecksum Checksum `json:"number_checksum"`
}

// DOMStats walks a tree of the shape encoding/json and its peers decode into
// an `any`: map[string]any, []any, string, float64, bool and nil.
func DOMStats(v any) Stats {
	var s Stats
	s.add(v)
	return s
}

// add recurses; the decoders bound nesting (encoding/json and v2 at 10000,
// sonic at 4096) and Go stacks grow, so depth is not a concern here.
func (s *Stats) add(v any) {
	switch v := v.(type) {
	case map[string]any:
		s.Objects++
		s.Members += len(v)
		for k, x := range v {
			s.KeyBytes += len(k)
			s.add(x)
		}
	case []any:
		s.Arrays++
		s.Elements += len(v)
		for _, x := range v {
			s.add(x)
		}
	case string:
		s.Strings++
		s.StringBytes += len(v)
	case float64:
		s.Numbers++
		s.NumberChecksum.Add(v)
	case bool:
		if v {
			s.Trues++
		} else {
			s.Falses++
		}
	case nil:
		s.Nulls++
	default:
		panic(fmt.Sprintf("jsonsuite: %T in a decoded JSON tree", v))
	}
}

// TypedStats is the SPEC's typed stats, the verification value of
// parse-typed: the subset of Stats that typed structures can observe.
type TypedStats struct {
	Strings        int      `json:"strings"`
	Numbers        int      `json:"numbers"`
	Trues          int      `json:"trues"`
	Falses         int      `json:"falses"`
	Nulls          int      `json:"nulls"`
	StringBytes    int      `json:"string_bytes"`
	NumberChecksum Checksum `json:"number_checksum"`
}

func (t *TypedStats) addStr(s string) {
	t.Strings++
	t.StringBytes += len(s)
}

func (t *TypedStats) addFloat(d float64) {
	t.Numbers++
	t.NumberChecksum.Add(d)
}

func (t *TypedStats) addInt(i int64) {
	t.Numbers++
	t.NumberChecksum.AddInt(i)
}

func (t *TypedStats) addInts(is []int64) {
	for _, i := range is {
		t.addInt(i)
	}
}

func (t *TypedStats) addBool(b bool) {
	if b {
		t.Trues++
	} else {
		t.Falses++
	}
}

// addOptStr and addOptInt fold a nullable field: a null counts one nulls.
func (t *TypedStats) addOptStr(s *string) {
	if s == nil {
		t.Nulls++
	} else {
		t.addStr(*s)
	}
}

func (t *TypedStats) addOptInt(i *int64) {
	if i == nil {
		t.Nulls++
	} else {
		t.addInt(*i)
	}
}
