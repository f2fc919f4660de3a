package protocol

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestEncodeSetup(t *testing.T) {
	got, err := EncodeSetup(10240)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"schema":1,"type":"setup","rss_kb":10240}` + "\n"
	if string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestEncodeResult(t *testing.T) {
	got, err := EncodeResult(Result{
		Verification: map[string]int{"output_bytes": 42},
		Iterations:   37,
		SamplesNS:    []int64{100, 200},
		Mismatches:   0,
		Counters:     map[string]int64{"num_gc": 3, "bytes_per_iteration": 123456},
	})
	if err != nil {
		t.Fatal(err)
	}
	// Empty warm-up is [] rather than null; map keys come out sorted.
	const want = `{"schema":1,"type":"result","verification":{"output_bytes":42},"iterations":37,` +
		`"warmup_ns":[],"samples_ns":[100,200],"mismatches":0,` +
		`"counters":{"bytes_per_iteration":123456,"num_gc":3}}` + "\n"
	if string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestEncodeError(t *testing.T) {
	got, err := EncodeError("in.json: invalid UTF-8 at byte 1234\n\"quoted\"")
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"schema":1,"type":"error","message":"in.json: invalid UTF-8 at byte 1234\n\"quoted\""}` + "\n"
	if string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestEncodeErrorTruncatesLongMessages(t *testing.T) {
	got, err := EncodeError(strings.Repeat("é", maxMessageBytes))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) > maxMessageBytes+100 {
		t.Errorf("line is %d bytes, want about %d", len(got), maxMessageBytes)
	}
	if !utf8.Valid(got) || !strings.HasSuffix(string(got), "…\"}\n") {
		t.Errorf("bad truncation: ...%q", got[len(got)-20:])
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		s     string
		limit int
		want  string
	}{
		{"short", 10, "short"},
		{"exactly10!", 10, "exactly10!"},
		{"abcdefghijk", 10, "abcdefg…"},
		// "é" is 2 bytes: a cut at byte 7 would split the fourth one.
		{"éééééé", 10, "ééé…"},
	}
	for _, tt := range tests {
		if got := truncate(tt.s, tt.limit); got != tt.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", tt.s, tt.limit, got, tt.want)
		}
	}
}
