package protocol

import (
	"bytes"
	"testing"
)

func TestSendWritesEachLineWhole(t *testing.T) {
	var pipe bytes.Buffer
	c := &Conn{pipe: &pipe}
	setup, err := EncodeSetup(7)
	if err != nil {
		t.Fatal(err)
	}
	failure, err := EncodeError("in.json: bad")
	if err != nil {
		t.Fatal(err)
	}
	c.Send(setup)
	c.Send(failure)
	const want = `{"schema":1,"type":"setup","rss_kb":7}` + "\n" +
		`{"schema":1,"type":"error","message":"in.json: bad"}` + "\n"
	if pipe.String() != want {
		t.Errorf("pipe got %q, want %q", pipe.String(), want)
	}
}
