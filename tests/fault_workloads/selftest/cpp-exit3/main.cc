// selftest/cpp-exit3: exits with status 3 after setup.
#include <cstdio>

#include "selftest/shared/cpp/fault.h"

int main() {
  fault::SendSetup();
  std::fprintf(stderr, "cpp-exit3: giving up with status 3\n");
  return 3;
}
