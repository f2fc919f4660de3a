//! `latency`: one iteration is ROUND_TRIPS round trips of one value through
//! two queues, each trip timed into the histogram (SPEC.md, "Operations").

use crate::control::{ConsumerThread, Outcome};
use crate::queue::{Disconnected, Pop, Push};
use crate::throughput::consumer_gone;
use crate::{Histogram, Params};
use benchlib::{Bench, Error};
use serde::Serialize;
use std::time::Instant;

/// The verification value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct RoundTrips {
    /// Round trips completed.
    pub round_trips: u64,
    /// The sum of the values received back, mod 2^64.
    pub sum: u64,
}

/// The producer's side. Fields drop in order: the queue ends first, so a
/// consumer blocked in a channel would see it disconnected, then the
/// consumer thread is stopped and joined.
struct Producer<P, C> {
    there: P,
    back: C,
    consumer: ConsumerThread,
    round_trips: u64,
    /// Every trip of every iteration; the before-timed hook clears it, so
    /// after the timed samples it holds exactly their trips.
    histogram: Histogram,
}

impl<P: Push, C: Pop> Producer<P, C> {
    fn iteration(&mut self) -> Result<RoundTrips, Error> {
        let k = self.consumer.go();
        let mut trips = 0u64;
        let mut sum = 0u64;
        let mut first_error = None;
        // One clock read per trip: each trip's time runs from the previous
        // read to the one after it comes back.
        let mut last = Instant::now();
        for i in 0..self.round_trips {
            self.there.push(i).map_err(|_| consumer_gone())?;
            let got = self.back.pop().map_err(|_| consumer_gone())?;
            let now = Instant::now();
            let ns = now.duration_since(last).as_nanos();
            self.histogram.record(u64::try_from(ns).unwrap_or(u64::MAX));
            last = now;
            if got != i && first_error.is_none() {
                first_error = Some((i, got));
            }
            trips += 1;
            sum = sum.wrapping_add(got);
        }
        // The consumer's sequence error first: it says where things went wrong.
        self.consumer.wait(k).checked(k)?;
        if let Some((i, got)) = first_error {
            return Err(Error::new(format!(
                "round trip {i}: sent {i}, got {got} back"
            )));
        }
        Ok(RoundTrips {
            round_trips: trips,
            sum,
        })
    }
}

/// The consumer's part of an iteration: take each value, check it is the
/// trip's number, send it back.
fn echo(
    there: &mut impl Pop,
    back: &mut impl Push,
    round_trips: u64,
) -> Result<Outcome, Disconnected> {
    let mut outcome = Outcome::default();
    for i in 0..round_trips {
        let value = there.pop()?;
        outcome.receive(i, value);
        back.push(value)?;
    }
    Ok(outcome)
}

pub(crate) fn measure<P: Push, C: Pop>(
    bench: &mut Bench,
    params: &Params,
    consumer_cpu: usize,
    new_queue: impl Fn(usize) -> (P, C),
) -> Result<(), Error> {
    let (there, mut there_end) = new_queue(params.capacity);
    let (mut back_end, back) = new_queue(params.capacity);
    let round_trips = params.round_trips;
    let consumer = ConsumerThread::start(consumer_cpu, move || {
        echo(&mut there_end, &mut back_end, round_trips)
    })?;
    let producer = Producer {
        there,
        back,
        consumer,
        round_trips,
        histogram: Histogram::default(),
    };
    bench.measure_with_hooks(
        producer,
        Producer::iteration,
        |producer| producer.histogram.clear(),
        |producer| producer.histogram.rtt_counters(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_queue::{a_cpu, mapped};

    fn producer(
        there: fn(u64) -> u64,
        back: fn(u64) -> u64,
        round_trips: u64,
    ) -> Producer<impl Push, impl Pop> {
        let (there, mut there_end) = mapped(4, there);
        let (mut back_end, back) = mapped(4, back);
        let consumer = ConsumerThread::start(a_cpu(), move || {
            echo(&mut there_end, &mut back_end, round_trips)
        })
        .unwrap();
        Producer {
            there,
            back,
            consumer,
            round_trips,
            histogram: Histogram::default(),
        }
    }

    #[test]
    fn every_trip_is_timed_into_the_histogram() {
        let mut producer = producer(|v| v, |v| v, 500);
        for trips in [500, 1000] {
            assert_eq!(
                producer.iteration(),
                Ok(RoundTrips {
                    round_trips: 500,
                    sum: 499 * 500 / 2
                })
            );
            assert_eq!(producer.histogram.count(), trips);
        }
    }

    #[test]
    fn a_value_changed_on_the_way_back_is_a_round_trip_error() {
        let mut producer = producer(|v| v, |v| if v == 3 { 40 } else { v }, 10);
        assert_eq!(
            producer.iteration().unwrap_err().to_string(),
            "round trip 3: sent 3, got 40 back"
        );
    }

    #[test]
    fn the_consumers_sequence_error_comes_first() {
        let mut producer = producer(|v| if v == 3 { 40 } else { v }, |v| v, 10);
        assert_eq!(
            producer.iteration().unwrap_err().to_string(),
            "sequence error in iteration 1: expected item 3, got 40"
        );
    }
}
