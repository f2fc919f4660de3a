// http/cpp-ignores-term: SIGTERM is ignored.
#include "http/shared/cpp/fault_server.h"

int main() {
  fault_http::Faults faults;
  faults.ignore_sigterm = true;
  fault_http::Run("cpp-ignores-term", faults);
}
