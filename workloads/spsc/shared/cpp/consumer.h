// The iteration control block and the consumer thread (SPEC.md "The iteration control
// block"): the producer stores go = k, does its part and spins until done == k; the consumer
// thread, alive from setup to the end, spins until go changes, runs iteration k and stores its
// report and then done = k. go = UINT64_MAX ends it.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <thread>
#include <utility>

#include "benchlib.h"
#include "spsc/shared/cpp/pinning.h"

namespace spsc {

// Thrown by a blocking queue's push or pop once it is closed: the consumer thread gives up
// the iteration it is in and ends (only on an abnormal stop, see Consumer::Stop).
class QueueClosed {};

// What the consumer received in one iteration, checked against the sequence 0, 1, 2, ...
struct ConsumerReport {
  std::uint64_t count = 0;  // items received
  std::uint64_t sum = 0;    // their sum mod 2^64
  bool out_of_order = false;
  std::uint64_t expected = 0;  // the first item that differed: its position in the iteration
  std::uint64_t got = 0;       // and what came instead

  // Takes in the item at `position` of the iteration. The mismatch is recorded inline on
  // purpose: an out-of-line call taking `this` lets the report escape, and gcc 12 then keeps
  // count and sum in memory across the queue's atomics, loading and storing them for every item
  // (it doubled cpp-ring's time per item).
  void Receive(std::uint64_t position, std::uint64_t v) {
    if (v != position && !out_of_order) [[unlikely]] {
      out_of_order = true;
      expected = position;
      got = v;
    }
    sum += v;
    ++count;
  }
};

// SPEC.md's message for the consumer's first out-of-order item in iteration `k`.
inline benchlib::Error SequenceError(std::uint64_t k, const ConsumerReport& report) {
  return benchlib::Error("sequence error in iteration " + std::to_string(k) + ": expected item " +
                         std::to_string(report.expected) + ", got " + std::to_string(report.got));
}

// The consumer thread and the control block it shares with the producer.
class Consumer {
 public:
  // Starts the consumer thread, which pins itself to `cpu` and then runs `iteration()` (returning
  // a ConsumerReport) once per go. `wake` (may be empty) unblocks a consumer blocked inside a
  // blocking queue so Stop can join it. Returns once the thread is pinned; throws
  // benchlib::Error if pinning failed.
  template <class Iteration>
  Consumer(int cpu, Iteration iteration, std::function<void()> wake) : wake_(std::move(wake)) {
    thread_ = std::thread([this, cpu, iteration = std::move(iteration)]() mutable {
      try {
        PinCurrentThread(cpu, "consumer");
      } catch (const benchlib::Error& e) {
        pin_error_ = e.what();
        started_.store(kPinFailed, std::memory_order_release);
        return;
      }
      started_.store(kPinned, std::memory_order_release);
      Loop(iteration);
    });
    int started;
    while ((started = started_.load(std::memory_order_acquire)) == kStarting) {
      __builtin_ia32_pause();
    }
    if (started == kPinFailed) {
      thread_.join();
      throw benchlib::Error(pin_error_);
    }
  }

  Consumer(const Consumer&) = delete;
  Consumer& operator=(const Consumer&) = delete;

  ~Consumer() { Stop(); }

  // Runs the next iteration: go = k, `producer_part()`, then waits for done == k. Returns the
  // iteration's number k (1 for the first, the self-check) and the consumer's report.
  template <class ProducerPart>
  std::pair<std::uint64_t, ConsumerReport> Run(ProducerPart&& producer_part) {
    const std::uint64_t k = ++iteration_;
    go_.value.store(k, std::memory_order_release);
    producer_part();
    while (done_.value.load(std::memory_order_acquire) != k) __builtin_ia32_pause();
    return {k, done_.report};
  }

  // Ends the thread: go = UINT64_MAX, wake it if a queue can hold it blocked, join. Between
  // iterations the consumer spins on go and needs no wake; the wake covers a producer that
  // left in the middle of an iteration (no producer part throws, and a spinning queue's
  // consumer could not be woken anyway).
  void Stop() {
    if (!thread_.joinable()) return;
    go_.value.store(kStop, std::memory_order_release);
    if (wake_) wake_();
    thread_.join();
  }

 private:
  static constexpr std::uint64_t kStop = std::numeric_limits<std::uint64_t>::max();
  enum : int { kStarting, kPinned, kPinFailed };

  template <class Iteration>
  void Loop(Iteration& iteration) {
    std::uint64_t seen = 0;
    try {
      while (true) {
        std::uint64_t k;
        while ((k = go_.value.load(std::memory_order_acquire)) == seen) __builtin_ia32_pause();
        if (k == kStop) return;
        seen = k;
        done_.report = iteration();
        done_.value.store(k, std::memory_order_release);
      }
    } catch (const QueueClosed&) {
      // Stopped in the middle of an iteration; nobody waits for its report.
    }
  }

  // Written by the producer only.
  struct alignas(128) GoBlock {
    std::atomic<std::uint64_t> value{0};
  };
  // Written by the consumer only: the report, then done.
  struct alignas(128) DoneBlock {
    std::atomic<std::uint64_t> value{0};
    ConsumerReport report;
  };

  GoBlock go_;
  DoneBlock done_;
  std::uint64_t iteration_ = 0;  // the producer's k
  std::atomic<int> started_{kStarting};
  std::string pin_error_;
  std::function<void()> wake_;
  std::thread thread_;
};

}  // namespace spsc
