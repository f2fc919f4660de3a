//! The suite's parameters (SPEC.md, "Parameters"), each checked against its
//! range.

use benchlib::{Bench, Error};
use std::ops::RangeInclusive;
use std::str::FromStr;

/// An operation of the suite.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    BinaryTrees,
    Churn,
    RequestArena,
}

impl FromStr for Op {
    type Err = String;

    fn from_str(s: &str) -> Result<Op, String> {
        match s {
            "binary-trees" => Ok(Op::BinaryTrees),
            "churn" => Ok(Op::Churn),
            "request-arena" => Ok(Op::RequestArena),
            _ => Err(format!(
                "unknown operation {s:?}: expected binary-trees, churn or request-arena"
            )),
        }
    }
}

/// The parameters. benchctl always sets all of them, so all are required
/// whatever the operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Params {
    pub op: Op,
    /// binary-trees' maximum depth. The SPEC's `max(DEPTH, 6)` is DEPTH
    /// itself, as the range starts at 6.
    pub depth: u32,
    /// churn's live-set slots.
    pub live: usize,
    /// churn's operations per iteration.
    pub ops: u64,
    /// request-arena's requests per iteration.
    pub requests: u64,
    /// request-arena's nodes per request.
    pub nodes: u32,
    /// The random stream's seed.
    pub seed: u64,
}

const DEPTH: RangeInclusive<u64> = 6..=24;
const LIVE: RangeInclusive<u64> = 1..=1_000_000;
const OPS: RangeInclusive<u64> = 1..=1_000_000_000;
const REQUESTS: RangeInclusive<u64> = 1..=1_000_000;
const NODES: RangeInclusive<u64> = 1..=1_000_000;

impl Params {
    /// Reads `BENCHCTL_PARAM_OP`, `_DEPTH`, `_LIVE`, `_OPS`, `_REQUESTS`,
    /// `_NODES` and `_SEED`.
    pub fn read(bench: &Bench) -> Result<Params, Error> {
        Params::from_lookup(|name| bench.param(name))
    }

    /// Reads the parameters through `get`, which returns the value of
    /// `BENCHCTL_PARAM_<name>` (the environment, or a table in tests).
    pub fn from_lookup(get: impl Fn(&str) -> Result<String, Error>) -> Result<Params, Error> {
        let op = get("OP")?
            .parse()
            .map_err(|e| Error::new(format!("BENCHCTL_PARAM_OP: {e}")))?;
        // Every range fits in u32, so the narrowing casts below are exact.
        Ok(Params {
            op,
            depth: in_range(&get, "DEPTH", DEPTH)? as u32,
            live: in_range(&get, "LIVE", LIVE)? as usize,
            ops: in_range(&get, "OPS", OPS)?,
            requests: in_range(&get, "REQUESTS", REQUESTS)?,
            nodes: in_range(&get, "NODES", NODES)? as u32,
            seed: number(&get, "SEED")?,
        })
    }
}

fn in_range(
    get: &impl Fn(&str) -> Result<String, Error>,
    name: &str,
    range: RangeInclusive<u64>,
) -> Result<u64, Error> {
    let value = number(get, name)?;
    if !range.contains(&value) {
        return Err(Error::new(format!(
            "BENCHCTL_PARAM_{name}={value}: must be in {} … {}",
            range.start(),
            range.end()
        )));
    }
    Ok(value)
}

fn number(get: &impl Fn(&str) -> Result<String, Error>, name: &str) -> Result<u64, Error> {
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
            ("OP", "churn"),
            ("DEPTH", "10"),
            ("LIVE", "1000"),
            ("OPS", "20000"),
            ("REQUESTS", "20"),
            ("NODES", "500"),
            ("SEED", "42"),
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
            with(&[("OP", "request-arena")]).unwrap(),
            Params {
                op: Op::RequestArena,
                depth: 10,
                live: 1000,
                ops: 20000,
                requests: 20,
                nodes: 500,
                seed: 42,
            }
        );
        assert_eq!(with(&[("OP", "binary-trees")]).unwrap().op, Op::BinaryTrees);
    }

    #[test]
    fn accepts_the_ends_of_every_range() {
        let low = with(&[
            ("DEPTH", "6"),
            ("LIVE", "1"),
            ("OPS", "1"),
            ("REQUESTS", "1"),
            ("NODES", "1"),
            ("SEED", "0"),
        ])
        .unwrap();
        assert_eq!(
            (
                low.depth,
                low.live,
                low.ops,
                low.requests,
                low.nodes,
                low.seed
            ),
            (6, 1, 1, 1, 1, 0)
        );
        let high = with(&[
            ("DEPTH", "24"),
            ("LIVE", "1000000"),
            ("OPS", "1000000000"),
            ("REQUESTS", "1000000"),
            ("NODES", "1000000"),
            ("SEED", "18446744073709551615"),
        ])
        .unwrap();
        assert_eq!(
            (
                high.depth,
                high.live,
                high.ops,
                high.requests,
                high.nodes,
                high.seed
            ),
            (24, 1_000_000, 1_000_000_000, 1_000_000, 1_000_000, u64::MAX)
        );
    }

    #[test]
    fn each_broken_rule_names_its_parameter() {
        // (parameter, bad value or "" to unset it, expected message start)
        let cases = [
            (
                "OP",
                "throughput",
                "BENCHCTL_PARAM_OP: unknown operation \"throughput\"",
            ),
            ("OP", "", "BENCHCTL_PARAM_OP is not set"),
            ("DEPTH", "5", "BENCHCTL_PARAM_DEPTH=5: must be in 6 … 24"),
            ("DEPTH", "25", "BENCHCTL_PARAM_DEPTH=25: must be in 6 … 24"),
            ("LIVE", "0", "BENCHCTL_PARAM_LIVE=0: must be in 1 … 1000000"),
            (
                "LIVE",
                "ten",
                "BENCHCTL_PARAM_LIVE=\"ten\" is not a valid number",
            ),
            (
                "OPS",
                "1000000001",
                "BENCHCTL_PARAM_OPS=1000000001: must be in 1 … 1000000000",
            ),
            ("OPS", "", "BENCHCTL_PARAM_OPS is not set"),
            (
                "REQUESTS",
                "-1",
                "BENCHCTL_PARAM_REQUESTS=\"-1\" is not a valid number",
            ),
            (
                "NODES",
                "1000001",
                "BENCHCTL_PARAM_NODES=1000001: must be in 1 … 1000000",
            ),
            (
                "SEED",
                "18446744073709551616",
                "BENCHCTL_PARAM_SEED=\"18446744073709551616\" is not a valid number",
            ),
            ("SEED", "", "BENCHCTL_PARAM_SEED is not set"),
        ];
        for (name, value, expected) in cases {
            let message = with(&[(name, value)]).unwrap_err().to_string();
            assert!(message.starts_with(expected), "{name}={value:?}: {message}");
        }
    }
}
