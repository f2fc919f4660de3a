//! The page faults the loop reports for its timed samples (`timed_minor_faults`,
//! `timed_major_faults`): a heap handed back to the kernel and touched again in the next
//! iteration shows up here per iteration.

use crate::Error;

/// Minor and major page faults of the whole process so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageFaults {
    pub minor: u64,
    pub major: u64,
}

/// This process's page faults (fields `minflt` and `majflt` of `/proc/self/stat`, which
/// count every thread, as `getrusage(RUSAGE_SELF)` does; std has no getrusage).
pub fn read() -> Result<PageFaults, Error> {
    let stat = std::fs::read_to_string("/proc/self/stat")
        .map_err(|e| Error::new(format!("/proc/self/stat: {e}")))?;
    parse_stat(&stat).ok_or_else(|| Error::new("/proc/self/stat has no fault counts"))
}

/// The fault counts from the text of `/proc/<pid>/stat`. The command name is in parentheses
/// and may hold spaces or ')', so fields are counted from the last ')'.
fn parse_stat(stat: &str) -> Option<PageFaults> {
    let after_name = &stat[stat.rfind(')')? + 1..];
    // After the name: state(3) ppid pgrp session tty_nr tpgid flags minflt(10) cminflt majflt(12).
    let fields: Vec<&str> = after_name.split_whitespace().take(10).collect();
    Some(PageFaults {
        minor: fields.get(7)?.parse().ok()?,
        major: fields.get(9)?.parse().ok()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_fault_fields_after_the_name() {
        let stat = "4242 (a b) c) S 1 4242 4242 0 -1 4194560 1234 0 7 0 5 3 0 0 20 0 1 0";
        assert_eq!(
            parse_stat(stat),
            Some(PageFaults {
                minor: 1234,
                major: 7
            })
        );
        assert_eq!(parse_stat("4242 (x) S 1"), None);
        assert_eq!(parse_stat("no name at all"), None);
    }

    #[test]
    fn reads_this_process_and_counts_a_touched_page() {
        let before = read().unwrap();
        let mut page = vec![0u8; 1 << 20];
        page.iter_mut().step_by(4096).for_each(|b| *b = 1);
        std::hint::black_box(&page);
        let after = read().unwrap();
        assert!(after.minor > before.minor);
    }
}
