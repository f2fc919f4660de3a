//! The iteration control block and the consumer thread's lifecycle
//! (SPEC.md, "The iteration control block").

use crate::queue::Disconnected;
use crate::{pin, Padded};
use benchlib::Error;
use std::hint::spin_loop;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::thread::{self, JoinHandle};

/// The value of `go` that ends the consumer thread.
const STOP: u64 = u64::MAX;

/// What the consumer reports after an iteration.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Outcome {
    /// Items the consumer received.
    pub items: u64,
    /// Their sum mod 2^64.
    pub sum: u64,
    /// The first item that was not its position in the iteration.
    pub first_error: Option<SequenceError>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct SequenceError {
    pub expected: u64,
    pub got: u64,
}

impl Outcome {
    /// Adds `item`, received at `position` of the iteration.
    #[inline]
    pub fn receive(&mut self, position: u64, item: u64) {
        if item != position && self.first_error.is_none() {
            self.first_error = Some(SequenceError {
                expected: position,
                got: item,
            });
        }
        self.items += 1;
        self.sum = self.sum.wrapping_add(item);
    }

    /// The outcome of iteration `k`, or its sequence error.
    pub fn checked(self, k: u64) -> Result<Outcome, Error> {
        match self.first_error {
            None => Ok(self),
            Some(SequenceError { expected, got }) => Err(Error::new(format!(
                "sequence error in iteration {k}: expected item {expected}, got {got}"
            ))),
        }
    }
}

/// Shared by the producer and the consumer thread. Each flag is alone in
/// its block; the outcome too, as the consumer writes it.
struct Control {
    /// Written by the producer: the iteration to run, or `STOP`.
    go: Padded<AtomicU64>,
    /// Written by the consumer: the last iteration it finished.
    done: Padded<AtomicU64>,
    /// Written by the consumer before `done`, read by the producer after.
    /// The lock is never contended (`done` orders the two); it keeps the
    /// hand-over safe code at the cost of one more line per iteration.
    outcome: Padded<Mutex<Outcome>>,
}

/// The consumer thread, pinned to its CPU, and the control block it obeys.
/// Dropping it stops the thread and joins it.
pub(crate) struct ConsumerThread {
    control: Arc<Control>,
    thread: Option<JoinHandle<()>>,
    /// The number of the last iteration started.
    iteration: u64,
}

impl ConsumerThread {
    /// Starts the consumer thread, which pins itself to `cpu` and then runs
    /// `work` once per iteration. An `Err` from `work` (a queue end is gone)
    /// ends the thread. Returns once the thread is pinned.
    pub fn start(
        cpu: usize,
        mut work: impl FnMut() -> Result<Outcome, Disconnected> + Send + 'static,
    ) -> Result<ConsumerThread, Error> {
        let control = Arc::new(Control {
            go: Padded(AtomicU64::new(0)),
            done: Padded(AtomicU64::new(0)),
            outcome: Padded(Mutex::new(Outcome::default())),
        });
        let (pinned_tx, pinned_rx) = mpsc::channel();
        let shared = Arc::clone(&control);
        let thread = thread::Builder::new()
            .name("spsc-consumer".to_owned())
            .spawn(move || {
                let pinned = pin::pin_this_thread(cpu, "consumer");
                let ok = pinned.is_ok();
                // The producer waits for this answer; it cannot be gone.
                let _ = pinned_tx.send(pinned);
                if ok {
                    serve(&shared, &mut work);
                }
            })
            .map_err(|e| Error::new(format!("starting the consumer thread: {e}")))?;
        let mut consumer = ConsumerThread {
            control,
            thread: Some(thread),
            iteration: 0,
        };
        match pinned_rx.recv() {
            Ok(Ok(())) => Ok(consumer),
            Ok(Err(error)) => Err(error),
            Err(mpsc::RecvError) => {
                consumer.thread.take().map(JoinHandle::join);
                Err(Error::new(
                    "the consumer thread ended before pinning itself",
                ))
            }
        }
    }

    /// Starts the next iteration and returns its number `k`.
    #[inline]
    pub fn go(&mut self) -> u64 {
        self.iteration += 1;
        self.control.go.store(self.iteration, Ordering::Release);
        self.iteration
    }

    /// Spins until the consumer has finished iteration `k`; its outcome.
    #[inline]
    pub fn wait(&self, k: u64) -> Outcome {
        while self.control.done.load(Ordering::Acquire) != k {
            spin_loop();
        }
        *self
            .control
            .outcome
            .lock()
            .expect("the consumer never panics")
    }
}

impl Drop for ConsumerThread {
    fn drop(&mut self) {
        // Between iterations the consumer spins on `go`, never blocked in a
        // queue, so STOP always reaches it.
        self.control.go.store(STOP, Ordering::Release);
        if let Some(thread) = self.thread.take() {
            // With panic = "abort" a panicking consumer never gets here.
            let _ = thread.join();
        }
    }
}

/// The consumer thread's loop: wait for `go` to change, run the iteration,
/// report it.
fn serve(control: &Control, work: &mut impl FnMut() -> Result<Outcome, Disconnected>) {
    let mut seen = 0;
    loop {
        let k = loop {
            let go = control.go.load(Ordering::Acquire);
            if go != seen {
                break go;
            }
            spin_loop();
        };
        if k == STOP {
            return;
        }
        seen = k;
        let Ok(outcome) = work() else {
            return;
        };
        *control.outcome.lock().expect("the producer never panics") = outcome;
        control.done.store(k, Ordering::Release);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_queue::a_cpu;

    #[test]
    fn an_outcome_keeps_the_first_sequence_error() {
        let mut outcome = Outcome::default();
        for (position, item) in [(0, 0), (1, 2), (2, 1), (3, 3)] {
            outcome.receive(position, item);
        }
        assert_eq!((outcome.items, outcome.sum), (4, 6));
        assert_eq!(
            outcome.checked(7).unwrap_err().to_string(),
            "sequence error in iteration 7: expected item 1, got 2"
        );
    }

    #[test]
    fn the_consumer_runs_one_iteration_per_go_and_stops_on_drop() {
        let mut calls = 0;
        let mut consumer = ConsumerThread::start(a_cpu(), move || {
            calls += 1;
            Ok(Outcome {
                items: calls,
                sum: 10 * calls,
                first_error: None,
            })
        })
        .unwrap();
        for expected in 1..=3 {
            let k = consumer.go();
            assert_eq!(k, expected);
            let outcome = consumer.wait(k);
            assert_eq!((outcome.items, outcome.sum), (k, 10 * k));
        }
        // Dropping joins the thread: the test would hang if STOP were lost.
        drop(consumer);
    }

    #[test]
    fn a_consumer_that_cannot_pin_itself_is_an_error() {
        let result = ConsumerThread::start(5000, || Ok(Outcome::default()));
        let message = result.err().unwrap().to_string();
        assert!(
            message.starts_with("pinning the consumer thread to CPU 5000"),
            "{message}"
        );
    }
}
