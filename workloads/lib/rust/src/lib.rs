//! The benchctl workload protocol, version 1 (`workloads/PROTOCOL.md`), for
//! Rust workloads.
//!
//! A workload reads its parameters, builds its state untimed, and hands the
//! state and its body to [`Bench::measure`]; the library does the rest
//! (setup message, self-check, calibration, warm-up, timed samples, result).
//!
//! ```no_run
//! benchlib::main(|bench| {
//!     let n: u64 = bench
//!         .param("N")?
//!         .parse()
//!         .map_err(|e| benchlib::Error::new(format!("BENCHCTL_PARAM_N: {e}")))?;
//!     let numbers: Vec<u64> = (0..n).collect();
//!     bench.measure(numbers, |numbers| Ok(numbers.iter().sum::<u64>()))
//! });
//! ```

mod config;
mod message;

pub use config::Config;

use message::Message;
use serde::Serialize;
use std::collections::BTreeMap;
use std::env;
use std::fmt;
use std::fs::File;
use std::hint::black_box;
use std::io::Write;
use std::os::fd::FromRawFd;
use std::path::Path;
use std::process;
use std::time::Instant;

/// Why a workload could not run; sent to benchctl as an `error` message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(String);

impl Error {
    /// An error with this message, which should name what failed (e.g. the
    /// input file and the byte offset).
    pub fn new(message: impl Into<String>) -> Error {
        Error(message.into())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

/// Runs a workload: reads the protocol environment (exiting 2 on a usage
/// error), calls `workload`, which must call [`Bench::measure`] once, and
/// turns an `Err` into an `error` message and exit status 1.
pub fn main(workload: impl FnOnce(&mut Bench) -> Result<(), Error>) {
    let mut bench = match Bench::from_env() {
        Ok(bench) => bench,
        Err(usage) => {
            eprintln!("{usage}");
            eprintln!(
                "usage: run by benchctl, which sets BENCHCTL_PROTOCOL=1, BENCHCTL_FD, \
                 BENCHCTL_WARMUP, BENCHCTL_SAMPLES, BENCHCTL_ITERATIONS, \
                 BENCHCTL_MIN_SAMPLE_NS and BENCHCTL_PARAM_<NAME> (workloads/PROTOCOL.md)"
            );
            process::exit(2);
        }
    };
    match workload(&mut bench) {
        Err(error) => bench.fail(&error),
        // Without a `result` line benchctl would only see a silent failure.
        Ok(()) if !bench.measured => bench.fail(&Error::new("the workload never called measure")),
        Ok(()) => {}
    }
}

/// A workload's connection to benchctl.
pub struct Bench {
    config: Config,
    pipe: Pipe,
    counters: BTreeMap<String, u64>,
    measured: bool,
}

impl Bench {
    fn from_env() -> Result<Bench, String> {
        let config = Config::from_lookup(|name| env::var(name).ok())?;
        // Checked before taking ownership so a wrong number is a usage error
        // rather than writes to some unrelated descriptor failing later.
        if !Path::new(&format!("/proc/self/fd/{}", config.fd)).exists() {
            return Err(format!(
                "BENCHCTL_FD={}: not an open file descriptor",
                config.fd
            ));
        }
        // SAFETY: the descriptor is open (checked above) and benchctl hands
        // it to this process for the protocol alone, so nothing else here
        // owns or closes it.
        let file = unsafe { File::from_raw_fd(config.fd) };
        let pipe = Pipe {
            file,
            fd: config.fd,
        };
        Ok(Bench {
            config,
            pipe,
            counters: BTreeMap::new(),
            measured: false,
        })
    }

    /// The configuration benchctl asked for.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The workload parameter `BENCHCTL_PARAM_<name>`, which must be set.
    pub fn param(&self, name: &str) -> Result<String, Error> {
        self.param_opt(name)?
            .ok_or_else(|| Error::new(format!("BENCHCTL_PARAM_{name} is not set")))
    }

    /// The workload parameter `BENCHCTL_PARAM_<name>`, if set.
    pub fn param_opt(&self, name: &str) -> Result<Option<String>, Error> {
        debug_assert!(!name.chars().any(|c| c.is_ascii_lowercase()));
        match env::var(format!("BENCHCTL_PARAM_{name}")) {
            Ok(value) => Ok(Some(value)),
            Err(env::VarError::NotPresent) => Ok(None),
            Err(env::VarError::NotUnicode(_)) => Err(Error::new(format!(
                "BENCHCTL_PARAM_{name} is not valid UTF-8"
            ))),
        }
    }

    /// Reports a workload counter (e.g. `bytes_per_iteration`) in the result.
    pub fn counter(&mut self, name: &str, value: u64) {
        self.counters.insert(name.to_owned(), value);
    }

    /// Measures `body` on `state` and sends the result. The first run of the
    /// body is the self-check: an `Err` there fails the workload, an `Ok`
    /// is the verification value that every later result must equal (a later
    /// `Err` counts as a mismatch).
    pub fn measure<S, R>(
        &mut self,
        state: S,
        body: impl FnMut(&mut S) -> Result<R, Error>,
    ) -> Result<(), Error>
    where
        R: PartialEq + Serialize,
    {
        self.measure_checked(state, body, |_, _| Ok(()))
    }

    /// Like [`Bench::measure`], but calls `after_check` once with the state
    /// and result of the self-check, before anything is timed (e.g. to save
    /// the output that benchctl inspects).
    pub fn measure_checked<S, R>(
        &mut self,
        mut state: S,
        mut body: impl FnMut(&mut S) -> Result<R, Error>,
        after_check: impl FnOnce(&S, &R) -> Result<(), Error>,
    ) -> Result<(), Error>
    where
        R: PartialEq + Serialize,
    {
        assert!(!self.measured, "a workload measures once");
        self.measured = true;

        let status = std::fs::read_to_string("/proc/self/status")
            .map_err(|e| Error::new(format!("/proc/self/status: {e}")))?;
        let rss_kb = message::parse_vm_rss(&status)
            .ok_or_else(|| Error::new("/proc/self/status has no VmRSS line"))?;
        self.pipe.send(&Message::Setup { rss_kb })?;

        let expected = body(&mut state)?;
        after_check(&state, &expected)?;
        // Rendered now, in the type's own field order, and sent at the end.
        let verification = serde_json::value::to_raw_value(&expected)
            .map_err(|e| Error::new(format!("verification value: {e}")))?;

        let mut runner = Runner {
            state,
            body,
            expected,
            mismatches: 0,
        };
        let iterations = match self.config.iterations {
            Some(n) => n,
            None => runner.calibrate(self.config.min_sample_ns),
        };
        let warmup_ns: Vec<u64> = (0..self.config.warmup)
            .map(|_| runner.sample(iterations))
            .collect();
        let samples_ns: Vec<u64> = (0..self.config.samples)
            .map(|_| runner.sample(iterations))
            .collect();

        self.pipe.send(&Message::Result {
            verification: &verification,
            iterations,
            warmup_ns: &warmup_ns,
            samples_ns: &samples_ns,
            mismatches: runner.mismatches,
            counters: &self.counters,
        })
    }

    /// Sends an `error` message and exits 1.
    fn fail(&mut self, error: &Error) -> ! {
        eprintln!("error: {error}");
        // Nothing more can be done if the pipe is gone too; stderr has it.
        let _ = self.pipe.send(&Message::Error { message: &error.0 });
        process::exit(1);
    }
}

/// The protocol pipe.
struct Pipe {
    file: File,
    fd: i32,
}

impl Pipe {
    /// Sends one message as a single write of one line.
    fn send(&mut self, message: &Message) -> Result<(), Error> {
        self.file
            .write_all(&message.to_line())
            .map_err(|e| Error::new(format!("protocol pipe BENCHCTL_FD={}: {e}", self.fd)))
    }
}

/// The body with its state and the verification value it must reproduce.
struct Runner<S, R, F> {
    state: S,
    body: F,
    expected: R,
    /// Iterations since the self-check whose result differed from it.
    mismatches: u64,
}

impl<S, R, F> Runner<S, R, F>
where
    R: PartialEq,
    F: FnMut(&mut S) -> Result<R, Error>,
{
    /// Times `n` back-to-back iterations, in nanoseconds.
    fn sample(&mut self, n: u64) -> u64 {
        let start = Instant::now();
        for _ in 0..n {
            // The barrier on the state stops the optimiser from hoisting an
            // iteration out of the loop; the one on the result from deleting it.
            let result = black_box((self.body)(black_box(&mut self.state)));
            if !matches!(result, Ok(ref r) if *r == self.expected) {
                self.mismatches += 1;
            }
        }
        u64::try_from(start.elapsed().as_nanos()).unwrap_or(u64::MAX)
    }

    /// The iteration count that makes a sample last at least `target_ns`
    /// (PROTOCOL.md, "Calibration").
    fn calibrate(&mut self, target_ns: u64) -> u64 {
        let mut n = 1;
        loop {
            let elapsed_ns = self.sample(n);
            if elapsed_ns >= target_ns {
                return n;
            }
            n = next_iterations(n, elapsed_ns, target_ns);
        }
    }
}

/// The calibration step: `max(n + 1, min(10·n, ceil(1.2 · n · target / elapsed)))`.
///
/// Computed as `ceil(6·n·target / (5·elapsed))` in 128-bit integers, so it is
/// exact (saturating far beyond any real count); an elapsed time of zero
/// grows `n` tenfold.
pub fn next_iterations(n: u64, elapsed_ns: u64, target_ns: u64) -> u64 {
    let n = u128::from(n);
    let scaled = if elapsed_ns == 0 {
        u128::MAX
    } else {
        (6 * n)
            .saturating_mul(u128::from(target_ns))
            .div_ceil(5 * u128::from(elapsed_ns))
    };
    let next = (n + 1).max(scaled.min(10 * n));
    u64::try_from(next).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calibration_scales_towards_the_target_with_margin() {
        // 2 iterations took 5 ms of a 20 ms target: 1.2 · 2 · 4 = 9.6 → 10.
        assert_eq!(next_iterations(2, 5_000_000, 20_000_000), 10);
        // Exactly 1.2 · 10 · 2 = 24, no rounding up past an integer.
        assert_eq!(next_iterations(10, 10_000_000, 20_000_000), 24);
    }

    #[test]
    fn calibration_grows_at_most_tenfold() {
        assert_eq!(next_iterations(1, 1, 20_000_000), 10);
        assert_eq!(next_iterations(7, 0, 20_000_000), 70);
    }

    #[test]
    fn calibration_always_grows_by_at_least_one() {
        // 1.2 · 100 · 0.8 = 96 would shrink n; it grows to 101 instead.
        assert_eq!(next_iterations(100, 25_000_000, 20_000_000), 101);
        assert_eq!(next_iterations(1, 19_999_999, 20_000_000), 2);
    }

    #[test]
    fn calibration_saturates_instead_of_overflowing() {
        assert_eq!(next_iterations(u64::MAX / 2, 1, u64::MAX), u64::MAX);
        assert_eq!(next_iterations(u64::MAX, 1, 1), u64::MAX);
    }

    #[test]
    fn runner_counts_results_that_differ_from_the_self_check() {
        let mut runner = Runner {
            state: 0u32,
            body: |calls: &mut u32| {
                *calls += 1;
                match *calls % 4 {
                    0 => Err(Error::new("failed")),
                    1 => Ok(true),
                    _ => Ok(false),
                }
            },
            expected: false,
            mismatches: 0,
        };
        runner.sample(9);
        assert_eq!(runner.state, 9);
        // Calls 1, 5 and 9 returned `true`; calls 4 and 8 failed.
        assert_eq!(runner.mismatches, 5);
    }

    #[test]
    fn calibration_with_a_zero_target_runs_one_iteration() {
        let mut runner = Runner {
            state: (),
            body: |_: &mut ()| Ok(1u8),
            expected: 1,
            mismatches: 0,
        };
        assert_eq!(runner.calibrate(0), 1);
        assert_eq!(runner.mismatches, 0);
    }
}
