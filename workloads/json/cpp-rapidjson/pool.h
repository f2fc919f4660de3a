// The DOM's memory, kept across iterations: an arena reset with its capacity retained, as SPEC
// allows ("a parser object, arena or allocator may be reused").
#pragma once

#include <cstddef>
#include <memory>
#include <optional>

#include "json/cpp-rapidjson/library.h"

namespace json_suite {

// rapidjson::Document allocates its values from a MemoryPoolAllocator. A fresh pool mallocs
// 64 KiB chunks and frees them with the document, so every parse pays for new, untouched
// memory; a pool over a user buffer (RapidJSON's documented way to avoid that) keeps the
// buffer when cleared, but frees every chunk beyond it. So after a document outgrew the buffer,
// the next one gets a single buffer as large as everything the last one took.
class RetainedPool {
 public:
  using Allocator = rapidjson::MemoryPoolAllocator<>;

  // The pool, emptied, for the next document. The previous document must be gone.
  Allocator& Fresh() {
    if (pool_ && pool_->Capacity() <= capacity_) {
      pool_->Clear();
      return *pool_;
    }
    // The first use (a plain chunked pool), or the last document outgrew the buffer.
    const std::size_t needed = pool_ ? pool_->Capacity() + kChunkHeader : 0;
    pool_.reset();  // clearing writes to the old buffer, so it goes first
    buffer_.reset();
    if (needed == 0) {
      pool_.emplace();
    } else {
      buffer_ = std::make_unique<char[]>(needed);
      pool_.emplace(buffer_.get(), needed);
    }
    capacity_ = pool_->Capacity();
    return *pool_;
  }

 private:
  // At least MemoryPoolAllocator's private per-chunk header (capacity, size, next).
  static constexpr std::size_t kChunkHeader = 64;

  std::unique_ptr<char[]> buffer_;  // declared before pool_, so it outlives it
  std::optional<Allocator> pool_;
  std::size_t capacity_ = 0;
};

}  // namespace json_suite
