// selftest/cpp-nofinal: sends setup, then exits 0 without a result message.
#include <cstdio>

#include "selftest/shared/cpp/fault.h"

int main() {
  fault::SendSetup();
  std::fprintf(stderr, "cpp-nofinal: leaving without a result\n");
  return 0;
}
