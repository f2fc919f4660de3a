// The hand-written ring of SPEC.md "The hand-written ring": free-running u64 indices, each
// side's index and its cached copy of the other's in a padded block of its own, one item per
// call, spinning with the pause hint. cpp-ring measures it; tests/fault_workloads reuse it.
#pragma once

#include <atomic>
#include <cstdint>

#include "spsc/shared/cpp/slots.h"

namespace spsc {

class Ring {
 public:
  explicit Ring(std::uint64_t capacity)
      : capacity_(capacity), mask_(capacity - 1), slots_(capacity) {}

  // Producer only.
  void push(std::uint64_t v) {
    const std::uint64_t tail = producer_.tail.load(std::memory_order_relaxed);
    if (tail - producer_.head_cache == capacity_) {
      producer_.head_cache = consumer_.head.load(std::memory_order_acquire);
      while (tail - producer_.head_cache == capacity_) {
        __builtin_ia32_pause();
        producer_.head_cache = consumer_.head.load(std::memory_order_acquire);
      }
    }
    slots_[tail & mask_] = v;
    producer_.tail.store(tail + 1, std::memory_order_release);
  }

  // Consumer only.
  std::uint64_t pop() {
    const std::uint64_t head = consumer_.head.load(std::memory_order_relaxed);
    if (head == consumer_.tail_cache) {
      consumer_.tail_cache = producer_.tail.load(std::memory_order_acquire);
      while (head == consumer_.tail_cache) {
        __builtin_ia32_pause();
        consumer_.tail_cache = producer_.tail.load(std::memory_order_acquire);
      }
    }
    const std::uint64_t v = slots_[head & mask_];
    consumer_.head.store(head + 1, std::memory_order_release);
    return v;
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
  // Read by both sides, written by neither after construction: a block of their own.
  alignas(128) const std::uint64_t capacity_;
  const std::uint64_t mask_;
  Slots slots_;
};

}  // namespace spsc
