// selftest/cpp-oversized: writes a 2 MiB line without a newline, then exits 0.
#include <cstdio>
#include <string>

#include "selftest/shared/cpp/fault.h"

int main() {
  fault::SendSetup();
  std::fprintf(stderr, "cpp-oversized: writing 2 MiB on one line\n");
  fault::Send("{\"schema\":1,\"type\":\"error\",\"message\":\"" + std::string(2 << 20, 'x'));
  return 0;
}
