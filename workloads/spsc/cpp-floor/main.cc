// spsc suite (workloads/spsc/SPEC.md), the floor row: not a queue, the least a hand-off between
// the two CPUs can cost (SPEC.md "The floor"). Every row is shown as a ratio to it.
#include <atomic>
#include <cstdint>

#include "spsc/shared/cpp/consumer.h"
#include "spsc/shared/cpp/driver.h"
#include "spsc/shared/cpp/slots.h"

namespace {

// throughput: a ring of CAPACITY slots whose indices are published once per half ring. Every
// item still crosses through the slots and is checked; only the synchronisation is amortised.
class FloorThroughput {
 public:
  explicit FloorThroughput(std::uint64_t capacity)
      : capacity_(capacity), half_(capacity / 2), mask_(capacity - 1), slots_(capacity) {}

  void Produce(std::uint64_t items) {
    std::uint64_t tail = producer_.tail.load(std::memory_order_relaxed);
    for (std::uint64_t base = 0; base < items; base += half_) {
      // Wait until the half about to be filled has been released by the consumer.
      if (tail + half_ - producer_.head_cache > capacity_) {
        producer_.head_cache = consumer_.head.load(std::memory_order_acquire);
        while (tail + half_ - producer_.head_cache > capacity_) {
          __builtin_ia32_pause();
          producer_.head_cache = consumer_.head.load(std::memory_order_acquire);
        }
      }
      std::uint64_t* const half = &slots_[tail & mask_];  // halves never wrap
      for (std::uint64_t j = 0; j < half_; ++j) half[j] = base + j;
      tail += half_;
      producer_.tail.store(tail, std::memory_order_release);
    }
  }

  spsc::ConsumerReport Consume(std::uint64_t items) {
    spsc::ConsumerReport report;
    std::uint64_t head = consumer_.head.load(std::memory_order_relaxed);
    for (std::uint64_t base = 0; base < items; base += half_) {
      // Wait for a published half.
      if (consumer_.tail_cache - head < half_) {
        consumer_.tail_cache = producer_.tail.load(std::memory_order_acquire);
        while (consumer_.tail_cache - head < half_) {
          __builtin_ia32_pause();
          consumer_.tail_cache = producer_.tail.load(std::memory_order_acquire);
        }
      }
      const std::uint64_t* const half = &slots_[head & mask_];
      for (std::uint64_t j = 0; j < half_; ++j) report.Receive(base + j, half[j]);
      head += half_;
      consumer_.head.store(head, std::memory_order_release);
    }
    return report;
  }

 private:
  struct alignas(128) ProducerBlock {
    std::atomic<std::uint64_t> tail{0};
    std::uint64_t head_cache = 0;
  };
  struct alignas(128) ConsumerBlock {
    std::atomic<std::uint64_t> head{0};
    std::uint64_t tail_cache = 0;
  };

  ProducerBlock producer_;
  ConsumerBlock consumer_;
  alignas(128) const std::uint64_t capacity_;  // read-only from here on
  const std::uint64_t half_;
  const std::uint64_t mask_;
  spsc::Slots slots_;
};

// latency: one padded line bouncing. Trip i: the producer stores 2i + 1 and waits for 2i + 2;
// the consumer waits for 2i + 1 and stores 2i + 2. Each side waits for the line to leave the
// value it stored last and decodes what it finds, so a wrong value is reported, not waited for.
class FloorLatency {
 public:
  explicit FloorLatency(std::uint64_t /*capacity: no queue*/) {}

  void Send(std::uint64_t i) {  // producer
    producer_.sent = 2 * i + 1;
    line_.value.store(producer_.sent, std::memory_order_release);
  }

  std::uint64_t ReceiveBack() {  // producer: 2i + 2 means i came back
    std::uint64_t v;
    while ((v = line_.value.load(std::memory_order_acquire)) == producer_.sent) {
      __builtin_ia32_pause();
    }
    return v / 2 - 1;
  }

  std::uint64_t Receive() {  // consumer: 2i + 1 means i was sent
    std::uint64_t v;
    while ((v = line_.value.load(std::memory_order_acquire)) == consumer_.stored) {
      __builtin_ia32_pause();
    }
    return (v - 1) / 2;
  }

  void SendBack(std::uint64_t i) {  // consumer
    consumer_.stored = 2 * i + 2;
    line_.value.store(consumer_.stored, std::memory_order_release);
  }

 private:
  struct alignas(128) Line {
    std::atomic<std::uint64_t> value{0};
  };
  struct alignas(128) ProducerBlock {
    std::uint64_t sent = 0;
  };
  struct alignas(128) ConsumerBlock {
    std::uint64_t stored = 0;  // the line's value before the first trip
  };

  Line line_;
  ProducerBlock producer_;
  ConsumerBlock consumer_;
};

}  // namespace

int main() { return spsc::Main<FloorThroughput, FloorLatency>(); }
