//! startup suite (`workloads/startup/SPEC.md`): prints the FNV-1a 64 hash of
//! the first argument as 16 lower-case hex digits.

use std::env;
use std::io::{self, Write};
use std::os::unix::ffi::OsStrExt;
use std::process::ExitCode;

const FNV_OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(FNV_OFFSET_BASIS, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(FNV_PRIME)
    })
}

fn main() -> ExitCode {
    // The argument is a byte string: args_os keeps non-UTF-8 bytes intact.
    let Some(arg) = env::args_os().nth(1) else {
        eprintln!("usage: startup-rust-std STRING");
        return ExitCode::from(2);
    };
    let hash = fnv1a64(arg.as_bytes());
    match writeln!(io::stdout().lock(), "{hash:016x}") {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("startup-rust-std: stdout: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fnv1a64;

    #[test]
    fn matches_published_fnv1a64_vectors() {
        // Test vectors from the FNV reference (Landon Curt Noll's fnv test suite).
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }
}
