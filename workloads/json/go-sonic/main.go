// Command go-sonic runs the json suite on bytedance/sonic.
package main

import (
	"errors"
	"fmt"
	"unsafe"

	jsonsuite "benchctl/workloads/json/shared/go"
	benchlib "benchctl/workloads/lib/go"
	"github.com/bytedance/sonic"
	"github.com/bytedance/sonic/decoder"
	"github.com/bytedance/sonic/encoder"
	sonicutf8 "github.com/bytedance/sonic/utf8"
)

// api validates strings: without ValidateString sonic accepts raw control
// characters in strings.
var api = sonic.Config{ValidateString: true}.Froze()

// The manifest sets SONIC_USE_OPTDEC=1 and SONIC_USE_FASTMAP=1 (see its
// notes). sonic reads them once, when its packages initialise, so main
// cannot set them; without them the program runs sonic's default decoder,
// as the integration test of invalid inputs runs it. Results record the
// environment.

// codec adapts sonic to the suite.
type codec struct {
	out []byte
}

// Unmarshal decodes data in place: the strings in v may share data's
// memory, so data must not change while v is in use. The suite's callers
// keep to that (a parse iteration's tree is dropped before the next copy).
func (c *codec) Unmarshal(data []byte, v any) error {
	// ValidateString replaces invalid UTF-8 with U+FFFD rather than
	// rejecting it, so check first, with sonic's own SIMD validator.
	if !sonicutf8.Validate(data) {
		return jsonsuite.InvalidUTF8(data)
	}
	// sonic.Unmarshal would copy data into a new string; sonic's README
	// recommends the string entry point when such a cast is safe, as above.
	// sonic still reads the bytes of data, the suite's timed copy.
	return oneLine(api.UnmarshalFromString(unsafe.String(unsafe.SliceData(data), len(data)), v))
}

// oneLine rewrites sonic's errors, whose text quotes a multi-line excerpt
// of the input, as one line with the byte offset.
func oneLine(err error) error {
	var syntax decoder.SyntaxError
	if errors.As(err, &syntax) {
		return fmt.Errorf("%s at byte offset %d", syntax.Message(), syntax.Pos)
	}
	var mismatch *decoder.MismatchTypeError
	if errors.As(err, &mismatch) {
		return fmt.Errorf("JSON value does not fit Go type %v at byte offset %d", mismatch.Type, mismatch.Pos)
	}
	return err
}

func (c *codec) Marshal(v any) ([]byte, error) {
	// EncodeInto appends to the reused slice; sonic.Marshal would allocate.
	// ValidateString matches api's decoding options.
	c.out = c.out[:0]
	err := encoder.EncodeInto(&c.out, v, encoder.ValidateString)
	return c.out, err
}

func main() {
	if sonic.APIKind != sonic.UseSonicJSON {
		// Outside its supported Go versions and architectures sonic silently
		// falls back to encoding/json; measuring that as sonic would lie.
		benchlib.Start().Fail(errors.New("sonic was built as its encoding/json fallback (unsupported Go version or architecture)"))
	}
	jsonsuite.Main(new(codec))
}
