// http/cpp-old-date: the Date header is one hour in the past.
#include "http/shared/cpp/fault_server.h"

int main() {
  fault_http::Faults faults;
  faults.date_offset_seconds = -3600;
  fault_http::Run("cpp-old-date", faults);
}
