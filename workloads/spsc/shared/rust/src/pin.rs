//! Pinning threads to CPUs with `sched_setaffinity`, and reading the mask
//! back, as the SPEC asks (std has no thread affinity).

use benchlib::Error;
use std::io;
use std::mem;

/// The CPUs the two threads run on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placement {
    pub producer: usize,
    pub consumer: usize,
}

/// The lowest and second lowest CPU of the calling thread's affinity mask,
/// which is the process's while no thread is pinned yet.
pub fn two_lowest_cpus() -> Result<Placement, Error> {
    let cpus = current_cpus()
        .map_err(|e| Error::new(format!("reading the process's CPU affinity mask: {e}")))?;
    match cpus[..] {
        [producer, consumer, ..] => Ok(Placement { producer, consumer }),
        _ => Err(Error::new(format!(
            "spsc needs two CPUs, one per thread, but the process's affinity mask has {}",
            describe(&cpus)
        ))),
    }
}

/// Pins the calling thread (`role` names it in errors) to `cpu` alone and
/// checks that its mask now reads back as exactly that CPU.
pub fn pin_this_thread(cpu: usize, role: &str) -> Result<(), Error> {
    set_current_cpu(cpu)
        .map_err(|e| Error::new(format!("pinning the {role} thread to CPU {cpu}: {e}")))?;
    let cpus = current_cpus().map_err(|e| {
        Error::new(format!(
            "reading the {role} thread's CPU affinity mask back: {e}"
        ))
    })?;
    if cpus != [cpu] {
        return Err(Error::new(format!(
            "the {role} thread was pinned to CPU {cpu}, but its affinity mask reads back as {}",
            describe(&cpus)
        )));
    }
    Ok(())
}

/// "no CPU", "only CPU 3" or "CPUs 0, 2, 5".
fn describe(cpus: &[usize]) -> String {
    match cpus {
        [] => "no CPU".to_owned(),
        [cpu] => format!("only CPU {cpu}"),
        _ => {
            let list: Vec<String> = cpus.iter().map(usize::to_string).collect();
            format!("CPUs {}", list.join(", "))
        }
    }
}

/// The calling thread's affinity mask, in increasing order.
fn current_cpus() -> io::Result<Vec<usize>> {
    // SAFETY: cpu_set_t is a plain bit array, valid when zeroed.
    let mut set: libc::cpu_set_t = unsafe { mem::zeroed() };
    // SAFETY: pid 0 is the calling thread; the size is that of `set`, which
    // the kernel fills.
    let status = unsafe { libc::sched_getaffinity(0, mem::size_of_val(&set), &mut set) };
    if status != 0 {
        return Err(io::Error::last_os_error());
    }
    let max = usize::try_from(libc::CPU_SETSIZE).expect("CPU_SETSIZE is positive");
    // SAFETY: a bit test inside `set` (`cpu` is below CPU_SETSIZE).
    Ok((0..max)
        .filter(|&cpu| unsafe { libc::CPU_ISSET(cpu, &set) })
        .collect())
}

/// Restricts the calling thread to `cpu` alone.
fn set_current_cpu(cpu: usize) -> io::Result<()> {
    let max = usize::try_from(libc::CPU_SETSIZE).expect("CPU_SETSIZE is positive");
    if cpu >= max {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("beyond the {max} CPUs a cpu_set_t holds"),
        ));
    }
    // SAFETY: as in `current_cpus`.
    let mut set: libc::cpu_set_t = unsafe { mem::zeroed() };
    // SAFETY: a bit set inside `set` (`cpu` is below CPU_SETSIZE).
    unsafe { libc::CPU_SET(cpu, &mut set) };
    // SAFETY: pid 0 is the calling thread; `set` is initialised and its size
    // is passed.
    let status = unsafe { libc::sched_setaffinity(0, mem::size_of_val(&set), &set) };
    if status != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_masks_for_error_messages() {
        assert_eq!(describe(&[]), "no CPU");
        assert_eq!(describe(&[3]), "only CPU 3");
        assert_eq!(describe(&[0, 2, 5]), "CPUs 0, 2, 5");
    }

    #[test]
    fn a_pinned_thread_reads_its_one_cpu_back() {
        // In a thread of its own, so the test runner's threads stay unpinned.
        let cpu = current_cpus().unwrap()[0];
        let pinned = std::thread::spawn(move || {
            pin_this_thread(cpu, "test")?;
            current_cpus().map_err(|e| Error::new(e.to_string()))
        })
        .join()
        .unwrap();
        assert_eq!(pinned, Ok(vec![cpu]));
    }

    #[test]
    fn pinning_to_a_cpu_outside_the_set_fails_with_its_number() {
        let message = std::thread::spawn(|| pin_this_thread(5000, "test"))
            .join()
            .unwrap()
            .unwrap_err()
            .to_string();
        assert!(
            message.starts_with("pinning the test thread to CPU 5000: beyond the 1024"),
            "{message}"
        );
    }
}
