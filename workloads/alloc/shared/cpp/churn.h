// churn (workloads/alloc/SPEC.md): blocks of mixed sizes allocated and freed one by one
// through operator new[]/delete[], so the tier is whatever backs the global operator new
// (glibc malloc, or mimalloc where the binary replaces it). The arena tier has no churn.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

#include "alloc/shared/cpp/histogram.h"
#include "alloc/shared/cpp/splitmix64.h"

namespace alloc {

// One churn block: uninitialised bytes (make_unique_for_overwrite does not zero them; SPEC
// writes only the bytes it reads back).
inline std::unique_ptr<std::uint8_t[]> NewBlock(std::size_t size) {
  return std::make_unique_for_overwrite<std::uint8_t[]>(size);
}

// The size of a block: SPEC's mix of four ranges, two draws.
inline std::size_t DrawBlockSize(SplitMix64& random) {
  const std::uint64_t c = random.Next() % 100;
  std::uint64_t lo = 32769;
  std::uint64_t hi = 65536;
  if (c < 60) {
    lo = 16;
    hi = 256;
  } else if (c < 90) {
    lo = 257;
    hi = 4096;
  } else if (c < 99) {
    lo = 4097;
    hi = 32768;
  }
  return static_cast<std::size_t>(lo + random.Next() % (hi - lo + 1));
}

// One iteration's count and checksum, the verification value.
struct ChurnResult {
  std::uint64_t ops = 0;
  std::uint64_t checksum = 0;
  bool operator==(const ChurnResult&) const = default;
};

inline nlohmann::json ChurnJson(const ChurnResult& r) {
  return {{"ops", r.ops}, {"checksum", r.checksum}};
}

// The live set, kept across iterations (every iteration leaves it empty) so an iteration
// allocates only blocks.
class Churn {
 public:
  Churn(std::uint64_t live, std::uint64_t ops, std::uint64_t seed)
      : slots_(static_cast<std::size_t>(live)), ops_(ops), seed_(seed) {}

  // One iteration. The clock is read before the first operation and after every 8th, in every
  // iteration so all do the same work; the batch times go into `batches` unless it is null.
  ChurnResult Run(Histogram* batches) {
    SplitMix64 random(seed_);
    std::uint64_t checksum = 0;
    int in_batch = 0;
    auto batch_start = std::chrono::steady_clock::now();
    for (std::uint64_t i = 0; i < ops_; ++i) {
      Block& slot = slots_[static_cast<std::size_t>(random.Next() % slots_.size())];
      const std::size_t size = DrawBlockSize(random);
      const auto byte = static_cast<std::uint8_t>(random.Next() & 0xFF);
      if (slot.bytes) {
        checksum += slot.ReadEnds();
        slot.bytes.reset();  // freed before the new block is allocated, as SPEC orders
      }
      slot.bytes = NewBlock(size);
      slot.size = size;
      for (std::size_t offset = 0; offset < size; offset += 4096) slot.bytes[offset] = byte;
      slot.bytes[size - 1] = byte;
      if (++in_batch == 8) {
        const auto now = std::chrono::steady_clock::now();
        if (batches != nullptr) {
          batches->Record(static_cast<std::uint64_t>(
              std::chrono::duration_cast<std::chrono::nanoseconds>(now - batch_start).count()));
        }
        batch_start = now;
        in_batch = 0;
      }
    }
    for (Block& slot : slots_) {
      if (!slot.bytes) continue;
      checksum += slot.ReadEnds();
      slot.bytes.reset();
    }
    return {ops_, checksum};
  }

 private:
  struct Block {
    std::unique_ptr<std::uint8_t[]> bytes;
    std::size_t size = 0;

    // Its first byte plus its last.
    std::uint64_t ReadEnds() const { return std::uint64_t{bytes[0]} + bytes[size - 1]; }
  };

  std::vector<Block> slots_;
  std::uint64_t ops_;
  std::uint64_t seed_;
};

}  // namespace alloc
