//! json suite (`workloads/json/SPEC.md`) with sonic-rs: its arena-backed
//! `Value` for the DOM, its serde deserializer for the typed shapes, and its
//! SIMD-escaping serializer for serialize.

use benchlib::{Bench, Error};
use json_stats::schema::{canada::Canada, citm::Citm, twitter::Twitter};
use json_stats::{DomStats, Fold, InputCopy, Op, SerializeStats, Shape, TypedStats};
use serde::de::DeserializeOwned;
use sonic_rs::{JsonNumberTrait, Value, ValueRef};

/// Deepest nesting accepted (simdjson's default limit; the SPEC allows
/// rejecting anything past 128).
const MAX_DEPTH: usize = 1024;

fn main() {
    benchlib::main(run);
}

fn run(bench: &mut Bench) -> Result<(), Error> {
    let op: Op = bench.param("OP")?.parse().map_err(Error::new)?;
    let path = bench.param("INPUT")?;
    let input = std::fs::read(&path).map_err(|e| Error::new(format!("{path}: {e}")))?;
    bench.counter("bytes_per_iteration", input.len() as u64);
    match op {
        Op::ParseDom => {
            check_depth(&path, &input)?;
            parse_dom(bench, &path, input)
        }
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
            check_depth(&path, &input)?;
            serialize(bench, &path, &input, &output)
        }
    }
}

/// sonic-rs appends an excerpt of the text on further lines; the first line
/// has the reason with line and column, and the offset is added.
fn parse_error(path: &str, e: sonic_rs::Error) -> Error {
    let text = e.to_string();
    let reason = text.lines().next().unwrap_or_default();
    Error::new(format!("{path}: {reason} (byte {})", e.offset()))
}

/// Rejects documents nested deeper than [`MAX_DEPTH`], untimed, before any
/// parse into a `Value`: that parser recurses without a depth limit and
/// overflows the stack on deep input (cloudwego/sonic-rs#239). Its serde path,
/// used for the typed shapes, has its own limit. Brackets inside strings are
/// skipped exactly as the parser skips them, so the guard sees the nesting the
/// parser would descend into.
fn check_depth(path: &str, json: &[u8]) -> Result<(), Error> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (offset, &byte) in json.iter().enumerate() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(Error::new(format!(
                        "{path}: nesting deeper than {MAX_DEPTH} levels (byte {offset})"
                    )));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

fn parse_dom(bench: &mut Bench, path: &str, input: Vec<u8>) -> Result<(), Error> {
    bench.measure(InputCopy::new(input), |input| {
        let value: Value = sonic_rs::from_slice(input.copy()).map_err(|e| parse_error(path, e))?;
        let mut stats = DomStats::default();
        walk(&value, &mut stats);
        Ok(stats)
    })
}

/// Recursion is bounded by [`MAX_DEPTH`].
fn walk(value: &Value, stats: &mut DomStats) {
    match value.as_ref() {
        ValueRef::Null => stats.null(),
        ValueRef::Bool(b) => stats.bool(b),
        // Integers convert with `as` (round to nearest, ties to even); an
        // integer beyond 64 bits was already parsed as the nearest double.
        ValueRef::Number(n) => stats.number(n.as_f64().expect("JSON numbers are finite")),
        ValueRef::String(s) => stats.string(s.len()),
        ValueRef::Array(elements) => {
            stats.array(elements.len());
            for element in elements.iter() {
                walk(element, stats);
            }
        }
        ValueRef::Object(members) => {
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
    bench.measure(InputCopy::new(input), |input| {
        let document: T = sonic_rs::from_slice(input.copy()).map_err(|e| parse_error(path, e))?;
        Ok(TypedStats::of(&document))
    })
}

struct Serializer {
    value: Value,
    output: Vec<u8>,
}

fn serialize(bench: &mut Bench, path: &str, input: &[u8], output_path: &str) -> Result<(), Error> {
    let value = sonic_rs::from_slice(input).map_err(|e| parse_error(path, e))?;
    let state = Serializer {
        value,
        output: Vec::new(),
    };
    bench.measure_checked(
        state,
        |s| {
            s.output.clear();
            sonic_rs::to_writer(&mut s.output, &s.value)
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
mod tests {
    use super::*;

    #[test]
    fn depth_guard_counts_structure_not_strings() {
        let deep = |n| format!("{}{}", "[".repeat(n), "]".repeat(n)).into_bytes();
        assert!(check_depth("x", &deep(MAX_DEPTH)).is_ok());
        let err = check_depth("x", &deep(MAX_DEPTH + 1)).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("x: nesting deeper than {MAX_DEPTH} levels (byte {MAX_DEPTH})")
        );
        let quoted = format!("[\"{}\\\"{}\"]", "[".repeat(2000), "{".repeat(2000));
        assert!(check_depth("x", quoted.as_bytes()).is_ok());
    }
}
