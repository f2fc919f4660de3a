//! The two ends of a queue of `u64`s, as the driver uses them.

/// The other end of the queue is gone. Only a channel can tell; the driver
/// drops its ends this way at shutdown so a blocked thread wakes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Disconnected;

/// The producer's end.
pub trait Push: Send + 'static {
    /// Adds `value`, waiting while the queue is full the way the queue does
    /// (a lock-free queue spins with `std::hint::spin_loop`, a channel
    /// blocks as it ships).
    fn push(&mut self, value: u64) -> Result<(), Disconnected>;
}

/// The consumer's end.
pub trait Pop: Send + 'static {
    /// Takes the oldest value, waiting while the queue is empty the way the
    /// queue does.
    fn pop(&mut self) -> Result<u64, Disconnected>;
}
