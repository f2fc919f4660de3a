//! What every Rust json-suite workload computes (`workloads/json/SPEC.md`):
//! the DOM and typed stats, the number checksum, and the typed schemas of the
//! generated shapes, shared so the implementations differ only in the parser.

pub mod schema;
mod suite;

pub use suite::{Op, Shape};

use serde::{Serialize, Serializer};
use std::collections::{BTreeMap, HashMap};

/// The SplitMix64 finaliser (Steele, Lea and Flood, "Fast splittable
/// pseudorandom number generators", 2014), as the SPEC writes it.
pub fn mix(bits: u64) -> u64 {
    let mut z = bits;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// One number's term of `number_checksum`; `-0.0` counts as `+0.0`.
pub fn number_term(d: f64) -> u64 {
    // `-0.0 == 0.0`, so this maps both zeros to the bits of `+0.0`.
    mix(if d == 0.0 { 0 } else { d.to_bits() })
}

/// The checksum travels as 16 lower-case hex digits.
fn hex<S: Serializer>(checksum: &u64, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(&format_args!("{checksum:016x}"))
}

/// The verification value of `parse-dom`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DomStats {
    pub objects: u64,
    pub arrays: u64,
    pub strings: u64,
    pub numbers: u64,
    pub trues: u64,
    pub falses: u64,
    pub nulls: u64,
    pub members: u64,
    pub elements: u64,
    pub string_bytes: u64,
    pub key_bytes: u64,
    #[serde(serialize_with = "hex")]
    pub number_checksum: u64,
}

impl DomStats {
    /// An object with `members` key/value pairs (keys are added separately).
    pub fn object(&mut self, members: usize) {
        self.objects += 1;
        self.members += members as u64;
    }

    /// An object key of `len` UTF-8 bytes, as decoded.
    pub fn key(&mut self, len: usize) {
        self.key_bytes += len as u64;
    }

    /// An array with `elements` elements.
    pub fn array(&mut self, elements: usize) {
        self.arrays += 1;
        self.elements += elements as u64;
    }

    /// A string value of `len` UTF-8 bytes, as decoded.
    pub fn string(&mut self, len: usize) {
        self.strings += 1;
        self.string_bytes += len as u64;
    }

    /// A number value, as the binary64 nearest to its decimal text.
    pub fn number(&mut self, d: f64) {
        self.numbers += 1;
        self.number_checksum = self.number_checksum.wrapping_add(number_term(d));
    }

    /// A `true` or `false` value.
    pub fn bool(&mut self, b: bool) {
        if b {
            self.trues += 1;
        } else {
            self.falses += 1;
        }
    }

    /// A `null` value.
    pub fn null(&mut self) {
        self.nulls += 1;
    }
}

/// The verification value of `parse-typed`: the subset of [`DomStats`] that
/// the fields of typed structures can reproduce.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TypedStats {
    pub strings: u64,
    pub numbers: u64,
    pub trues: u64,
    pub falses: u64,
    pub nulls: u64,
    pub string_bytes: u64,
    #[serde(serialize_with = "hex")]
    pub number_checksum: u64,
}

impl TypedStats {
    /// The stats of one decoded document.
    pub fn of(value: &impl Fold) -> TypedStats {
        let mut stats = TypedStats::default();
        value.fold(&mut stats);
        stats
    }

    fn number(&mut self, d: f64) {
        self.numbers += 1;
        self.number_checksum = self.number_checksum.wrapping_add(number_term(d));
    }
}

/// The verification value of `serialize`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct SerializeStats {
    pub output_bytes: u64,
}

/// The input document and the buffer every parse iteration copies it into
/// (SPEC.md: "The input copy is timed for all").
pub struct InputCopy {
    input: Vec<u8>,
    buffer: Vec<u8>,
}

impl InputCopy {
    /// Takes the document read during setup; the buffer is allocated here,
    /// once, so no iteration pays for growing it.
    pub fn new(input: Vec<u8>) -> InputCopy {
        let buffer = Vec::with_capacity(input.len());
        InputCopy { input, buffer }
    }

    /// Copies the document into the reused buffer and returns the copy, which
    /// an in-place parser may overwrite.
    pub fn copy(&mut self) -> &mut [u8] {
        self.buffer.clear();
        self.buffer.extend_from_slice(&self.input);
        &mut self.buffer
    }
}

/// A typed value that contributes to [`TypedStats`].
pub trait Fold {
    /// Adds this value, and everything in it, to `stats`.
    fn fold(&self, stats: &mut TypedStats);
}

impl Fold for String {
    fn fold(&self, stats: &mut TypedStats) {
        stats.strings += 1;
        stats.string_bytes += self.len() as u64;
    }
}

impl Fold for i64 {
    fn fold(&self, stats: &mut TypedStats) {
        // `as` rounds to nearest, ties to even: the SPEC's conversion.
        stats.number(*self as f64);
    }
}

impl Fold for f64 {
    fn fold(&self, stats: &mut TypedStats) {
        stats.number(*self);
    }
}

impl Fold for bool {
    fn fold(&self, stats: &mut TypedStats) {
        if *self {
            stats.trues += 1;
        } else {
            stats.falses += 1;
        }
    }
}

impl<T: Fold> Fold for Option<T> {
    fn fold(&self, stats: &mut TypedStats) {
        match self {
            Some(value) => value.fold(stats),
            None => stats.nulls += 1,
        }
    }
}

impl<T: Fold> Fold for [T] {
    fn fold(&self, stats: &mut TypedStats) {
        for value in self {
            value.fold(stats);
        }
    }
}

impl<T: Fold, const N: usize> Fold for [T; N] {
    fn fold(&self, stats: &mut TypedStats) {
        self.as_slice().fold(stats);
    }
}

impl<T: Fold> Fold for Vec<T> {
    fn fold(&self, stats: &mut TypedStats) {
        self.as_slice().fold(stats);
    }
}

// Map keys count as keys, not strings (SPEC: typed stats), so only values fold.
impl<K, V: Fold, H> Fold for HashMap<K, V, H> {
    fn fold(&self, stats: &mut TypedStats) {
        for value in self.values() {
            value.fold(stats);
        }
    }
}

impl<K, V: Fold> Fold for BTreeMap<K, V> {
    fn fold(&self, stats: &mut TypedStats) {
        for value in self.values() {
            value.fold(stats);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mix_matches_splitmix64() {
        // Values from tests/tools/json_ref_stats.py's `mix`.
        assert_eq!(mix(0), 0);
        assert_eq!(mix(1.0f64.to_bits()), 0x2a20_cd80_798d_ae26);
        assert_eq!(mix((-2.5f64).to_bits()), 0x413c_e713_1314_a95e);
        assert_eq!(mix(1e300f64.to_bits()), 0xa469_536d_dec1_1aea);
    }

    #[test]
    fn negative_zero_counts_as_positive_zero() {
        assert_eq!(number_term(-0.0), number_term(0.0));
        assert_ne!(number_term(f64::MIN_POSITIVE), number_term(0.0));
    }

    #[test]
    fn checksum_wraps_and_renders_as_16_hex_digits() {
        let mut stats = DomStats::default();
        stats.number(1.0);
        stats.number(1e300);
        assert_eq!(
            stats.number_checksum,
            0x2a20_cd80_798d_ae26u64.wrapping_add(0xa469_536d_dec1_1aea)
        );
        stats.number_checksum = 0xab;
        let json = serde_json::to_string(&stats).unwrap();
        assert!(
            json.ends_with(",\"number_checksum\":\"00000000000000ab\"}"),
            "{json}"
        );
    }

    #[test]
    fn dom_stats_render_every_key_in_spec_order() {
        let json = serde_json::to_string(&DomStats::default()).unwrap();
        assert_eq!(
            json,
            "{\"objects\":0,\"arrays\":0,\"strings\":0,\"numbers\":0,\"trues\":0,\
             \"falses\":0,\"nulls\":0,\"members\":0,\"elements\":0,\"string_bytes\":0,\
             \"key_bytes\":0,\"number_checksum\":\"0000000000000000\"}"
        );
    }

    #[test]
    fn input_copy_restores_the_document_each_time() {
        let mut input = InputCopy::new(b"[1,2]".to_vec());
        input.copy().fill(b' ');
        assert_eq!(input.copy(), b"[1,2]");
    }

    #[test]
    fn typed_fold_counts_values_not_map_keys() {
        let value: (Vec<Option<String>>, HashMap<String, i64>, [bool; 2]) = (
            vec![Some("é".to_owned()), None],
            HashMap::from([("123".to_owned(), 1)]),
            [true, false],
        );
        let mut stats = TypedStats::default();
        value.0.fold(&mut stats);
        value.1.fold(&mut stats);
        value.2.fold(&mut stats);
        assert_eq!(
            stats,
            TypedStats {
                strings: 1,
                numbers: 1,
                trues: 1,
                falses: 1,
                nulls: 1,
                string_bytes: 2,
                number_checksum: mix(1.0f64.to_bits()),
            }
        );
    }
}
