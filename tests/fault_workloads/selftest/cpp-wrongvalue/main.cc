// selftest/cpp-wrongvalue: reports {"sum": 1}. Prints nothing on stderr.
#include "selftest/shared/cpp/fault.h"

int main() {
  fault::SendSetup();
  fault::SendResult("{\"sum\":1}", 0);
  return 0;
}
