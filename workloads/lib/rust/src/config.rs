//! The `BENCHCTL_*` environment that benchctl sets for an in-process workload.

use std::fmt::Display;
use std::str::FromStr;

/// The only protocol version this library speaks.
pub const PROTOCOL_VERSION: &str = "1";

/// How the workload is to be measured, as read from the environment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Descriptor of the protocol pipe.
    pub fd: i32,
    /// Warm-up samples, timed and discarded.
    pub warmup: u32,
    /// Timed samples (at least one).
    pub samples: u32,
    /// Iterations per sample; `None` means calibrate.
    pub iterations: Option<u64>,
    /// Calibration target: the shortest acceptable sample.
    pub min_sample_ns: u64,
}

impl Config {
    /// Reads the configuration through `get`, which looks up one variable
    /// (the process environment in production, a table in tests). An `Err`
    /// is a usage error: its message names the variable and what was wrong.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Config, String> {
        match get("BENCHCTL_PROTOCOL").as_deref() {
            Some(PROTOCOL_VERSION) => {}
            Some(other) => {
                return Err(format!(
                    "BENCHCTL_PROTOCOL={other:?}: this library speaks protocol version {PROTOCOL_VERSION}"
                ))
            }
            None => return Err("BENCHCTL_PROTOCOL is not set".to_owned()),
        }
        let fd: i32 = required(&get, "BENCHCTL_FD")?;
        if fd < 0 {
            return Err(format!("BENCHCTL_FD={fd}: not a file descriptor"));
        }
        let samples: u32 = required(&get, "BENCHCTL_SAMPLES")?;
        if samples == 0 {
            return Err("BENCHCTL_SAMPLES=0: at least one sample is needed".to_owned());
        }
        let iterations: u64 = required(&get, "BENCHCTL_ITERATIONS")?;
        // The calibration target only matters when calibrating, so only then
        // is it required; a value that is present must still parse.
        let min_sample_ns = match (iterations, optional(&get, "BENCHCTL_MIN_SAMPLE_NS")?) {
            (_, Some(ns)) => ns,
            (0, None) => {
                return Err("BENCHCTL_MIN_SAMPLE_NS is not set (needed to calibrate)".to_owned())
            }
            (_, None) => 0,
        };
        Ok(Config {
            fd,
            warmup: required(&get, "BENCHCTL_WARMUP")?,
            samples,
            iterations: (iterations != 0).then_some(iterations),
            min_sample_ns,
        })
    }
}

fn optional<T>(get: &impl Fn(&str) -> Option<String>, name: &str) -> Result<Option<T>, String>
where
    T: FromStr,
    T::Err: Display,
{
    get(name)
        .map(|text| {
            text.parse()
                .map_err(|e| format!("{name}={text:?} is not a valid number: {e}"))
        })
        .transpose()
}

fn required<T>(get: &impl Fn(&str) -> Option<String>, name: &str) -> Result<T, String>
where
    T: FromStr,
    T::Err: Display,
{
    optional(get, name)?.ok_or_else(|| format!("{name} is not set"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn lookup(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let vars: HashMap<String, String> = vars
            .iter()
            .map(|&(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        move |name| vars.get(name).cloned()
    }

    const FULL: [(&str, &str); 6] = [
        ("BENCHCTL_PROTOCOL", "1"),
        ("BENCHCTL_FD", "3"),
        ("BENCHCTL_WARMUP", "2"),
        ("BENCHCTL_SAMPLES", "5"),
        ("BENCHCTL_ITERATIONS", "0"),
        ("BENCHCTL_MIN_SAMPLE_NS", "20000000"),
    ];

    fn with(changes: &[(&'static str, Option<&'static str>)]) -> Result<Config, String> {
        let mut vars: Vec<(&str, &str)> = FULL.to_vec();
        for &(name, value) in changes {
            vars.retain(|&(k, _)| k != name);
            if let Some(v) = value {
                vars.push((name, v));
            }
        }
        Config::from_lookup(lookup(&vars))
    }

    #[test]
    fn reads_a_complete_environment() {
        assert_eq!(
            with(&[]),
            Ok(Config {
                fd: 3,
                warmup: 2,
                samples: 5,
                iterations: None,
                min_sample_ns: 20_000_000,
            })
        );
    }

    #[test]
    fn fixed_iterations_need_no_calibration_target() {
        let config = with(&[
            ("BENCHCTL_ITERATIONS", Some("7")),
            ("BENCHCTL_MIN_SAMPLE_NS", None),
        ])
        .unwrap();
        assert_eq!(config.iterations, Some(7));
    }

    #[test]
    fn rejects_usage_errors() {
        // (variable, its new value or None to unset it, expected message part)
        let cases = [
            ("BENCHCTL_PROTOCOL", Some("2"), "BENCHCTL_PROTOCOL=\"2\""),
            ("BENCHCTL_PROTOCOL", None, "BENCHCTL_PROTOCOL is not set"),
            ("BENCHCTL_FD", None, "BENCHCTL_FD is not set"),
            ("BENCHCTL_FD", Some("-1"), "BENCHCTL_FD=-1"),
            ("BENCHCTL_SAMPLES", Some("0"), "BENCHCTL_SAMPLES=0"),
            ("BENCHCTL_WARMUP", Some("two"), "BENCHCTL_WARMUP=\"two\""),
            (
                "BENCHCTL_ITERATIONS",
                Some("-3"),
                "BENCHCTL_ITERATIONS=\"-3\"",
            ),
            (
                "BENCHCTL_MIN_SAMPLE_NS",
                None,
                "BENCHCTL_MIN_SAMPLE_NS is not set",
            ),
        ];
        for (name, value, expected) in cases {
            let err = with(&[(name, value)]).unwrap_err();
            assert!(err.contains(expected), "{name}={value:?}: {err}");
        }
    }
}
