//! The process's CPU time, for `cpu_per_iteration_ns` (SPEC.md, "Tiers and
//! implementations").

use std::io;
use std::mem::MaybeUninit;

/// User plus system CPU time of the whole process so far, in nanoseconds
/// (`getrusage(RUSAGE_SELF)`).
pub fn process_cpu_ns() -> u64 {
    let mut usage = MaybeUninit::<libc::rusage>::uninit();
    // SAFETY: getrusage writes the whole struct when it returns 0.
    let usage = unsafe {
        let rc = libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr());
        // It fails only for an invalid `who` or pointer, neither possible here.
        assert_eq!(
            rc,
            0,
            "getrusage(RUSAGE_SELF): {}",
            io::Error::last_os_error()
        );
        usage.assume_init()
    };
    timeval_ns(usage.ru_utime) + timeval_ns(usage.ru_stime)
}

fn timeval_ns(t: libc::timeval) -> u64 {
    // A CPU time is never negative.
    t.tv_sec as u64 * 1_000_000_000 + t.tv_usec as u64 * 1_000
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_timeval_converts_to_nanoseconds() {
        let t = libc::timeval {
            tv_sec: 3,
            tv_usec: 250_001,
        };
        assert_eq!(timeval_ns(t), 3_250_001_000);
    }

    #[test]
    fn cpu_time_grows_with_work() {
        let start = process_cpu_ns();
        // Spin until the clock has moved (its step is a microsecond or a
        // scheduler tick); a clock that never moves hangs the test.
        let mut x = 0u64;
        while process_cpu_ns() == start {
            for i in 0..10_000 {
                x = std::hint::black_box(x.wrapping_add(i));
            }
        }
        assert!(process_cpu_ns() > start);
    }
}
