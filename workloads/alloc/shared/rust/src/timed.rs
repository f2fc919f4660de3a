//! What every operation reports about the timed samples, through benchlib's
//! timed-phase hooks (`../PROTOCOL.md`): the CPU time per timed iteration,
//! plus the operation's own statistics (churn's batch histogram).

use crate::cpu_time::process_cpu_ns;
use crate::{Alloc, BinaryTrees, Churn, RequestArena};
use benchlib::{Bench, Error};
use serde::Serialize;
use std::collections::BTreeMap;

/// An operation's state, run once per iteration.
pub(crate) trait Operation {
    /// The verification value.
    type Output: PartialEq + Serialize;

    /// One iteration; `timing` says whether it is in the timed samples.
    fn iteration(&mut self, timing: bool) -> Self::Output;

    /// Forgets the statistics of the iterations before the timed samples.
    fn clear_statistics(&mut self) {}

    /// The statistics of the timed samples, as counters.
    fn statistics(&self) -> BTreeMap<String, u64> {
        BTreeMap::new()
    }
}

impl<A: Alloc> Operation for BinaryTrees<A> {
    type Output = crate::binary_trees::Checks;

    fn iteration(&mut self, _: bool) -> Self::Output {
        BinaryTrees::iteration(self)
    }
}

impl<A: Alloc> Operation for RequestArena<A> {
    type Output = crate::request_arena::Served;

    fn iteration(&mut self, _: bool) -> Self::Output {
        RequestArena::iteration(self)
    }
}

impl Operation for Churn {
    type Output = crate::churn::Churned;

    fn iteration(&mut self, timing: bool) -> Self::Output {
        Churn::iteration(self, timing)
    }

    fn clear_statistics(&mut self) {
        self.batches.clear();
    }

    fn statistics(&self) -> BTreeMap<String, u64> {
        self.batches.batch_counters()
    }
}

/// An operation with the flag the hooks set around the timed samples and
/// what they measure.
struct Timed<O> {
    op: O,
    timing: bool,
    timed_iterations: u64,
    cpu_start_ns: u64,
}

impl<O: Operation> Timed<O> {
    fn new(op: O) -> Timed<O> {
        Timed {
            op,
            timing: false,
            timed_iterations: 0,
            cpu_start_ns: 0,
        }
    }

    fn iteration(&mut self) -> Result<O::Output, Error> {
        self.timed_iterations += u64::from(self.timing);
        Ok(self.op.iteration(self.timing))
    }

    /// The before-timed hook.
    fn start(&mut self) {
        self.op.clear_statistics();
        self.timing = true;
        self.timed_iterations = 0;
        self.cpu_start_ns = process_cpu_ns();
    }

    /// The after-timed hook.
    fn stop(&mut self) -> BTreeMap<String, u64> {
        let cpu_ns = process_cpu_ns() - self.cpu_start_ns;
        self.timing = false;
        let mut counters = self.op.statistics();
        // There is at least one timed sample of at least one iteration.
        let per_iteration = cpu_ns / self.timed_iterations.max(1);
        counters.insert("cpu_per_iteration_ns".to_owned(), per_iteration);
        counters
    }
}

/// Measures `op` and sends the result with its counters.
pub(crate) fn measure<O: Operation>(bench: &mut Bench, op: O) -> Result<(), Error> {
    bench.measure_with_hooks(Timed::new(op), Timed::iteration, Timed::start, Timed::stop)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts the iterations it sees as timed, spinning a little in each.
    #[derive(Default)]
    struct Spin {
        timed: u64,
    }

    impl Operation for Spin {
        type Output = u8;

        fn iteration(&mut self, timing: bool) -> u8 {
            self.timed += u64::from(timing);
            let start = process_cpu_ns();
            while process_cpu_ns() == start {}
            1
        }

        fn clear_statistics(&mut self) {
            self.timed = 0;
        }

        fn statistics(&self) -> BTreeMap<String, u64> {
            BTreeMap::from([("timed".to_owned(), self.timed)])
        }
    }

    #[test]
    fn the_hooks_count_only_timed_iterations_and_their_cpu_time() {
        let mut timed = Timed::new(Spin::default());
        timed.iteration().unwrap();
        timed.start();
        for _ in 0..3 {
            timed.iteration().unwrap();
        }
        let counters = timed.stop();
        timed.iteration().unwrap();
        assert_eq!(timed.timed_iterations, 3);
        assert_eq!(counters["timed"], 3);
        // Each iteration spun until the CPU clock moved.
        assert!(counters["cpu_per_iteration_ns"] > 0);
        assert_eq!(counters.len(), 2);
    }

    #[test]
    fn churn_reports_the_batches_of_the_timed_iterations_only() {
        let mut timed = Timed::new(Churn::new(100, 800, 1));
        timed.iteration().unwrap();
        timed.start();
        timed.iteration().unwrap();
        timed.iteration().unwrap();
        let counters = timed.stop();
        assert_eq!(counters["churn_batches"], 200);
        assert!(counters["churn_batch_p50_ns"] <= counters["churn_batch_p99_ns"]);
        assert!(counters["churn_batch_p999_ns"] <= counters["churn_batch_max_ns"]);
        assert!(counters.contains_key("cpu_per_iteration_ns"));
        assert_eq!(counters.len(), 6);
    }
}
