//! The resident set size that the `setup` message reports.

use crate::Error;

/// This process's resident set size (`VmRSS`), in kB.
pub fn resident_kb() -> Result<u64, Error> {
    let status = std::fs::read_to_string("/proc/self/status")
        .map_err(|e| Error::new(format!("/proc/self/status: {e}")))?;
    parse_vm_rss(&status).ok_or_else(|| Error::new("/proc/self/status has no VmRSS line"))
}

/// The `VmRSS` value, in kB, from the text of `/proc/self/status`.
fn parse_vm_rss(status: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let mut fields = line["VmRSS:".len()..].split_whitespace();
    let kb = fields.next()?.parse().ok()?;
    (fields.next() == Some("kB")).then_some(kb)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_vm_rss() {
        let status = "Name:\tx\nVmPeak:\t  9000 kB\nVmRSS:\t    1234 kB\nThreads:\t1\n";
        assert_eq!(parse_vm_rss(status), Some(1234));
        assert_eq!(parse_vm_rss("Name:\tx\n"), None);
        assert_eq!(parse_vm_rss("VmRSS:\t12 MB\n"), None);
    }

    #[test]
    fn reads_this_process() {
        assert!(resident_kb().unwrap() > 0);
    }
}
