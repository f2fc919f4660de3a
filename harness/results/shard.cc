#include "shard.h"

#include <fmt/format.h>

#include <charconv>

#include "error.h"
#include "escape.h"

namespace benchctl {
namespace {

// A whole decimal number with nothing around it, or -1.
int WholeNumber(std::string_view text) {
  int value = -1;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return -1;
  return value;
}

}  // namespace

ShardSpec ParseShardSpec(std::string_view text) {
  auto fail = [&text](std::string_view why) {
    return Error(fmt::format("--shard {}: {}; give I/N with 1 <= I <= N <= {}, e.g. --shard 1/4",
                             ForTerminal(std::string(text)), why, kMaxShards));
  };
  std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) throw fail("no '/'");
  int index = WholeNumber(text.substr(0, slash));
  int count = WholeNumber(text.substr(slash + 1));
  if (index < 0 || count < 0) throw fail("I and N must be whole numbers");
  if (count < 1 || count > kMaxShards) throw fail("N is out of range");
  if (index < 1) throw fail("shards are numbered from 1");
  if (index > count) throw fail("I is larger than N");
  return ShardSpec{index, count};
}

std::uint64_t Fnv1a64(std::string_view bytes) {
  std::uint64_t hash = 0xcbf29ce484222325ull;
  for (unsigned char byte : bytes) {
    hash ^= byte;
    hash *= 0x100000001b3ull;
  }
  return hash;
}

std::string ShardKey(const JobSpec& job) {
  const std::string suffix = "@" + job.build_label;
  if (!job.build_label.empty() && job.id.size() > suffix.size() && job.id.ends_with(suffix)) {
    return job.id.substr(0, job.id.size() - suffix.size());
  }
  return job.id;
}

int ShardOfKey(std::string_view key, int count) {
  BENCHCTL_CHECK(count >= 1);
  return static_cast<int>(Fnv1a64(key) % static_cast<std::uint64_t>(count)) + 1;
}

}  // namespace benchctl
