package httpsuite

import (
	"fmt"
	"strconv"
	"syscall"
)

// ReadyLine is the line that tells benchctl the server accepts
// connections: {"type":"ready","port":P,"threads":T} and a newline.
func ReadyLine(port, threads int) []byte {
	b := make([]byte, 0, 64)
	b = append(b, `{"type":"ready","port":`...)
	b = strconv.AppendInt(b, int64(port), 10)
	b = append(b, `,"threads":`...)
	b = strconv.AppendInt(b, int64(threads), 10)
	return append(b, "}\n"...)
}

// checkFD fails unless fd is open, so that a wrong BENCHCTL_FD is a usage
// error found before the socket is bound, not a failed write after it.
func checkFD(fd int) error {
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return usagef("BENCHCTL_FD=%d is not an open file descriptor: %v", fd, err)
	}
	return nil
}

// writeReady writes line to fd with one write(2), as the SPEC asks: the
// reader takes a line as one message, and a line this short is written
// whole into a pipe (it is below PIPE_BUF) or not at all.
func writeReady(fd int, line []byte) error {
	for {
		n, err := syscall.Write(fd, line)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return fmt.Errorf("writing the ready line to BENCHCTL_FD=%d: %v", fd, err)
		}
		if n != len(line) {
			return fmt.Errorf("writing the ready line to BENCHCTL_FD=%d: wrote %d of %d bytes", fd, n, len(line))
		}
		return nil
	}
}
