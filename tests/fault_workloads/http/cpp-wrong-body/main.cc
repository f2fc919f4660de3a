// http/cpp-wrong-body: the body is "Hello, World?".
#include "http/shared/cpp/fault_server.h"

int main() {
  fault_http::Faults faults;
  faults.body = "Hello, World?";
  fault_http::Run("cpp-wrong-body", faults);
}
