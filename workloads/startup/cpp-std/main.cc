// startup suite (workloads/startup/SPEC.md): print the FNV-1a 64 hash of argv[1].
// Standard library only, so the binary pays for nothing it does not use.
#include <cstdint>
#include <cstdio>
#include <string_view>

namespace {

constexpr std::uint64_t kFnvOffsetBasis = 0xcbf29ce484222325;
constexpr std::uint64_t kFnvPrime = 0x100000001b3;

std::uint64_t Fnv1a64(std::string_view bytes) {
  std::uint64_t hash = kFnvOffsetBasis;
  for (const char byte : bytes) {
    hash ^= static_cast<unsigned char>(byte);
    hash *= kFnvPrime;
  }
  return hash;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fputs("usage: startup ARGUMENT  (prints the FNV-1a 64 hash of ARGUMENT)\n", stderr);
    return 2;
  }
  // printf rather than iostream: <iostream> would add its static initialiser to start-up.
  const auto hash = static_cast<unsigned long long>(Fnv1a64(argv[1]));
  // A failed write (stdout closed or full) must not look like success.
  return std::printf("%016llx\n", hash) < 0 || std::fflush(stdout) != 0 ? 1 : 0;
}
