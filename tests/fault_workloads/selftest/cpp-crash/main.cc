// selftest/cpp-crash: dies of SIGSEGV after setup.
#include <sys/resource.h>

#include <csignal>
#include <cstdio>

#include "selftest/shared/cpp/fault.h"

int main() {
  fault::SendSetup();
  std::fprintf(stderr, "cpp-crash: about to crash on purpose\n");
  const rlimit no_core{0, 0};  // No core file for a deliberate crash.
  setrlimit(RLIMIT_CORE, &no_core);
  std::signal(SIGSEGV, SIG_DFL);
  std::raise(SIGSEGV);
  return 0;
}
