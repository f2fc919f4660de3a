// http/cpp-crash-on-garbage: abort() on a request line that is not HTTP.
#include "http/shared/cpp/fault_server.h"

int main() {
  fault_http::Faults faults;
  faults.abort_on_garbage = true;
  fault_http::Run("cpp-crash-on-garbage", faults);
}
