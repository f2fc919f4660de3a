// The hand-written ring of SPEC.md "The hand-written ring": free-running u64 indices, one item
// per call, spinning with the pause hint. The published tail and head each sit alone in a padded
// block; each side's own index and its cached copy of the other's sit in a padded block the other
// side never touches, so a call whose cache is good never reads the line the other side polls
// (SPEC.md says what that costs). cpp-ring measures it; tests/fault_workloads reuse it.
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
    const std::uint64_t tail = producer_.tail;
    if (tail - producer_.head_cache == capacity_) {
      producer_.head_cache = head_.value.load(std::memory_order_acquire);
      while (tail - producer_.head_cache == capacity_) {
        __builtin_ia32_pause();
        producer_.head_cache = head_.value.load(std::memory_order_acquire);
      }
    }
    slots_[tail & mask_] = v;
    tail_.value.store(tail + 1, std::memory_order_release);
    producer_.tail = tail + 1;
  }

  // Consumer only.
  std::uint64_t pop() {
    const std::uint64_t head = consumer_.head;
    if (head == consumer_.tail_cache) {
      consumer_.tail_cache = tail_.value.load(std::memory_order_acquire);
      while (head == consumer_.tail_cache) {
        __builtin_ia32_pause();
        consumer_.tail_cache = tail_.value.load(std::memory_order_acquire);
      }
    }
    const std::uint64_t v = slots_[head & mask_];
    head_.value.store(head + 1, std::memory_order_release);
    consumer_.head = head + 1;
    return v;
  }

 private:
  // Written by one side, polled by the other: nothing else on its line.
  struct alignas(128) PublishedIndex {
    std::atomic<std::uint64_t> value{0};
  };
  // One side's own state, never read by the other.
  struct alignas(128) ProducerState {
    std::uint64_t tail = 0;        // equal to tail_ (only the producer writes either)
    std::uint64_t head_cache = 0;  // the last head read
  };
  struct alignas(128) ConsumerState {
    std::uint64_t head = 0;        // equal to head_
    std::uint64_t tail_cache = 0;  // the last tail read
  };

  PublishedIndex tail_;
  PublishedIndex head_;
  ProducerState producer_;
  ConsumerState consumer_;
  // Read by both sides, written by neither after construction: a block of their own.
  alignas(128) const std::uint64_t capacity_;
  const std::uint64_t mask_;
  Slots slots_;
};

}  // namespace spsc
