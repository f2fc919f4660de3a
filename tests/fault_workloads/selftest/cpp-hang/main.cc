// selftest/cpp-hang: sleeps forever after setup.
#include <cstdio>

#include "selftest/shared/cpp/fault.h"

int main() {
  fault::SendSetup();
  fault::AnnouncePid("cpp-hang");
  std::fprintf(stderr, "cpp-hang: sleeping forever\n");
  fault::Hang();
}
