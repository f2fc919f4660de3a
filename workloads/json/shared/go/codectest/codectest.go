// Package codectest checks a jsonsuite.Codec against the json suite's SPEC,
// in the manner of testing/fstest: each implementation's test calls Run.
package codectest

import (
	"bytes"
	"embed"
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	jsonsuite "benchctl/workloads/json/shared/go"
)

// testdata holds one small document per generated shape, written like the
// generator's (escapes, surrogate pairs, nulls, exponents), with its DOM
// stats from tests/tools/json_ref_stats.py.
//
//go:embed testdata
var testdata embed.FS

var shapes = []string{"twitter", "citm", "canada"}

// Run checks c: stats of every shape, a serialize round trip, number
// rounding, and rejection of invalid documents.
func Run(t *testing.T, c jsonsuite.Codec) {
	for _, shape := range shapes {
		t.Run(shape, func(t *testing.T) { checkShape(t, c, shape) })
	}
	t.Run("numbers", func(t *testing.T) { checkNumbers(t, c) })
	t.Run("rejects", func(t *testing.T) { checkRejects(t, c) })
}

// RunDOM checks a parse-dom-only implementation: stats of every shape,
// number rounding (through number_checksum), and rejection of invalid
// documents.
func RunDOM(t *testing.T, parse jsonsuite.DOMParser) {
	for _, shape := range shapes {
		t.Run(shape, func(t *testing.T) {
			doc, err := testdata.ReadFile("testdata/" + shape + ".json")
			if err != nil {
				t.Fatal(err)
			}
			stats, err := parse(doc)
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			if got, want := asMap(t, stats), referenceStats(t, shape); !equal(got, want) {
				t.Errorf("DOM stats\n got %v\nwant %v", got, want)
			}
		})
	}
	t.Run("numbers", func(t *testing.T) {
		for _, token := range numberTokens {
			stats, err := parse([]byte("[" + token + "]"))
			if err != nil {
				t.Errorf("%s: %v", token, err)
				continue
			}
			want, err := strconv.ParseFloat(token, 64)
			if err != nil {
				t.Fatal(err)
			}
			var sum jsonsuite.Checksum
			sum.Add(want)
			if stats.NumberChecksum != sum {
				t.Errorf("%s: number_checksum %v, want %v (the checksum of %v)", token, stats.NumberChecksum, sum, want)
			}
		}
	})
	t.Run("rejects", func(t *testing.T) {
		for name, doc := range badDocuments() {
			if _, err := parse([]byte(doc)); err == nil {
				t.Errorf("%s: accepted", name)
			} else if !utf8.ValidString(err.Error()) {
				t.Errorf("%s: error message is not UTF-8: %q", name, err)
			}
		}
	})
}

func checkShape(t *testing.T, c jsonsuite.Codec, shape string) {
	doc, err := testdata.ReadFile("testdata/" + shape + ".json")
	if err != nil {
		t.Fatal(err)
	}
	want := referenceStats(t, shape)

	var tree any
	if err := c.Unmarshal(doc, &tree); err != nil {
		t.Fatalf("Unmarshal: %v", err)
	}
	if got := asMap(t, jsonsuite.DOMStats(tree)); !equal(got, want) {
		t.Errorf("DOM stats\n got %v\nwant %v", got, want)
	}

	newDoc, err := jsonsuite.NewDocument(shape)
	if err != nil {
		t.Fatal(err)
	}
	typed := newDoc()
	if err := c.Unmarshal(doc, typed); err != nil {
		t.Fatalf("Unmarshal typed: %v", err)
	}
	// Typed stats are the DOM stats' subset for the same keys.
	got := asMap(t, typed.TypedStats())
	for k, v := range got {
		if want[k] != v {
			t.Errorf("typed stats %s = %v, want %v", k, v, want[k])
		}
	}

	out, err := c.Marshal(tree)
	if err != nil {
		t.Fatalf("Marshal: %v", err)
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, out); err != nil || compact.Len() != len(out) {
		t.Errorf("Marshal output is not compact JSON (%v): %q", err, out)
	}
	var again any
	if err := c.Unmarshal(out, &again); err != nil {
		t.Fatalf("Unmarshal of Marshal output: %v", err)
	}
	if got := asMap(t, jsonsuite.DOMStats(again)); !equal(got, want) {
		t.Errorf("DOM stats after a round trip\n got %v\nwant %v", got, want)
	}
}

// checkNumbers compares the codec's binary64 values with strconv's
// correctly rounded ones on cases where sloppy conversion goes wrong.
func checkNumbers(t *testing.T, c jsonsuite.Codec) {
	tokens := numberTokens
	var tree any
	if err := c.Unmarshal([]byte("["+strings.Join(tokens, ",")+"]"), &tree); err != nil {
		t.Fatal(err)
	}
	for i, v := range tree.([]any) {
		want, err := strconv.ParseFloat(tokens[i], 64)
		if err != nil {
			t.Fatal(err)
		}
		if got := v.(float64); math.Float64bits(got) != math.Float64bits(want) {
			t.Errorf("%s decoded as %v (%#x), want %v (%#x)",
				tokens[i], got, math.Float64bits(got), want, math.Float64bits(want))
		}
	}
}

// numberTokens are numbers whose binary64 value sloppy conversion gets
// wrong.
var numberTokens = []string{
	"0", "-0.0", "0.1", "1e23", "9007199254740993", "123456789012345678901234567890",
	"2.2250738585072011e-308", "4.9406564584124654e-324", "1.7976931348623157e308",
	"8.98846567431158e307", "0.30000000000000004", "-122.41933479999999",
	"7.0064923216240854e-46", "1E+2", "5e-1",
}

func checkRejects(t *testing.T, c jsonsuite.Codec) {
	for name, doc := range badDocuments() {
		var tree any
		if err := c.Unmarshal([]byte(doc), &tree); err == nil {
			t.Errorf("%s: accepted", name)
		} else if !utf8.ValidString(err.Error()) {
			t.Errorf("%s: error message is not UTF-8: %q", name, err)
		}
	}
}

// badDocuments are invalid documents by name; every implementation must
// reject them.
func badDocuments() map[string]string {
	return map[string]string{
		"invalid UTF-8 in a string":  "[\"a\xffb\"]",
		"invalid UTF-8 in a key":     "{\"a\xc3\":1}",
		"encoded surrogate":          "[\"\xed\xa0\x80\"]",
		"overlong encoding":          "[\"\xc0\xaf\"]",
		"raw control character":      "[\"a\x01b\"]",
		"truncated":                  `{"a": [1, 2`,
		"empty":                      "",
		"trailing garbage":           "[1] x",
		"leading zero":               "[01]",
		"number out of range":        "[1e400]",
		"negative out of range":      "[-1e400]",
		"unquoted key":               "{a: 1}",
		"100000 nested open arrays":  strings.Repeat("[", 100000),
		"100000 nested closed array": strings.Repeat("[", 100000) + strings.Repeat("]", 100000),
	}
}

func referenceStats(t *testing.T, shape string) map[string]any {
	b, err := testdata.ReadFile("testdata/" + shape + ".stats.json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// asMap renders stats as the verification JSON benchctl would read.
func asMap(t *testing.T, stats any) map[string]any {
	b, err := json.Marshal(stats)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func equal(a, b map[string]any) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
