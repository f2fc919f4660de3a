#include "interrupt.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>

namespace benchctl {
namespace {

// The global state a signal handler can reach: the signal, and /dev/null
// opened in advance (-1 if it could not be).
volatile std::sig_atomic_t g_signal = 0;
int g_dev_null = -1;
// A pipe the handler writes one byte to: its read end wakes a poll(2) that waits for a child
// with no timer (StopToken::wake_fd). -1 until the handlers are installed.
int g_wake_read = -1, g_wake_write = -1;

// True if `fd` is a terminal that has hung up (tcgetattr is async-signal-safe).
bool HungUp(int fd) {
  termios settings{};
  return tcgetattr(fd, &settings) != 0 && errno == EIO;
}

// The first signal wins: a second Ctrl-C, or the SIGTERM that often follows a
// SIGHUP, must not change the recorded reason or the exit status. The handlers
// block each other (sa_mask), so the check and the store cannot interleave.
void OnSignal(int signal_number) {
  const int saved_errno = errno;
  if (g_signal == 0) g_signal = signal_number;
  if (g_wake_write >= 0) {
    const char byte = 1;
    [[maybe_unused]] ssize_t n = write(g_wake_write, &byte, 1);  // Async-signal-safe.
  }
  if (signal_number == SIGHUP && g_dev_null >= 0) {
    // The terminal closed: every later print to it fails with EIO, and a
    // failed print would end benchctl (abort) before it exits 129. What is
    // left to say goes to /dev/null; the result file is written as usual.
    for (int fd : {STDOUT_FILENO, STDERR_FILENO}) {
      if (HungUp(fd)) dup2(g_dev_null, fd);
    }
  }
  errno = saved_errno;
}

// The signal handlers as a StopToken.
class SignalStopToken : public StopToken {
 public:
  bool stop_requested() const override { return g_signal != 0; }
  int signal() const override { return static_cast<int>(g_signal); }
  std::string reason() const override {
    const int s = signal();
    return s == 0 ? std::string() : InterruptReason(s);
  }
  int wake_fd() const override { return g_wake_read; }
};

}  // namespace

const StopToken& InterruptStopToken() {
  static const SignalStopToken token;
  return token;
}

const StopToken& InstallInterruptHandlers() {
  if (g_wake_read < 0) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC | O_NONBLOCK) == 0) {
      g_wake_read = fds[0];
      g_wake_write = fds[1];
    }
  }
  struct sigaction action {};
  action.sa_handler = OnSignal;
  sigemptyset(&action.sa_mask);
  for (int s : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&action.sa_mask, s);
  action.sa_flags = 0;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  // nohup (or a parent) ignoring SIGHUP means "keep running when the terminal
  // closes": respect that instead of stopping the run.
  struct sigaction hup {};
  if (sigaction(SIGHUP, nullptr, &hup) != 0 || hup.sa_handler != SIG_IGN) {
    if (g_dev_null < 0) g_dev_null = open("/dev/null", O_WRONLY | O_CLOEXEC);
    sigaction(SIGHUP, &action, nullptr);
  }
  std::signal(SIGPIPE, SIG_IGN);
  return InterruptStopToken();
}

int InterruptSignal() { return static_cast<int>(g_signal); }

std::string InterruptReason(int signal_number) {
  switch (signal_number) {
    case SIGINT:
      return "interrupted by SIGINT";
    case SIGTERM:
      return "interrupted by SIGTERM";
    case SIGHUP:
      return "interrupted by SIGHUP (the terminal closed)";
    default:
      return fmt::format("interrupted by signal {}", signal_number);
  }
}

}  // namespace benchctl
