//! The in-process loop: the self-check, calibration, warm-up and timed
//! samples of a workload that times itself.

use crate::calibrate::next_iterations;
use crate::message::Message;
use crate::protocol::Connection;
use crate::{rss, Config, Error};
use serde::Serialize;
use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::Instant;

/// Runs a workload: reads the protocol environment (exiting 2 on a usage
/// error), calls `workload`, which must call [`Bench::measure`] once, and
/// turns an `Err` into an `error` message and exit status 1.
pub fn main(workload: impl FnOnce(&mut Bench) -> Result<(), Error>) {
    let mut bench = Bench {
        connection: Connection::from_env_or_exit(),
        counters: BTreeMap::new(),
        measured: false,
    };
    match workload(&mut bench) {
        Err(error) => bench.connection.fail(&error),
        // Without a `result` line benchctl would only see a silent failure.
        Ok(()) if !bench.measured => bench
            .connection
            .fail(&Error::new("the workload never called measure")),
        Ok(()) => {}
    }
}

/// A workload's connection to benchctl, with the loop that measures it.
pub struct Bench {
    connection: Connection,
    counters: BTreeMap<String, u64>,
    measured: bool,
}

impl Bench {
    /// The configuration benchctl asked for.
    pub fn config(&self) -> &Config {
        self.connection.config()
    }

    /// The workload parameter `BENCHCTL_PARAM_<name>`, which must be set.
    pub fn param(&self, name: &str) -> Result<String, Error> {
        self.connection.param(name)
    }

    /// The workload parameter `BENCHCTL_PARAM_<name>`, if set.
    pub fn param_opt(&self, name: &str) -> Result<Option<String>, Error> {
        self.connection.param_opt(name)
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

        let rss_kb = rss::resident_kb()?;
        self.connection.send(&Message::Setup { rss_kb })?;

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
        let iterations = match self.config().iterations {
            Some(n) => n,
            None => runner.calibrate(self.config().min_sample_ns),
        };
        let warmup_ns: Vec<u64> = (0..self.config().warmup)
            .map(|_| runner.sample(iterations))
            .collect();
        let samples_ns: Vec<u64> = (0..self.config().samples)
            .map(|_| runner.sample(iterations))
            .collect();

        self.connection.send(&Message::Result {
            verification: &verification,
            iterations,
            warmup_ns: &warmup_ns,
            samples_ns: &samples_ns,
            mismatches: runner.mismatches,
            counters: &self.counters,
        })
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

#[cfg(test)]
mod tests {
    use super::*;

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
