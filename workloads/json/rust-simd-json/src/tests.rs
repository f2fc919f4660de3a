//! The SPEC's validation level, checked on simd-json as this crate builds
//! it: what must be rejected is, and numbers round as `str::parse` (correctly
//! rounded) does.

use super::*;

fn parse(text: &[u8]) -> Result<DomStats, String> {
    let mut buffer = text.to_vec();
    simd_json::to_borrowed_value(&mut buffer)
        .map(|value| dom_stats(&value))
        .map_err(|e| parse_error("doc.json", e).to_string())
}

/// The reference's view: serde_json with correctly rounded floats.
fn reference(text: &str) -> DomStats {
    fn walk(value: &serde_json::Value, stats: &mut DomStats) {
        use serde_json::Value;
        match value {
            Value::Null => stats.null(),
            Value::Bool(b) => stats.bool(*b),
            Value::Number(n) => stats.number(n.as_f64().unwrap()),
            Value::String(s) => stats.string(s.len()),
            Value::Array(a) => {
                stats.array(a.len());
                a.iter().for_each(|v| walk(v, stats));
            }
            Value::Object(o) => {
                stats.object(o.len());
                for (k, v) in o {
                    stats.key(k.len());
                    walk(v, stats);
                }
            }
        }
    }
    let mut stats = DomStats::default();
    walk(&serde_json::from_str(text).unwrap(), &mut stats);
    stats
}

#[test]
fn dom_stats_match_the_reference() {
    let text = r#"{"s":"caf\u00e9 \ud83d\ude00 \"q\" \\ \/ \n","k\u00e9":[1,-2,2.5,-0.0,0,
        1e-30,18446744073709551615,-9223372036854775808,9007199254740993,
        123456789012345678901234567890,-123456789012345678901234567890e-10],
        "t":true,"f":false,"n":null,"o":{},"a":[[]],"日本":"😀"}"#;
    let stats = parse(text.as_bytes()).unwrap();
    assert_eq!(stats, reference(text));
    assert_eq!(stats.numbers, 11);
    assert_eq!(stats.strings, 2);
    // "café 😀 "q" \ / \n": 5 + 1 + 4 + 1 + 3 + 1 + 1 + 1 + 1 + 1 + 1.
    assert_eq!(stats.string_bytes, 20 + 4);
}

/// The exact messages, so a change in what simd-json reports shows here.
/// Errors of its first pass carry no position; a second value after the
/// first is named `InternalError` (or `TrailingData` after a scalar) at the
/// end of the first value.
#[test]
fn rejects_what_the_spec_says_is_invalid() {
    let cases: [(&[u8], &str); 16] = [
        (b"{\"a\":\"caf\xc3(\"}", "InvalidUtf8"),
        (b"[\"\xed\xa0\x80\"]", "InvalidUtf8"), // an encoded surrogate
        (b"[\"a\x01b\"]", "Syntax"),            // an unescaped control character
        (b"{\"x\":1e400}", "InvalidNumber at byte 5 ('1')"),
        (b"[-1e400]", "InvalidNumber at byte 1 ('-')"),
        (b"{\"a\":1} trailing", "InternalError at byte 6 ('}')"),
        (b"[1] [2]", "InternalError at byte 2 (']')"),
        (b"[1]]", "InternalError at byte 2 (']')"),
        (b"{} x", "InternalError at byte 1 ('}')"),
        (b"1 2", "TrailingData at byte 0 ('1')"),
        (b"\"a\" \"b\"", "TrailingData at byte 0 ('\"')"),
        (b"", "Eof"),
        (b" \n\t ", "Eof"),
        (b"{\"a\":[1,2,3],\"b\":\"tru", "Syntax"), // an unclosed string
        (b"[1,2", "Syntax at byte 3 ('2')"),
        // Outside the suite (SPEC), pinned so a change shows.
        (b"\xef\xbb\xbf{}", "InternalError at byte 0 (0xef)"), // a BOM
    ];
    for (text, reason) in cases {
        assert_eq!(
            parse(text).unwrap_err(),
            format!("doc.json: {reason}"),
            "{:?}",
            String::from_utf8_lossy(text)
        );
    }
    // A lone surrogate escape (outside the suite) is rejected too; the
    // offset depends on the kernel (the AVX2 one reports 0, the scalar one 2).
    let err = parse(br#"["\ud800"]"#).unwrap_err();
    assert!(
        err.starts_with("doc.json: InvalidUnicodeCodepoint at byte "),
        "{err}"
    );
}

#[test]
fn nesting_is_limited_to_1024_levels() {
    let deep = |n| format!("{}{}", "[".repeat(n), "]".repeat(n)).into_bytes();
    assert_eq!(parse(&deep(1024)).unwrap().arrays, 1024);
    let err = parse(&deep(1025)).unwrap_err();
    assert_eq!(err, "doc.json: DepthLimitExceeded at byte 1024 ('[')");
}

/// SplitMix64, the SPEC's mixer with its increment: a fixed stream of test
/// numbers.
struct Numbers(u64);

impl Numbers {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        json_stats::mix(self.0)
    }

    /// A decimal with 1 to 25 significant digits and an exponent in
    /// -340..=310: short, long, subnormal and near-overflow values.
    fn decimal(&mut self) -> String {
        let digits = 1 + self.next() % 25;
        let mut mantissa: String = (0..digits)
            .map(|_| char::from(b'0' + (self.next() % 10) as u8))
            .collect();
        if mantissa.starts_with('0') && mantissa.len() > 1 {
            mantissa.replace_range(0..1, "1");
        }
        let point = (self.next() % (digits + 1)) as usize;
        let (int, frac) = mantissa.split_at(point);
        let int = if int.is_empty() { "0" } else { int };
        let sign = if self.next() % 2 == 0 { "" } else { "-" };
        let exponent = (self.next() % 651) as i64 - 340;
        match (frac.is_empty(), self.next() % 3) {
            (true, 0) => format!("{sign}{int}"),
            (true, _) => format!("{sign}{int}e{exponent}"),
            (false, 0) => format!("{sign}{int}.{frac}"),
            (false, _) => format!("{sign}{int}.{frac}E{exponent:+}"),
        }
    }
}

/// Every double simd-json reads is the one `str::parse` (correctly rounded)
/// reads, including the hard cases of its fast path's fallback.
#[test]
fn numbers_are_correctly_rounded() {
    let mut texts: Vec<String> = [
        "2.2250738585072011e-308",
        "2.2250738585072012e-308",
        "4.9406564584124654e-324",
        "2.4703282292062328e-324",
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "9007199254740993",
        "9007199254740992.9999999999999999999",
        "7.2057594037927933e16",
        "1e23",
        "8.98846567431158e307",
        "0.1",
        "1e-30",
        "18446744073709551616",
        "-9223372036854775809",
    ]
    .map(str::to_owned)
    .to_vec();
    let mut numbers = Numbers(7);
    texts.extend((0..50_000).map(|_| numbers.decimal()));
    // Only finite values: overflow is an error (tested above).
    texts.retain(|t| t.parse::<f64>().unwrap().is_finite());
    let mut document = format!("[{}]", texts.join(",")).into_bytes();
    let value = simd_json::to_borrowed_value(&mut document).unwrap();
    let BorrowedValue::Array(elements) = value else {
        panic!("not an array")
    };
    assert_eq!(elements.len(), texts.len());
    for (text, element) in texts.iter().zip(elements.iter()) {
        let got = match element {
            BorrowedValue::Static(StaticNode::F64(d)) => *d,
            BorrowedValue::Static(StaticNode::I64(n)) => *n as f64,
            BorrowedValue::Static(StaticNode::U64(n)) => *n as f64,
            other => panic!("{text}: {other:?}"),
        };
        let want: f64 = text.parse().unwrap();
        // The checksum's view: bits, except that `-0` and `0` are one value
        // (simd-json reads the integer `-0` as 0).
        assert_eq!(
            json_stats::number_term(got),
            json_stats::number_term(want),
            "{text}: {got:e} != {want:e}"
        );
    }
}

#[test]
fn typed_decoding_matches_the_dom() {
    let text = r#"{"type":"FeatureCollection","features":[{"type":"Feature",
        "properties":{"name":"\u00e9","area":1e-30},
        "geometry":{"type":"Polygon","coordinates":[[[1.0,-2.5],[3.25e2,4.0]]]}}]}"#;
    let mut buffer = text.as_bytes().to_vec();
    let document: Canada = simd_json::serde::from_slice(&mut buffer).unwrap();
    let typed = TypedStats::of(&document);
    let dom = reference(text);
    assert_eq!(
        (typed.strings, typed.string_bytes, typed.numbers),
        (dom.strings, dom.string_bytes, dom.numbers)
    );
    assert_eq!(typed.number_checksum, dom.number_checksum);

    let mut missing = br#"{"type":"FeatureCollection"}"#.to_vec();
    let err = simd_json::serde::from_slice::<Canada>(&mut missing).unwrap_err();
    assert_eq!(
        parse_error("doc.json", err).to_string(),
        "doc.json: missing field `features`"
    );
}

#[test]
fn serialized_text_reads_back_to_the_same_stats() {
    let text = "{\"s\":\"a\\u0001\\\"\\\\\\n\\t\u{e9}\",\"n\":[1e-30,-0.0,18446744073709551615,\
                -5,3.141592653589793,123456789012345678901234567890],\"o\":{\"k\":[null,true]}}";
    let mut buffer = text.as_bytes().to_vec();
    let value = simd_json::to_borrowed_value(&mut buffer).unwrap();
    let mut output = Vec::new();
    value.write(&mut output).unwrap();
    let written = String::from_utf8(output.clone()).unwrap();
    assert!(written.contains(r#""a\u0001\"\\\n\t"#), "{written}");
    assert_eq!(parse(&output).unwrap(), reference(text));
}

/// The kernel is the one the build flags allow, chosen at compile time
/// (`runtime-detection` off): AVX2 under toolchains/rust.json's flags.
#[test]
fn kernel_follows_the_build_flags() {
    use simd_json::{Deserializer, Implementation};
    let expected = if cfg!(target_feature = "avx2") {
        Implementation::AVX2
    } else if cfg!(target_feature = "sse4.2") {
        Implementation::SSE42
    } else {
        Implementation::Native
    };
    assert_eq!(Deserializer::algorithm(), expected);
}
