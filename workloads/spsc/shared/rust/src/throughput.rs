//! `throughput`: one iteration moves the items 0 … ITEMS − 1 through one
//! queue (SPEC.md, "Operations").

use crate::control::{ConsumerThread, Outcome};
use crate::queue::{Pop, Push};
use crate::Params;
use benchlib::{Bench, Error};
use serde::Serialize;

/// The verification value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Moved {
    /// Items the consumer received.
    pub items: u64,
    /// Their sum mod 2^64.
    pub sum: u64,
}

/// The producer's side. Fields drop in order: the queue end first, so a
/// consumer blocked in a channel would see it disconnected, then the
/// consumer thread is stopped and joined.
struct Producer<P> {
    queue: P,
    consumer: ConsumerThread,
    items: u64,
}

impl<P: Push> Producer<P> {
    fn iteration(&mut self) -> Result<Moved, Error> {
        let k = self.consumer.go();
        for item in 0..self.items {
            self.queue.push(item).map_err(|_| consumer_gone())?;
        }
        let outcome = self.consumer.wait(k).checked(k)?;
        Ok(Moved {
            items: outcome.items,
            sum: outcome.sum,
        })
    }
}

/// The consumer's part of an iteration: every item, each checked against
/// its position; after a wrong one it still takes them all, so the
/// producer is never left blocked.
fn consume(queue: &mut impl Pop, items: u64) -> Result<Outcome, crate::Disconnected> {
    let mut outcome = Outcome::default();
    for position in 0..items {
        let item = queue.pop()?;
        outcome.receive(position, item);
    }
    Ok(outcome)
}

pub(crate) fn consumer_gone() -> Error {
    Error::new("the consumer thread has gone: its end of the queue was dropped")
}

pub(crate) fn measure<P: Push, C: Pop>(
    bench: &mut Bench,
    params: &Params,
    consumer_cpu: usize,
    new_queue: impl Fn(usize) -> (P, C),
) -> Result<(), Error> {
    let (queue, mut consumer_end) = new_queue(params.capacity);
    let items = params.items;
    let consumer = ConsumerThread::start(consumer_cpu, move || consume(&mut consumer_end, items))?;
    let producer = Producer {
        queue,
        consumer,
        items,
    };
    bench.measure(producer, Producer::iteration)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_queue::{a_cpu, mapped};

    fn producer(map: fn(u64) -> u64, items: u64) -> Producer<impl Push> {
        let (queue, mut taker) = mapped(4, map);
        let consumer = ConsumerThread::start(a_cpu(), move || consume(&mut taker, items)).unwrap();
        Producer {
            queue,
            consumer,
            items,
        }
    }

    #[test]
    fn an_iteration_moves_every_item_once() {
        let mut producer = producer(|v| v, 1000);
        for _ in 0..2 {
            assert_eq!(
                producer.iteration(),
                Ok(Moved {
                    items: 1000,
                    sum: 999 * 1000 / 2
                })
            );
        }
    }

    #[test]
    fn a_reorder_is_an_error_and_every_item_is_still_taken() {
        let swap = |v| match v {
            5 => 6,
            6 => 5,
            v => v,
        };
        let mut producer = producer(swap, 100);
        // The second iteration runs too: the first left nothing behind.
        for k in 1..=2 {
            assert_eq!(
                producer.iteration().unwrap_err().to_string(),
                format!("sequence error in iteration {k}: expected item 5, got 6")
            );
        }
    }
}
