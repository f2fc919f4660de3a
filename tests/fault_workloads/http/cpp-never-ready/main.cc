// http/cpp-never-ready: listens but never writes the ready line.
#include "http/shared/cpp/fault_server.h"

int main() {
  fault_http::Faults faults;
  faults.write_ready_line = false;
  fault_http::Run("cpp-never-ready", faults);
}
