//! json suite (`workloads/json/SPEC.md`) with serde_json: `Value` for the
//! DOM, serde derive for the typed shapes, `to_writer` for serialize.

use benchlib::{Bench, Error};
use json_stats::schema::{canada::Canada, citm::Citm, twitter::Twitter};
use json_stats::{DomStats, Fold, InputCopy, Op, SerializeStats, Shape, TypedStats};
use serde::de::DeserializeOwned;
use serde_json::Value;

fn main() {
    benchlib::main(run);
}

fn run(bench: &mut Bench) -> Result<(), Error> {
    let op: Op = bench.param("OP")?.parse().map_err(Error::new)?;
    let path = bench.param("INPUT")?;
    let input = std::fs::read(&path).map_err(|e| Error::new(format!("{path}: {e}")))?;
    bench.counter("bytes_per_iteration", input.len() as u64);
    match op {
        Op::ParseDom => parse_dom(bench, &path, input),
        Op::ParseTyped => match bench.param("SHAPE")?.parse().map_err(Error::new)? {
            Shape::Twitter => parse_typed::<Twitter>(bench, &path, input),
            Shape::Citm => parse_typed::<Citm>(bench, &path, input),
            Shape::Canada => parse_typed::<Canada>(bench, &path, input),
            Shape::User => Err(Error::new(
                "parse-typed needs a generated shape (twitter, citm or canada), not user",
            )),
        },
        Op::Serialize => {
            let output = bench.param("OUTPUT")?;
            serialize(bench, &path, &input, &output)
        }
    }
}

/// serde_json reports line and column; its recursion limit (128) rejects
/// deeper documents with an error rather than overflowing the stack.
fn parse_error(path: &str, e: serde_json::Error) -> Error {
    Error::new(format!("{path}: {e}"))
}

fn parse_dom(bench: &mut Bench, path: &str, input: Vec<u8>) -> Result<(), Error> {
    bench.measure(InputCopy::new(input), |input| {
        let value: Value =
            serde_json::from_slice(input.copy()).map_err(|e| parse_error(path, e))?;
        let mut stats = DomStats::default();
        walk(&value, &mut stats);
        Ok(stats)
    })
}

/// Recursion is bounded by the parser's depth limit.
fn walk(value: &Value, stats: &mut DomStats) {
    match value {
        Value::Null => stats.null(),
        Value::Bool(b) => stats.bool(*b),
        // Without `arbitrary_precision` every number has an f64 value: an
        // integer outside 64 bits is already parsed as the nearest double.
        Value::Number(n) => stats.number(n.as_f64().expect("number representable as f64")),
        Value::String(s) => stats.string(s.len()),
        Value::Array(elements) => {
            stats.array(elements.len());
            for element in elements {
                walk(element, stats);
            }
        }
        Value::Object(members) => {
            stats.object(members.len());
            for (key, member) in members {
                stats.key(key.len());
                walk(member, stats);
            }
        }
    }
}

fn parse_typed<T: DeserializeOwned + Fold>(
    bench: &mut Bench,
    path: &str,
    input: Vec<u8>,
) -> Result<(), Error> {
    bench.measure(InputCopy::new(input), |input| {
        let document: T = serde_json::from_slice(input.copy()).map_err(|e| parse_error(path, e))?;
        Ok(TypedStats::of(&document))
    })
}

struct Serializer {
    value: Value,
    output: Vec<u8>,
}

fn serialize(bench: &mut Bench, path: &str, input: &[u8], output_path: &str) -> Result<(), Error> {
    let value = serde_json::from_slice(input).map_err(|e| parse_error(path, e))?;
    let state = Serializer {
        value,
        output: Vec::new(),
    };
    bench.measure_checked(
        state,
        |s| {
            s.output.clear();
            serde_json::to_writer(&mut s.output, &s.value)
                .map_err(|e| Error::new(format!("serialize: {e}")))?;
            Ok(SerializeStats {
                output_bytes: s.output.len() as u64,
            })
        },
        |s, _| {
            std::fs::write(output_path, &s.output)
                .map_err(|e| Error::new(format!("{output_path}: {e}")))
        },
    )
}
