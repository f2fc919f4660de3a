package main

import (
	"testing"

	"benchctl/workloads/json/shared/go/codectest"
)

func TestCodec(t *testing.T) {
	codectest.Run(t, newCodec())
}
