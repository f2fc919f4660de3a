// http/cpp-503-under-load: GET /plaintext answered 503 after 20000 responses.
#include "http/shared/cpp/fault_server.h"

int main() {
  fault_http::Faults faults;
  faults.unavailable_after_responses = 20000;
  fault_http::Run("cpp-503-under-load", faults);
}
