package protocol

import (
	"encoding/json"
	"unicode/utf8"
)

// schema is the message schema version ("schema" in every message).
const schema = 1

// maxMessageBytes bounds an error message's text. The protocol allows lines up
// to 1 MiB; a library error may quote input (a JSON pointer, a snippet), and
// escaping can grow text sixfold, so keep well below the limit.
const maxMessageBytes = 16 << 10

type setupMessage struct {
	Schema int    `json:"schema"`
	Type   string `json:"type"`
	RSSKB  int64  `json:"rss_kb"`
}

// Result is what a result message reports; EncodeResult adds the schema
// and type.
type Result struct {
	Verification any              `json:"verification"`
	Iterations   int64            `json:"iterations"`
	WarmupNS     []int64          `json:"warmup_ns"`
	SamplesNS    []int64          `json:"samples_ns"`
	Mismatches   int64            `json:"mismatches"`
	Counters     map[string]int64 `json:"counters,omitempty"`
}

// resultMessage puts the schema and type first: encoding/json writes an
// embedded struct's fields where it is embedded.
type resultMessage struct {
	Schema int    `json:"schema"`
	Type   string `json:"type"`
	Result
}

type errorMessage struct {
	Schema  int    `json:"schema"`
	Type    string `json:"type"`
	Message string `json:"message"`
}

// EncodeSetup renders the setup message as one protocol line.
func EncodeSetup(rssKB int64) ([]byte, error) {
	return line(setupMessage{Schema: schema, Type: "setup", RSSKB: rssKB})
}

// EncodeResult renders the result message as one protocol line.
func EncodeResult(r Result) ([]byte, error) {
	// Lists are always present, empty rather than null.
	if r.WarmupNS == nil {
		r.WarmupNS = []int64{}
	}
	if r.SamplesNS == nil {
		r.SamplesNS = []int64{}
	}
	return line(resultMessage{Schema: schema, Type: "result", Result: r})
}

// EncodeError renders the error message as one protocol line.
func EncodeError(msg string) ([]byte, error) {
	return line(errorMessage{Schema: schema, Type: "error", Message: truncate(msg, maxMessageBytes)})
}

func line(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// truncate shortens s to at most limit bytes without splitting a UTF-8
// sequence, marking the cut with an ellipsis.
func truncate(s string, limit int) string {
	if len(s) <= limit {
		return s
	}
	const ellipsis = "…"
	cut := limit - len(ellipsis)
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + ellipsis
}
