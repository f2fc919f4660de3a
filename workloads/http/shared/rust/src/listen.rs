//! The listening socket for servers whose library leaves binding to the
//! caller.

use socket2::{Domain, Socket, Type};
use std::io;
use std::net::{SocketAddr, TcpListener};

/// Pending connections the kernel queues before the server accepts them:
/// more than the 256 connections the load opens at once (std and tokio use
/// 128, which drops SYNs and delays connections by a second). It is the
/// default of actix-web and may, the other two Rust servers.
const BACKLOG: i32 = 1024;

/// Binds exactly `addr` with `SO_REUSEADDR` (as std, tokio and actix do) but
/// not `SO_REUSEPORT`, so a busy port fails, and listens. The socket is
/// non-blocking, ready for an event loop.
pub fn listen(addr: SocketAddr) -> io::Result<TcpListener> {
    let socket = Socket::new(Domain::for_address(addr), Type::STREAM, None)?;
    socket.set_reuse_address(true)?;
    socket.set_nonblocking(true)?;
    socket.bind(&addr.into())?;
    socket.listen(BACKLOG)?;
    Ok(socket.into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::ErrorKind;

    #[test]
    fn a_second_listener_on_the_same_port_fails() {
        let first = listen("127.0.0.1:0".parse().unwrap()).unwrap();
        let err = listen(first.local_addr().unwrap()).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::AddrInUse);
    }
}
