// Command go-stdlib runs the json suite on encoding/json.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"

	jsonsuite "benchctl/workloads/json/shared/go"
)

// codec adapts encoding/json to the suite.
type codec struct {
	out bytes.Buffer
	enc *json.Encoder
}

func newCodec() *codec {
	c := new(codec)
	// An Encoder writes into the reused buffer; json.Marshal would allocate
	// a fresh slice for every document.
	c.enc = json.NewEncoder(&c.out)
	// Marshal's default \u003c-style escaping of <, > and & is for embedding
	// in HTML; plain JSON output, as other languages write it, does not.
	c.enc.SetEscapeHTML(false)
	return c
}

func (c *codec) Unmarshal(data []byte, v any) error {
	// encoding/json replaces invalid UTF-8 with U+FFFD instead of rejecting
	// it; the SPEC asks for rejection, so check first.
	if !utf8.Valid(data) {
		return jsonsuite.InvalidUTF8(data)
	}
	if err := json.Unmarshal(data, v); err != nil {
		return withOffset(err)
	}
	return nil
}

// withOffset adds the byte offset that encoding/json's errors carry but do
// not print.
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
	if err := c.enc.Encode(v); err != nil {
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
