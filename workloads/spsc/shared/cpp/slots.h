// The slot array of a ring: CAPACITY u64s, 128-byte aligned so no slot shares a 128-byte
// block (an adjacent-line prefetch pair) with anything else (SPEC.md "Padding").
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>

namespace spsc {

inline constexpr std::size_t kBlock = 128;  // x86-64's adjacent-line prefetch pair

class Slots {
 public:
  // Allocates and zeroes `count` slots (zeroing touches the pages in setup, not in the
  // self-check); throws std::bad_alloc.
  explicit Slots(std::uint64_t count) {
    const std::size_t bytes = (count * sizeof(std::uint64_t) + kBlock - 1) / kBlock * kBlock;
    data_.reset(static_cast<std::uint64_t*>(std::aligned_alloc(kBlock, bytes)));
    if (!data_) throw std::bad_alloc();
    std::memset(data_.get(), 0, bytes);
  }

  std::uint64_t& operator[](std::uint64_t i) { return data_[i]; }

 private:
  struct Free {
    void operator()(std::uint64_t* p) const { std::free(p); }
  };
  std::unique_ptr<std::uint64_t[], Free> data_;
};

}  // namespace spsc
