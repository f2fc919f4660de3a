//! The suite's parameters (SPEC.md, "Threads, CPUs and parameters").

use benchlib::{Bench, Error};
use std::str::FromStr;

/// An operation of the suite.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Throughput,
    Latency,
}

impl FromStr for Op {
    type Err = String;

    fn from_str(s: &str) -> Result<Op, String> {
        match s {
            "throughput" => Ok(Op::Throughput),
            "latency" => Ok(Op::Latency),
            _ => Err(format!(
                "unknown operation {s:?}: expected throughput or latency"
            )),
        }
    }
}

/// The parameters, each checked against its rule. benchctl always sets all
/// of them, so all are required whatever the operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Params {
    pub op: Op,
    /// Items every queue holds: a power of two, at least 2.
    pub capacity: usize,
    /// Items per `throughput` iteration: a positive multiple of `capacity / 2`.
    pub items: u64,
    /// Round trips per `latency` iteration: at least 1.
    pub round_trips: u64,
}

impl Params {
    /// Reads `BENCHCTL_PARAM_OP`, `_CAPACITY`, `_ITEMS` and `_ROUND_TRIPS`.
    pub fn read(bench: &Bench) -> Result<Params, Error> {
        Params::from_lookup(|name| bench.param(name))
    }

    /// Reads the parameters through `get`, which returns the value of
    /// `BENCHCTL_PARAM_<name>` (the environment, or a table in tests).
    pub fn from_lookup(get: impl Fn(&str) -> Result<String, Error>) -> Result<Params, Error> {
        let op = get("OP")?
            .parse()
            .map_err(|e| Error::new(format!("BENCHCTL_PARAM_OP: {e}")))?;
        let capacity: u64 = number(&get, "CAPACITY")?;
        if capacity < 2 || !capacity.is_power_of_two() {
            return Err(Error::new(format!(
                "BENCHCTL_PARAM_CAPACITY={capacity}: must be a power of two, at least 2"
            )));
        }
        let half = capacity / 2;
        let items: u64 = number(&get, "ITEMS")?;
        if items == 0 || !items.is_multiple_of(half) {
            return Err(Error::new(format!(
                "BENCHCTL_PARAM_ITEMS={items}: must be a positive multiple of CAPACITY/2 = {half}"
            )));
        }
        let round_trips: u64 = number(&get, "ROUND_TRIPS")?;
        if round_trips == 0 {
            return Err(Error::new(
                "BENCHCTL_PARAM_ROUND_TRIPS=0: must be at least 1",
            ));
        }
        let capacity = usize::try_from(capacity).map_err(|_| {
            Error::new(format!(
                "BENCHCTL_PARAM_CAPACITY={capacity}: more slots than this machine can address"
            ))
        })?;
        Ok(Params {
            op,
            capacity,
            items,
            round_trips,
        })
    }
}

fn number<T>(get: &impl Fn(&str) -> Result<String, Error>, name: &str) -> Result<T, Error>
where
    T: FromStr,
    T::Err: std::fmt::Display,
{
    let text = get(name)?;
    text.parse().map_err(|e| {
        Error::new(format!(
            "BENCHCTL_PARAM_{name}={text:?} is not a valid number: {e}"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(changes: &[(&str, &str)]) -> Result<Params, Error> {
        let mut vars = vec![
            ("OP", "throughput"),
            ("CAPACITY", "1024"),
            ("ITEMS", "65536"),
            ("ROUND_TRIPS", "2000"),
        ];
        for &(name, value) in changes {
            vars.retain(|&(k, _)| k != name);
            if !value.is_empty() {
                vars.push((name, value));
            }
        }
        Params::from_lookup(|name| {
            vars.iter()
                .find(|&&(k, _)| k == name)
                .map(|&(_, v)| v.to_owned())
                .ok_or_else(|| Error::new(format!("BENCHCTL_PARAM_{name} is not set")))
        })
    }

    #[test]
    fn reads_the_quick_defaults() {
        assert_eq!(
            with(&[("OP", "latency")]).unwrap(),
            Params {
                op: Op::Latency,
                capacity: 1024,
                items: 65536,
                round_trips: 2000,
            }
        );
    }

    #[test]
    fn accepts_the_smallest_values_the_rules_allow() {
        let params = with(&[("CAPACITY", "2"), ("ITEMS", "1"), ("ROUND_TRIPS", "1")]).unwrap();
        assert_eq!(
            (params.capacity, params.items, params.round_trips),
            (2, 1, 1)
        );
        assert_eq!(with(&[("ITEMS", "512")]).unwrap().items, 512);
    }

    #[test]
    fn each_broken_rule_names_its_parameter() {
        // (parameter, bad value or "" to unset it, expected message)
        let cases = [
            (
                "OP",
                "parse-dom",
                "BENCHCTL_PARAM_OP: unknown operation \"parse-dom\"",
            ),
            ("OP", "", "BENCHCTL_PARAM_OP is not set"),
            (
                "CAPACITY",
                "1000",
                "BENCHCTL_PARAM_CAPACITY=1000: must be a power of two",
            ),
            (
                "CAPACITY",
                "1",
                "BENCHCTL_PARAM_CAPACITY=1: must be a power of two",
            ),
            (
                "CAPACITY",
                "0",
                "BENCHCTL_PARAM_CAPACITY=0: must be a power of two",
            ),
            (
                "CAPACITY",
                "-4",
                "BENCHCTL_PARAM_CAPACITY=\"-4\" is not a valid number",
            ),
            (
                "ITEMS",
                "100",
                "BENCHCTL_PARAM_ITEMS=100: must be a positive multiple of CAPACITY/2 = 512",
            ),
            (
                "ITEMS",
                "0",
                "BENCHCTL_PARAM_ITEMS=0: must be a positive multiple",
            ),
            (
                "ITEMS",
                "1e6",
                "BENCHCTL_PARAM_ITEMS=\"1e6\" is not a valid number",
            ),
            (
                "ROUND_TRIPS",
                "0",
                "BENCHCTL_PARAM_ROUND_TRIPS=0: must be at least 1",
            ),
            ("ROUND_TRIPS", "", "BENCHCTL_PARAM_ROUND_TRIPS is not set"),
        ];
        for (name, value, expected) in cases {
            let message = with(&[(name, value)]).unwrap_err().to_string();
            assert!(message.starts_with(expected), "{name}={value:?}: {message}");
        }
    }
}
