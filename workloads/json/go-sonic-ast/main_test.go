package main

import (
	"testing"

	"benchctl/workloads/json/shared/go/codectest"
)

func TestParseDOM(t *testing.T) {
	codectest.RunDOM(t, parseDOM)
}
