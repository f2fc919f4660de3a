package httpsuite

import (
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"runtime"
)

// Server is a started server: its settings and its listening socket.
type Server struct {
	Config
	Listener net.Listener
}

// Start reads the settings, checks GOMAXPROCS and binds the listening
// socket. A bad setting exits with status 2 and a failed bind with status
// 1, each with a line on stderr.
func Start() *Server {
	c, err := ReadConfig(os.LookupEnv)
	if err == nil {
		_, fromEnv := os.LookupEnv("GOMAXPROCS")
		err = c.CheckGOMAXPROCS(runtime.GOMAXPROCS(0), fromEnv)
	}
	if err == nil {
		err = checkFD(c.FD)
	}
	if err != nil {
		exit(2, err)
	}
	ln, err := Listen(c.Addr())
	if err != nil {
		exit(1, err)
	}
	return &Server{Config: c, Listener: ln}
}

// Listen binds addr (IPv4 only: "tcp4", so never a dual-stack socket).
// Go sets SO_REUSEADDR itself, which lets a server bind a port whose old
// connections are in TIME_WAIT but never one that another socket listens
// on.
func Listen(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp4", addr)
	if err != nil {
		// The OpError repeats the operation and address; keep its cause
		// ("bind: address already in use") and name the address once.
		var op *net.OpError
		if errors.As(err, &op) && op.Err != nil {
			err = op.Err
		}
		return nil, fmt.Errorf("cannot listen on %s: %v", addr, err)
	}
	return ln, nil
}

// Ready writes the ready line for the bound socket; the caller serves on
// s.Listener next. Connections that arrive in between wait in the
// socket's backlog. A pipe that cannot be written means benchctl is gone:
// exit with status 1.
func (s *Server) Ready() {
	port := s.Listener.Addr().(*net.TCPAddr).Port
	if err := writeReady(s.FD, ReadyLine(port, s.Threads)); err != nil {
		exit(1, err)
	}
}

// Fail reports a serving error after the ready line and exits with status 1.
func (s *Server) Fail(err error) {
	exit(1, err)
}

func exit(status int, err error) {
	fmt.Fprintf(os.Stderr, "%s: %v\n", filepath.Base(os.Args[0]), err)
	os.Exit(status)
}
