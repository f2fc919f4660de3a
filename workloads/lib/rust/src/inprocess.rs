//! The in-process loop: the self-check, calibration, warm-up and timed
//! samples of a workload that times itself.

use crate::calibrate::next_iterations;
use crate::message::Message;
use crate::protocol::Connection;
use crate::{faults, rss, Config, Error};
use serde::Serialize;
use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::Instant;

/// Runs a workload: reads the protocol environment (exiting 2 on a usage
/// error), calls `workload`, which must call [`Bench::measure`] or one of its
/// variants once, and
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
    /// `Err` counts as a mismatch, and the first one's message goes to
    /// stderr).
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
        state: S,
        body: impl FnMut(&mut S) -> Result<R, Error>,
        after_check: impl FnOnce(&S, &R) -> Result<(), Error>,
    ) -> Result<(), Error>
    where
        R: PartialEq + Serialize,
    {
        self.run(state, body, after_check, |_| {}, |_| BTreeMap::new())
    }

    /// Like [`Bench::measure`], with the timed-phase hooks of PROTOCOL.md
    /// for a workload that gathers its own statistics about the timed
    /// samples. Neither hook is timed:
    ///
    /// - `before_timed` runs once, after calibration and warm-up, right
    ///   before the first timed sample: the place to clear what the
    ///   self-check, calibration and warm-up gathered;
    /// - `after_timed` runs once, right after the last timed sample; the
    ///   counters it returns are added to the result's (a name also given to
    ///   [`Bench::counter`] takes the hook's value).
    ///
    /// Both get the state, so a body that must know whether the timed
    /// samples are running keeps a flag in its state that the hooks set and
    /// clear; it is then an ordinary field read, with no shared flag to reach:
    ///
    /// ```no_run
    /// # use std::collections::BTreeMap;
    /// struct Trips {
    ///     timing: bool,
    ///     timed_trips: u64,
    /// }
    ///
    /// benchlib::main(|bench| {
    ///     let state = Trips { timing: false, timed_trips: 0 };
    ///     bench.measure_with_hooks(
    ///         state,
    ///         |s| {
    ///             if s.timing {
    ///                 s.timed_trips += 1;
    ///             }
    ///             Ok(1u64)
    ///         },
    ///         |s| s.timing = true,
    ///         |s| {
    ///             s.timing = false;
    ///             BTreeMap::from([("timed_trips".to_owned(), s.timed_trips)])
    ///         },
    ///     )
    /// });
    /// ```
    pub fn measure_with_hooks<S, R>(
        &mut self,
        state: S,
        body: impl FnMut(&mut S) -> Result<R, Error>,
        before_timed: impl FnOnce(&mut S),
        after_timed: impl FnOnce(&mut S) -> BTreeMap<String, u64>,
    ) -> Result<(), Error>
    where
        R: PartialEq + Serialize,
    {
        self.run(state, body, |_, _| Ok(()), before_timed, after_timed)
    }

    fn run<S, R>(
        &mut self,
        mut state: S,
        mut body: impl FnMut(&mut S) -> Result<R, Error>,
        after_check: impl FnOnce(&S, &R) -> Result<(), Error>,
        before_timed: impl FnOnce(&mut S),
        after_timed: impl FnOnce(&mut S) -> BTreeMap<String, u64>,
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
            first_error: None,
        };
        let measured = runner.measure(self.config(), before_timed, after_timed);
        if let Some(error) = &runner.first_error {
            // The count alone fails the run; this says why.
            eprintln!("error in a measured iteration: {error}");
        }
        self.counters.extend(measured.counters);

        self.connection.send(&Message::Result {
            verification: &verification,
            iterations: measured.iterations,
            warmup_ns: &measured.warmup_ns,
            samples_ns: &measured.samples_ns,
            mismatches: runner.mismatches,
            counters: &self.counters,
        })
    }
}

/// What the loop measured after the self-check.
struct Measured {
    iterations: u64,
    warmup_ns: Vec<u64>,
    samples_ns: Vec<u64>,
    /// What the after-timed hook returned.
    counters: BTreeMap<String, u64>,
}

/// The body with its state and the verification value it must reproduce.
struct Runner<S, R, F> {
    state: S,
    body: F,
    expected: R,
    /// Iterations since the self-check whose result differed from it.
    mismatches: u64,
    /// The first of those that failed, to say why on stderr.
    first_error: Option<Error>,
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
            match result {
                Ok(ref r) if *r == self.expected => {}
                Ok(_) => self.mismatches += 1,
                Err(error) => {
                    self.mismatches += 1;
                    self.first_error.get_or_insert(error);
                }
            }
        }
        u64::try_from(start.elapsed().as_nanos()).unwrap_or(u64::MAX)
    }

    /// Calibration (unless the iteration count is given), warm-up and the
    /// timed samples, with the timed-phase hooks around the timed samples.
    fn measure(
        &mut self,
        config: &Config,
        before_timed: impl FnOnce(&mut S),
        after_timed: impl FnOnce(&mut S) -> BTreeMap<String, u64>,
    ) -> Measured {
        let iterations = match config.iterations {
            Some(n) => n,
            None => self.calibrate(config.min_sample_ns),
        };
        let warmup_ns = (0..config.warmup)
            .map(|_| self.sample(iterations))
            .collect();
        before_timed(&mut self.state);
        let faults_before = faults::read();
        let samples_ns = (0..config.samples)
            .map(|_| self.sample(iterations))
            .collect();
        let faults_after = faults::read();
        let mut counters = after_timed(&mut self.state);
        // /proc/self/stat is always there on Linux; were it not, the counters are left out
        // (benchctl then shows no per-operation faults) rather than guessed.
        if let (Ok(before), Ok(after)) = (faults_before, faults_after) {
            counters.insert("timed_minor_faults".into(), after.minor - before.minor);
            counters.insert("timed_major_faults".into(), after.major - before.major);
        }
        Measured {
            iterations,
            warmup_ns,
            samples_ns,
            counters,
        }
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
            first_error: None,
        };
        runner.sample(9);
        assert_eq!(runner.state, 9);
        // Calls 1, 5 and 9 returned `true`; calls 4 and 8 failed.
        assert_eq!(runner.mismatches, 5);
        assert_eq!(runner.first_error, Some(Error::new("failed")));
    }

    #[test]
    fn calibration_with_a_zero_target_runs_one_iteration() {
        let mut runner = Runner {
            state: (),
            body: |_: &mut ()| Ok(1u8),
            expected: 1,
            mismatches: 0,
            first_error: None,
        };
        assert_eq!(runner.calibrate(0), 1);
        assert_eq!(runner.mismatches, 0);
    }

    /// A state that logs what ran, with the flag the hooks set.
    #[derive(Default)]
    struct Log {
        timing: bool,
        events: Vec<&'static str>,
    }

    fn logged_body(log: &mut Log) -> Result<u8, Error> {
        log.events
            .push(if log.timing { "timed" } else { "untimed" });
        Ok(7)
    }

    fn config(iterations: Option<u64>, warmup: u32, samples: u32) -> Config {
        Config {
            fd: -1,
            warmup,
            samples,
            iterations,
            min_sample_ns: 0,
        }
    }

    #[test]
    fn hooks_run_once_around_the_timed_samples() {
        let mut runner = Runner {
            state: Log::default(),
            body: logged_body,
            expected: 7,
            mismatches: 0,
            first_error: None,
        };
        let measured = runner.measure(
            &config(Some(2), 1, 3),
            |log| {
                log.events.push("before");
                log.timing = true;
            },
            |log| {
                log.events.push("after");
                log.timing = false;
                BTreeMap::from([("timed_calls".to_owned(), 6)])
            },
        );
        let mut expected = vec!["untimed"; 2];
        expected.push("before");
        expected.extend(["timed"; 6]);
        expected.push("after");
        assert_eq!(runner.state.events, expected);
        assert_eq!(measured.iterations, 2);
        assert_eq!(measured.warmup_ns.len(), 1);
        assert_eq!(measured.samples_ns.len(), 3);
        assert_eq!(measured.counters["timed_calls"], 6);
        assert_eq!(runner.mismatches, 0);
    }

    #[test]
    fn calibration_and_warm_up_run_before_the_first_hook() {
        let mut runner = Runner {
            state: Log::default(),
            body: logged_body,
            expected: 7,
            mismatches: 0,
            first_error: None,
        };
        // A zero target calibrates to one iteration; no warm-up.
        runner.measure(
            &config(None, 0, 2),
            |log| log.events.push("before"),
            |log| {
                log.events.push("after");
                BTreeMap::new()
            },
        );
        assert_eq!(
            runner.state.events,
            ["untimed", "before", "untimed", "untimed", "after"]
        );
    }

    #[test]
    fn measure_with_hooks_merges_the_hook_counters_into_the_result() {
        let path = std::env::temp_dir().join(format!("benchlib-hooks-{}", std::process::id()));
        let mut bench = Bench {
            connection: Connection::to_file(
                config(Some(3), 1, 2),
                std::fs::File::create(&path).unwrap(),
            ),
            counters: BTreeMap::new(),
            measured: false,
        };
        bench.counter("kept", 1);
        bench.counter("overridden", 2);
        let mut events = Vec::new();
        bench
            .measure_with_hooks(
                Log::default(),
                logged_body,
                |log| {
                    log.timing = true;
                    log.events.clear();
                },
                |log| {
                    log.timing = false;
                    events = std::mem::take(&mut log.events);
                    BTreeMap::from([
                        ("overridden".to_owned(), 20),
                        ("added".to_owned(), events.len() as u64),
                    ])
                },
            )
            .unwrap();
        let written = std::fs::read_to_string(&path).unwrap();
        std::fs::remove_file(&path).unwrap();

        // Only the timed samples' calls are left after the clear.
        assert_eq!(events, ["timed"; 6]);
        let lines: Vec<serde_json::Value> = written
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["type"], "setup");
        let result = &lines[1];
        assert_eq!(result["type"], "result");
        assert_eq!(result["verification"], 7);
        assert_eq!(result["iterations"], 3);
        assert_eq!(result["mismatches"], 0);
        // The loop's own fault counters are there too (their values depend on the machine).
        let mut counters = result["counters"].as_object().unwrap().clone();
        assert!(counters.remove("timed_minor_faults").unwrap().is_u64());
        assert!(counters.remove("timed_major_faults").unwrap().is_u64());
        assert_eq!(
            serde_json::Value::Object(counters),
            serde_json::json!({"added": 6, "kept": 1, "overridden": 20})
        );
    }
}
