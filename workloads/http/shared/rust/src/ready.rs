//! The two messages a server gives benchctl about its socket: ready, or the
//! bind failed.

use crate::Config;
use std::fs::File;
use std::io::{self, Write};
use std::mem::ManuallyDrop;
use std::net::SocketAddr;
use std::os::fd::FromRawFd;
use std::process;

/// The line benchctl waits for once the socket listens.
fn ready_line(port: u16, threads: usize) -> String {
    format!("{{\"type\":\"ready\",\"port\":{port},\"threads\":{threads}}}\n")
}

/// Writes the ready line to the protocol pipe with one `write(2)` (SPEC.md)
/// and leaves the pipe open. A pipe that cannot take it means benchctl is
/// gone, so the server exits 1.
pub fn announce_ready(config: &Config) {
    let line = ready_line(config.addr.port(), config.threads);
    // SAFETY: `Config::from_env_or_exit` checked that the descriptor is open,
    // and benchctl hands it to this process for the protocol alone.
    // ManuallyDrop keeps it open: closing the pipe is not part of the protocol.
    let mut pipe = ManuallyDrop::new(unsafe { File::from_raw_fd(config.fd) });
    match pipe.write(line.as_bytes()) {
        Ok(n) if n == line.len() => {}
        Ok(n) => fail_ready(
            config.fd,
            &io::Error::other(format!("only {n} of {} bytes written", line.len())),
        ),
        Err(err) => fail_ready(config.fd, &err),
    }
}

fn fail_ready(fd: i32, err: &io::Error) -> ! {
    eprintln!("cannot write the ready line to BENCHCTL_FD={fd}: {err}");
    process::exit(1);
}

/// Reports a listening socket that could not be set up, naming the address
/// and the reason, and exits 1 (SPEC.md, "failure to start").
pub fn exit_bind_failed(addr: SocketAddr, err: &io::Error) -> ! {
    eprintln!("cannot listen on {addr}: {err}");
    process::exit(1);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ready_line_is_the_spec_json_with_a_newline() {
        assert_eq!(
            ready_line(18080, 1),
            "{\"type\":\"ready\",\"port\":18080,\"threads\":1}\n"
        );
    }
}
