// spsc suite (workloads/spsc/SPEC.md) with std::mutex and two std::condition_variables around a
// ring of CAPACITY slots: a blocking bounded queue, the standard library's only option.
#include <condition_variable>
#include <cstdint>
#include <mutex>

#include "spsc/shared/cpp/consumer.h"
#include "spsc/shared/cpp/driver.h"
#include "spsc/shared/cpp/slots.h"

namespace {

class alignas(128) MutexQueue {
 public:
  explicit MutexQueue(std::uint64_t capacity)
      : capacity_(capacity), mask_(capacity - 1), slots_(capacity) {}

  // Blocks while full; throws spsc::QueueClosed once closed.
  void push(std::uint64_t v) {
    {
      std::unique_lock lock(mutex_);
      not_full_.wait(lock, [this] { return tail_ - head_ < capacity_ || closed_; });
      if (closed_) throw spsc::QueueClosed();
      slots_[tail_ & mask_] = v;
      ++tail_;
    }
    not_empty_.notify_one();
  }

  // Blocks while empty; throws spsc::QueueClosed once closed.
  std::uint64_t pop() {
    std::uint64_t v;
    {
      std::unique_lock lock(mutex_);
      not_empty_.wait(lock, [this] { return tail_ != head_ || closed_; });
      if (closed_) throw spsc::QueueClosed();
      v = slots_[head_ & mask_];
      ++head_;
    }
    not_full_.notify_one();
    return v;
  }

  // Wakes whoever is blocked, for good (the driver's stop path).
  void Close() {
    {
      std::lock_guard lock(mutex_);
      closed_ = true;
    }
    not_full_.notify_all();
    not_empty_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable not_full_;
  std::condition_variable not_empty_;
  std::uint64_t head_ = 0;  // free-running, like the ring's; guarded by mutex_
  std::uint64_t tail_ = 0;
  bool closed_ = false;
  const std::uint64_t capacity_;
  const std::uint64_t mask_;
  spsc::Slots slots_;
};

}  // namespace

int main() { return spsc::QueueMain<MutexQueue>(); }
