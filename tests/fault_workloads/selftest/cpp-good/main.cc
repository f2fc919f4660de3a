// selftest/cpp-good: the correct implementation, through benchlib.
#include <cstdint>
#include <string>

#include "benchlib.h"

int main() {
  return benchlib::Run([](benchlib::Session& session) {
    const std::uint64_t n = std::stoull(session.Param("N"));
    session.Measure(
        [n] {
          std::uint64_t sum = 0;
          for (std::uint64_t i = 1; i <= n; ++i) sum += i;
          return sum;
        },
        [](std::uint64_t sum) {
          return nlohmann::json{{"sum", sum}};
        });
  });
}
