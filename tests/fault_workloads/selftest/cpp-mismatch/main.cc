// selftest/cpp-mismatch: the right value, but 7 timed iterations disagreed with it.
#include <cstdio>

#include "selftest/shared/cpp/fault.h"

int main() {
  fault::SendSetup();
  std::fprintf(stderr, "cpp-mismatch: 7 iterations went wrong\n");
  fault::SendResult(fault::RightSum(), 7);
  return 0;
}
