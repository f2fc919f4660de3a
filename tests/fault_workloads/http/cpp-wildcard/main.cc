// http/cpp-wildcard: binds 0.0.0.0:PORT instead of 127.0.0.1:PORT.
#include "http/shared/cpp/fault_server.h"

int main() {
  fault_http::Faults faults;
  faults.bind_wildcard = true;
  fault_http::Run("cpp-wildcard", faults);
}
