//go:build goexperiment.jsonv2

// Command go-jsonv2 runs the json suite on encoding/json/v2, which Go 1.26
// ships behind GOEXPERIMENT=jsonv2.
package main

import (
	"bytes"
	"encoding/json/v2"

	jsonsuite "benchctl/workloads/json/shared/go"
)

// codec adapts encoding/json/v2 to the suite with its default options:
// invalid UTF-8 and duplicate object names are rejected, map keys are not
// sorted, nothing is escaped beyond what JSON requires.
type codec struct {
	out bytes.Buffer
}

// Unmarshal needs no wrapping: v2's errors already name the byte offset.
func (c *codec) Unmarshal(data []byte, v any) error {
	return json.Unmarshal(data, v)
}

func (c *codec) Marshal(v any) ([]byte, error) {
	c.out.Reset()
	if err := json.MarshalWrite(&c.out, v); err != nil {
		return nil, err
	}
	return c.out.Bytes(), nil
}

func main() {
	jsonsuite.Main(new(codec))
}
