// Command go-sonic-ast runs the json suite's parse-dom on bytedance/sonic's
// ast.Node, sonic's own generic tree, instead of the any that go-sonic
// decodes into.
package main

import (
	"errors"
	"fmt"
	"strings"
	"unsafe"

	jsonsuite "benchctl/workloads/json/shared/go"
	benchlib "benchctl/workloads/lib/go"
	"github.com/bytedance/sonic"
	"github.com/bytedance/sonic/ast"
	"github.com/bytedance/sonic/decoder"
	sonicutf8 "github.com/bytedance/sonic/utf8"
)

// api is the validating pass. ast's own parser checks little: it accepts
// raw control characters in strings, invalid UTF-8 and anything after the
// top-level value, its search path checks syntax only, and Node.LoadAll
// drops the parse errors of a lazily parsed container, leaving an empty
// node. Decoding into an ast.Node with sonic's decoder instead validates
// the whole document natively (syntax, raw control characters with
// ValidateString, trailing content) and hands ast the document as an
// unparsed node.
var api = sonic.Config{ValidateString: true}.Froze()

// parseDOM parses data into an ast.Node, loads all of it, and walks it.
// The tree's strings may point into data, which the suite does not change
// before the tree is dropped.
func parseDOM(data []byte) (jsonsuite.Stats, error) {
	// ValidateString replaces invalid UTF-8 with U+FFFD rather than
	// rejecting it, so check first, with sonic's own SIMD validator.
	if !sonicutf8.Validate(data) {
		return jsonsuite.Stats{}, jsonsuite.InvalidUTF8(data)
	}
	var root ast.Node
	// A string sharing data's memory, as in go-sonic: sonic.Unmarshal would
	// copy the input into a new string first.
	if err := api.UnmarshalFromString(unsafe.String(unsafe.SliceData(data), len(data)), &root); err != nil {
		return jsonsuite.Stats{}, oneLine(err)
	}
	var s jsonsuite.Stats
	if err := add(&s, &root); err != nil {
		return jsonsuite.Stats{}, err
	}
	return s, nil
}

// add loads n and walks it into s, as jsonsuite.DOMStats walks an any.
// Node.LoadAll parses one level: the containers inside stay unparsed text
// until they are loaded in turn, so each container is loaded, in place,
// just before its children are walked; when the walk ends the whole tree
// is parsed. ast keeps numbers as text until asked, so they are converted,
// and out-of-range ones rejected, here.
func add(s *jsonsuite.Stats, n *ast.Node) error {
	switch n.TypeSafe() {
	case ast.V_OBJECT:
		s.Objects++
		return addChildren(s, n, func(key *string) {
			s.Members++
			s.KeyBytes += len(*key)
		})
	case ast.V_ARRAY:
		s.Arrays++
		return addChildren(s, n, func(*string) { s.Elements++ })
	case ast.V_STRING:
		v, err := n.String()
		if err != nil {
			return astError(err)
		}
		s.Strings++
		s.StringBytes += len(v)
	case ast.V_NUMBER:
		d, err := n.Float64()
		if err != nil {
			raw, _ := n.Raw()
			return fmt.Errorf("number %s is not a finite binary64 (%v)", raw, err)
		}
		s.Numbers++
		s.NumberChecksum.Add(d)
	case ast.V_TRUE:
		s.Trues++
	case ast.V_FALSE:
		s.Falses++
	case ast.V_NULL:
		s.Nulls++
	default:
		return astError(n.Check())
	}
	return nil
}

// addChildren loads container n and adds each child, calling count with
// the child's key (nil in an array) first. ForEach hands out the tree's own
// nodes, so loading them loads the tree.
func addChildren(s *jsonsuite.Stats, n *ast.Node, count func(key *string)) error {
	if err := n.LoadAll(); err != nil {
		return astError(err)
	}
	var err error
	if e := n.ForEach(func(at ast.Sequence, child *ast.Node) bool {
		count(at.Key)
		err = add(s, child)
		return err == nil
	}); e != nil {
		return astError(e)
	}
	return err
}

// astError keeps the first line of ast's errors, which quote a multi-line
// excerpt of the input.
func astError(err error) error {
	if err == nil {
		return errors.New("sonic ast: node of unknown type")
	}
	first, _, _ := strings.Cut(err.Error(), "\n")
	return fmt.Errorf("sonic ast: %s", first)
}

// oneLine rewrites sonic's decoder errors, whose text quotes a multi-line
// excerpt of the input, as one line with the byte offset.
func oneLine(err error) error {
	var syntax decoder.SyntaxError
	if errors.As(err, &syntax) {
		return fmt.Errorf("%s at byte offset %d", syntax.Message(), syntax.Pos)
	}
	return err
}

func main() {
	if sonic.APIKind != sonic.UseSonicJSON {
		// Outside its supported Go versions and architectures sonic silently
		// falls back to encoding/json; measuring that as sonic would lie.
		benchlib.Start().Fail(errors.New("sonic was built as its encoding/json fallback (unsupported Go version or architecture)"))
	}
	jsonsuite.MainDOM(parseDOM)
}
