//! json suite (`workloads/json/SPEC.md`) with simd-json, the Rust port of
//! simdjson: its `BorrowedValue` for the DOM, its serde deserializer for the
//! typed shapes, and its own `Writable` generator for serialize. simd-json
//! parses in place: it unescapes strings into the buffer it is given, which is
//! the SPEC's timed copy of the input.

use benchlib::{Bench, Error};
use json_stats::schema::{canada::Canada, citm::Citm, twitter::Twitter};
use json_stats::{DomStats, Fold, InputCopy, Op, SerializeStats, Shape, TypedStats};
use serde::de::DeserializeOwned;
use simd_json::prelude::Writable;
use simd_json::{BorrowedValue, Buffers, ErrorType, StaticNode};

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
            serialize(bench, &path, input, &output)
        }
    }
}

/// simd-json's errors carry a byte offset only when its second pass (the
/// tape builder) found them, and then also the byte there (as a `char` of
/// the same value, so a non-ASCII one is shown in hex); errors of the first
/// pass (invalid UTF-8, a control character or an unclosed string) and
/// serde's own errors have neither, so no offset is made up for them.
fn parse_error(path: &str, e: simd_json::Error) -> Error {
    let reason = match e.error() {
        ErrorType::Serde(message) => message.clone(),
        other => format!("{other:?}"),
    };
    match e.character() {
        Some(c) if c.is_ascii_graphic() => {
            Error::new(format!("{path}: {reason} at byte {} ({c:?})", e.index()))
        }
        Some(c) => Error::new(format!(
            "{path}: {reason} at byte {} (0x{:02x})",
            e.index(),
            u32::from(c)
        )),
        None => Error::new(format!("{path}: {reason}")),
    }
}

/// The timed copy of the input and simd-json's reusable parse buffers (its
/// padded input copy, structural index, string and stack buffers), which
/// production code keeps across documents like simdjson's `dom::parser`.
struct Parser {
    input: InputCopy,
    buffers: Buffers,
}

impl Parser {
    fn new(input: Vec<u8>) -> Parser {
        // Default maximum depth: 1024, simdjson's.
        let buffers = Buffers::new(input.len());
        Parser {
            input: InputCopy::new(input),
            buffers,
        }
    }
}

fn parse_dom(bench: &mut Bench, path: &str, input: Vec<u8>) -> Result<(), Error> {
    bench.measure(Parser::new(input), |p| {
        let value = simd_json::to_borrowed_value_with_buffers(p.input.copy(), &mut p.buffers)
            .map_err(|e| parse_error(path, e))?;
        Ok(dom_stats(&value))
    })
}

fn dom_stats(value: &BorrowedValue) -> DomStats {
    let mut stats = DomStats::default();
    walk(value, &mut stats);
    stats
}

/// Recursion is bounded by the parser's depth limit (1024).
fn walk(value: &BorrowedValue, stats: &mut DomStats) {
    match value {
        BorrowedValue::Static(node) => match *node {
            StaticNode::Null => stats.null(),
            StaticNode::Bool(b) => stats.bool(b),
            // `as` rounds to nearest, ties to even: the SPEC's conversion.
            StaticNode::I64(n) => stats.number(n as f64),
            StaticNode::U64(n) => stats.number(n as f64),
            // Integers beyond 64 bits arrive here already as the nearest
            // double (feature `big-int-as-float`).
            StaticNode::F64(d) => stats.number(d),
        },
        BorrowedValue::String(s) => stats.string(s.len()),
        BorrowedValue::Array(elements) => {
            stats.array(elements.len());
            for element in elements.iter() {
                walk(element, stats);
            }
        }
        BorrowedValue::Object(members) => {
            stats.object(members.len());
            for (key, member) in members.iter() {
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
    bench.measure(Parser::new(input), |p| {
        let document: T = simd_json::serde::from_slice_with_buffers(p.input.copy(), &mut p.buffers)
            .map_err(|e| parse_error(path, e))?;
        Ok(TypedStats::of(&document))
    })
}

struct Serializer<'a> {
    value: BorrowedValue<'a>,
    output: Vec<u8>,
}

fn serialize(
    bench: &mut Bench,
    path: &str,
    mut input: Vec<u8>,
    output_path: &str,
) -> Result<(), Error> {
    // The tree borrows its strings from `input`, which outlives the timing.
    let value = simd_json::to_borrowed_value(&mut input).map_err(|e| parse_error(path, e))?;
    let state = Serializer {
        value,
        output: Vec::new(),
    };
    bench.measure_checked(
        state,
        |s| {
            s.output.clear();
            s.value
                .write(&mut s.output)
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

#[cfg(test)]
mod tests;
