// http/cpp-crash-under-load: abort() after 20000 responses.
#include "http/shared/cpp/fault_server.h"

int main() {
  fault_http::Faults faults;
  faults.abort_after_responses = 20000;
  fault_http::Run("cpp-crash-under-load", faults);
}
