package jsonsuite

import (
	"fmt"
	"os"
	"unicode/utf8"

	benchlib "benchctl/workloads/lib/go"
)

// Codec is one JSON library as the suite drives it. Each implementation
// supplies only this; the operations and their timed regions are the same
// for all.
type Codec interface {
	// Unmarshal decodes data into v (a *any or a Document) with the SPEC's
	// full validation, invalid UTF-8 included. Its errors carry the byte
	// offset where the library gives one. v's strings may share data's
	// memory (sonic, go-json without string copies), so callers leave data
	// unchanged while v is in use.
	Unmarshal(data []byte, v any) error
	// Marshal writes v as compact JSON text into the codec's reused output
	// buffer and returns it; the bytes stay valid until the next call.
	Marshal(v any) ([]byte, error)
}

// DOMParser is parse-dom for a library whose generic tree is its own type
// rather than the any that Codec decodes into: it parses data into that
// tree, with the SPEC's full validation, and walks all of it. The tree may
// share data's memory; it is dropped before data changes.
type DOMParser func(data []byte) (Stats, error)

// Main runs the operation benchctl asked for on c and exits.
func Main(c Codec) {
	mainWith(c, codecDOM(c))
}

// MainDOM runs parse-dom with parse and exits; it is for libraries that
// offer no fitting parse-typed or serialize, which it refuses.
func MainDOM(parse DOMParser) {
	mainWith(nil, parse)
}

func mainWith(c Codec, dom DOMParser) {
	b := benchlib.Start()
	if err := run(b, c, dom); err != nil {
		b.Fail(err)
	}
}

// codecDOM is parse-dom over a Codec: decode into an any and walk it.
func codecDOM(c Codec) DOMParser {
	return func(data []byte) (Stats, error) {
		var tree any
		if err := c.Unmarshal(data, &tree); err != nil {
			return Stats{}, err
		}
		return DOMStats(tree), nil
	}
}

// run runs op; c is nil for an implementation of parse-dom only.
func run(b *benchlib.Bench, c Codec, dom DOMParser) error {
	op, err := b.Param("op")
	if err != nil {
		return err
	}
	path, err := b.Param("input")
	if err != nil {
		return err
	}
	input, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	// Throughput is input bytes per iteration for every operation, so that
	// implementations compare on the same document size.
	counters := map[string]int64{"bytes_per_iteration": int64(len(input))}

	if c == nil && op != "parse-dom" {
		return fmt.Errorf("%s: this implementation has parse-dom only, not %q", path, op)
	}
	switch op {
	case "parse-dom":
		benchlib.Run(b, benchlib.Workload[Stats]{
			Body:     parseDOM(dom, path, input),
			Counters: counters,
		})
	case "parse-typed":
		shape, err := b.Param("shape")
		if err != nil {
			return err
		}
		newDoc, err := NewDocument(shape)
		if err != nil {
			return err
		}
		benchlib.Run(b, benchlib.Workload[TypedStats]{
			Body:     parseTyped(c, path, input, newDoc),
			Counters: counters,
		})
	case "serialize":
		output, err := b.Param("output")
		if err != nil {
			return err
		}
		var tree any
		if err := c.Unmarshal(input, &tree); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		var last []byte
		benchlib.Run(b, benchlib.Workload[int]{
			Body: func() (int, error) {
				out, err := c.Marshal(tree)
				last = out
				return len(out), err
			},
			// Runs right after the self-check, so last is its output.
			Verification: func(n int) (any, error) {
				if err := os.WriteFile(output, last, 0o644); err != nil {
					return nil, err
				}
				return map[string]int{"output_bytes": n}, nil
			},
			Counters: counters,
		})
	default:
		return fmt.Errorf("unknown operation %q (want parse-dom, parse-typed or serialize)", op)
	}
	return nil
}

// parseDOM is the parse-dom body: copy the input into the buffer allocated
// once here, parse it into a new tree, and walk the tree.
func parseDOM(dom DOMParser, path string, input []byte) func() (Stats, error) {
	buf := make([]byte, len(input))
	return func() (Stats, error) {
		copy(buf, input)
		stats, err := dom(buf)
		if err != nil {
			return Stats{}, fmt.Errorf("%s: %w", path, err)
		}
		return stats, nil
	}
}

// parseTyped is the parse-typed body: copy, decode into a fresh typed
// document, fold its typed stats.
func parseTyped(c Codec, path string, input []byte, newDoc func() Document) func() (TypedStats, error) {
	buf := make([]byte, len(input))
	return func() (TypedStats, error) {
		copy(buf, input)
		doc := newDoc()
		if err := c.Unmarshal(buf, doc); err != nil {
			return TypedStats{}, fmt.Errorf("%s: %w", path, err)
		}
		return doc.TypedStats(), nil
	}
}

// InvalidUTF8 returns an error locating the first invalid UTF-8 sequence in
// data, or nil if there is none. Codecs whose library replaces invalid
// UTF-8 instead of rejecting it call it after a fast validity check fails.
func InvalidUTF8(data []byte) error {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return fmt.Errorf("invalid UTF-8 at byte offset %d", i)
		}
		i += size
	}
	return nil
}
