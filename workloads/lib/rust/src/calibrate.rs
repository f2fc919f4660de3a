//! Calibration: how many iterations make a sample long enough.

/// The calibration step: `max(n + 1, min(10·n, ceil(1.2 · n · target / elapsed)))`.
///
/// Computed as `ceil(6·n·target / (5·elapsed))` in 128-bit integers, so it is
/// exact (saturating far beyond any real count); an elapsed time of zero
/// grows `n` tenfold.
pub fn next_iterations(n: u64, elapsed_ns: u64, target_ns: u64) -> u64 {
    let n = u128::from(n);
    let scaled = if elapsed_ns == 0 {
        u128::MAX
    } else {
        (6 * n)
            .saturating_mul(u128::from(target_ns))
            .div_ceil(5 * u128::from(elapsed_ns))
    };
    let next = (n + 1).max(scaled.min(10 * n));
    u64::try_from(next).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calibration_scales_towards_the_target_with_margin() {
        // 2 iterations took 5 ms of a 20 ms target: 1.2 · 2 · 4 = 9.6 → 10.
        assert_eq!(next_iterations(2, 5_000_000, 20_000_000), 10);
        // Exactly 1.2 · 10 · 2 = 24, no rounding up past an integer.
        assert_eq!(next_iterations(10, 10_000_000, 20_000_000), 24);
    }

    #[test]
    fn calibration_grows_at_most_tenfold() {
        assert_eq!(next_iterations(1, 1, 20_000_000), 10);
        assert_eq!(next_iterations(7, 0, 20_000_000), 70);
    }

    #[test]
    fn calibration_always_grows_by_at_least_one() {
        // 1.2 · 100 · 0.8 = 96 would shrink n; it grows to 101 instead.
        assert_eq!(next_iterations(100, 25_000_000, 20_000_000), 101);
        assert_eq!(next_iterations(1, 19_999_999, 20_000_000), 2);
    }

    #[test]
    fn calibration_saturates_instead_of_overflowing() {
        assert_eq!(next_iterations(u64::MAX / 2, 1, u64::MAX), u64::MAX);
        assert_eq!(next_iterations(u64::MAX, 1, 1), u64::MAX);
    }
}
