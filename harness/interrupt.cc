#include "interrupt.h"

#include <csignal>

namespace benchctl {
namespace {

// The one piece of global mutable state: a signal handler can reach nothing else.
volatile std::sig_atomic_t g_signal = 0;

void OnSignal(int signal_number) { g_signal = signal_number; }

}  // namespace

void InstallInterruptHandlers() {
  struct sigaction action {};
  action.sa_handler = OnSignal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  std::signal(SIGPIPE, SIG_IGN);
}

int InterruptSignal() { return static_cast<int>(g_signal); }

}  // namespace benchctl
