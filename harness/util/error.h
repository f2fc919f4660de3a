// Error handling at three levels (docs/ARCHITECTURE.md, "Three kinds of error").
#pragma once

#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>

namespace benchctl {

// A user or environment problem: says what happened and what to do. Context is
// prepended as it travels up ("while building json/zig-std: ...").
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}
};

// Rethrows the current benchctl::Error with `context` in front of its message.
[[noreturn]] inline void RethrowWithContext(const Error& e, const std::string& context) {
  throw Error(context + ": " + e.what());
}

}  // namespace benchctl

// A broken invariant is a bug: print where and abort.
#define BENCHCTL_CHECK(cond)                                                                \
  do {                                                                                      \
    if (!(cond)) {                                                                          \
      std::fprintf(stderr, "%s:%d: internal error: check failed: %s\n", __FILE__, __LINE__, \
                   #cond);                                                                  \
      std::abort();                                                                         \
    }                                                                                       \
  } while (0)
