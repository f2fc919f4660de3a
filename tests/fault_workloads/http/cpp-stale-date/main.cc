// http/cpp-stale-date: the Date header is frozen at the second the server started.
#include "http/shared/cpp/fault_server.h"

int main() {
  fault_http::Faults faults;
  faults.date_frozen = true;
  fault_http::Run("cpp-stale-date", faults);
}
