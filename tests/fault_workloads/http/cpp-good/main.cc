// http/cpp-good: the correct server, the control the broken ones differ from.
#include "http/shared/cpp/fault_server.h"

int main() {
  fault_http::Faults faults;
  fault_http::Run("cpp-good", faults);
}
