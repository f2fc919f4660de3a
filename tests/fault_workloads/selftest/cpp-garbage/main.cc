// selftest/cpp-garbage: writes a line that is not JSON on the protocol fd.
#include <cstdio>

#include "selftest/shared/cpp/fault.h"

int main() {
  fault::SendSetup();
  std::fprintf(stderr, "cpp-garbage: writing garbage\n");
  fault::Send("this is not json\n");
  fault::SendResult(fault::RightSum(), 0);
  return 0;
}
