// Command go-gojson runs the json suite on goccy/go-json.
package main

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"

	jsonsuite "benchctl/workloads/json/shared/go"
	"github.com/goccy/go-json"
)

// decodeOptions: decoded strings without escapes point into the input
// instead of being copied, as sonic does by default. The suite's callers
// do not change the input while the decoded value is in use.
var decodeOptions = []json.DecodeOptionFunc{json.DecodeNoCopyString()}

// encodeOptions: map keys in map order rather than sorted (sorting is
// encoding/json's rule, not JSON's), and <, > and & written as themselves
// like other languages do. Strings are still checked for invalid UTF-8, as
// encoding/json does.
var encodeOptions = []json.EncodeOptionFunc{json.UnorderedMap(), json.DisableHTMLEscape()}

// codec adapts goccy/go-json to the suite.
type codec struct {
	out bytes.Buffer
	enc *json.Encoder
}

func newCodec() *codec {
	c := new(codec)
	// An Encoder writes into the reused buffer; json.Marshal would allocate
	// a fresh slice for every document.
	c.enc = json.NewEncoder(&c.out)
	return c
}

func (c *codec) Unmarshal(data []byte, v any) error {
	// go-json replaces invalid UTF-8 with U+FFFD instead of rejecting it,
	// as encoding/json does; the SPEC asks for rejection, so check first.
	if !utf8.Valid(data) {
		return jsonsuite.InvalidUTF8(data)
	}
	if err := json.UnmarshalWithOption(data, v, decodeOptions...); err != nil {
		return withOffset(err)
	}
	return nil
}

// withOffset adds the byte offset that go-json's errors carry but do not
// always print.
func withOffset(err error) error {
	var syntax *json.SyntaxError
	if errors.As(err, &syntax) {
		return fmt.Errorf("%w at byte offset %d", err, syntax.Offset)
	}
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) {
		return fmt.Errorf("%w at byte offset %d", err, typ.Offset)
	}
	return err
}

func (c *codec) Marshal(v any) ([]byte, error) {
	c.out.Reset()
	if err := c.enc.EncodeWithOption(v, encodeOptions...); err != nil {
		return nil, err
	}
	// Encode ends every value with a newline, which is not part of the
	// document.
	out := c.out.Bytes()
	return out[:len(out)-1], nil
}

func main() {
	jsonsuite.Main(newCodec())
}
