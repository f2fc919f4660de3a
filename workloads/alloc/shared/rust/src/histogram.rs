//! The churn batch histogram: the spsc suite's (`../spsc/SPEC.md`, "The
//! histogram"; a copy, as suites share no code): exact below 64 ns, then 32
//! buckets per octave, so a quantile is within 3.2% of the truth.

use std::collections::BTreeMap;

/// Buckets: 64 exact values, then 32 for each octave 2^6 … 2^63.
pub const BUCKETS: usize = 64 + (64 - 6) * 32;

/// The bucket of a value `v` (ns).
pub fn bucket(v: u64) -> usize {
    if v < 64 {
        return v as usize;
    }
    let e = 63 - v.leading_zeros() as u64; // floor(log2 v), 6 ..= 63
    let s = (v >> (e - 5)) & 31;
    (64 + (e - 6) * 32 + s) as usize
}

/// The smallest value that goes to bucket `b`.
pub fn lower_bound(b: usize) -> u64 {
    if b < 64 {
        return b as u64;
    }
    let e = 6 + (b as u64 - 64) / 32;
    let s = (b as u64 - 64) % 32;
    (32 + s) << (e - 5)
}

/// Counts of values (batch times in ns), with their exact maximum.
pub struct Histogram {
    buckets: Box<[u64]>,
    count: u64,
    max: u64,
}

impl Default for Histogram {
    fn default() -> Histogram {
        Histogram {
            buckets: vec![0; BUCKETS].into_boxed_slice(),
            count: 0,
            max: 0,
        }
    }
}

impl Histogram {
    /// Forgets every value recorded.
    pub fn clear(&mut self) {
        self.buckets.fill(0);
        self.count = 0;
        self.max = 0;
    }

    #[inline]
    pub fn record(&mut self, v: u64) {
        self.buckets[bucket(v)] += 1;
        self.count += 1;
        self.max = self.max.max(v);
    }

    pub fn count(&self) -> u64 {
        self.count
    }

    /// The quantile `q = numerator / denominator` (p99 is 99/100): the lower
    /// bound of the first bucket at which the running count reaches
    /// `ceil(q·count)`, at least 1; 0 with no values. `q` is a ratio of
    /// integers so the rank is exact for any count.
    pub fn quantile(&self, numerator: u64, denominator: u64) -> u64 {
        if self.count == 0 {
            return 0;
        }
        let rank = (u128::from(self.count) * u128::from(numerator))
            .div_ceil(u128::from(denominator))
            .max(1);
        let mut running = 0u128;
        for (b, &n) in self.buckets.iter().enumerate() {
            running += u128::from(n);
            if running >= rank {
                return lower_bound(b);
            }
        }
        // `rank` is at most `count` for a quantile ≤ 1.
        lower_bound(BUCKETS - 1)
    }

    /// The churn counters of the SPEC, over every value recorded.
    pub fn batch_counters(&self) -> BTreeMap<String, u64> {
        [
            ("churn_batch_p50_ns", self.quantile(1, 2)),
            ("churn_batch_p99_ns", self.quantile(99, 100)),
            ("churn_batch_p999_ns", self.quantile(999, 1000)),
            ("churn_batch_max_ns", self.max),
            ("churn_batches", self.count),
        ]
        .into_iter()
        .map(|(name, value)| (name.to_owned(), value))
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_values_have_a_bucket_each() {
        for v in 0..64 {
            assert_eq!(bucket(v), v as usize);
            assert_eq!(lower_bound(v as usize), v);
        }
    }

    #[test]
    fn bucket_indices_on_known_values() {
        // 64 = 2^6: e = 6, s = (64 >> 1) & 31 = 0.
        assert_eq!(bucket(64), 64);
        assert_eq!(bucket(65), 64); // 65 >> 1 = 32
        assert_eq!(bucket(66), 65);
        assert_eq!(bucket(127), 64 + 31);
        assert_eq!(bucket(128), 96); // e = 7, s = 0
                                     // 1000: e = 9, s = (1000 >> 4) & 31 = 62 & 31 = 30.
        assert_eq!(bucket(1000), 64 + 3 * 32 + 30);
        assert_eq!(lower_bound(64 + 3 * 32 + 30), 992);
        // 10^6: e = 19, s = (10^6 >> 14) & 31 = 61 & 31 = 29.
        assert_eq!(bucket(1_000_000), 64 + 13 * 32 + 29);
        assert_eq!(lower_bound(64 + 13 * 32 + 29), 61 << 14);
        assert_eq!(bucket(u64::MAX), BUCKETS - 1);
        assert_eq!(BUCKETS, 1920);
        assert_eq!(lower_bound(BUCKETS - 1), 63 << 58);
    }

    #[test]
    fn a_bucket_starts_at_its_lower_bound_and_ends_before_the_next() {
        for b in 0..BUCKETS {
            let low = lower_bound(b);
            assert_eq!(bucket(low), b, "bucket {b}");
            if b > 0 {
                assert_eq!(bucket(low - 1), b - 1, "below bucket {b}");
            }
        }
    }

    #[test]
    fn quantiles_of_known_values() {
        let mut h = Histogram::default();
        for v in 1..=1000 {
            h.record(v);
        }
        // Ranks 500, 990 and 999 of 1 … 1000, to their buckets' lower bounds:
        // 500 (e = 8, width 8) → 496; 990 (width 16) → 976; 999 → 992.
        assert_eq!(h.quantile(1, 2), 496);
        assert_eq!(h.quantile(99, 100), 976);
        assert_eq!(h.quantile(999, 1000), 992);
        let counters = h.batch_counters();
        assert_eq!(counters["churn_batch_p50_ns"], 496);
        assert_eq!(counters["churn_batch_p99_ns"], 976);
        assert_eq!(counters["churn_batch_p999_ns"], 992);
        assert_eq!(counters["churn_batch_max_ns"], 1000);
        assert_eq!(counters["churn_batches"], 1000);
    }

    #[test]
    fn quantile_ranks_round_up_and_are_at_least_one() {
        let mut h = Histogram::default();
        // 99 values of 10 ns and one of 5000 ns: p99 is rank 99 (10 ns),
        // p999 is rank ceil(99.9) = 100 (5000 ns → 4992).
        for _ in 0..99 {
            h.record(10);
        }
        h.record(5000);
        assert_eq!(h.quantile(99, 100), 10);
        assert_eq!(h.quantile(999, 1000), 4992);
        assert_eq!(h.quantile(0, 1), 10); // rank 0 counts as 1
                                          // 300 values: the p99 rank is exactly 297, the last value of 1 ns.
        let mut h = Histogram::default();
        for v in 0..300 {
            h.record(if v < 297 { 1 } else { 50 });
        }
        assert_eq!(h.quantile(99, 100), 1);
    }

    #[test]
    fn an_empty_or_cleared_histogram_reports_zeros() {
        let mut h = Histogram::default();
        assert!(h.batch_counters().values().all(|&v| v == 0));
        h.record(123);
        assert_eq!(h.count(), 1);
        assert_eq!(h.quantile(1, 2), 122); // 123: e = 6, s = 61 & 31 = 29
        h.clear();
        let counters = h.batch_counters();
        assert_eq!(counters.len(), 5);
        assert!(counters.values().all(|&v| v == 0));
    }
}
