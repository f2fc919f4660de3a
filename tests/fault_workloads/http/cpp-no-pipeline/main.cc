// http/cpp-no-pipeline: only the first request of a pipelined batch is answered.
#include "http/shared/cpp/fault_server.h"

int main() {
  fault_http::Faults faults;
  faults.first_request_only = true;
  fault_http::Run("cpp-no-pipeline", faults);
}
