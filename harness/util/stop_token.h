// Whether, and why, benchctl should stop what it is doing: asked by every loop
// that waits (the runner between processes, the executor while a child runs,
// builds, the build lock). Passed explicitly, so a test can stop a run without
// sending a signal.
//
// Implementations: the signal handlers' token (InterruptStopToken in
// interrupt.h, stopped by SIGINT, SIGTERM or SIGHUP) and ManualStopToken below.
#pragma once

#include <sys/eventfd.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>

namespace benchctl {

// Read-only view of a stop request. Once stopped, a token stays stopped and
// its signal and reason do not change.
class StopToken {
 public:
  virtual ~StopToken() = default;
  // True once a stop was requested.
  virtual bool stop_requested() const = 0;
  // The signal that asked for the stop (SIGINT, ...), or 0: not stopped, or
  // stopped by something other than a signal.
  virtual int signal() const = 0;
  // Why, as the result file's stop_reason says it ("interrupted by SIGINT");
  // "" while not stopped.
  virtual std::string reason() const = 0;
  // A file descriptor that becomes readable once the token is stopped, so a loop can block in
  // poll(2) with no timer (benchctl shares a CPU with a two-CPU job and must sit idle); -1 if
  // the token has none, and the loop must then wake up now and then to ask.
  virtual int wake_fd() const { return -1; }
};

// A token stopped by calling RequestStop: for tests, and for code that stops
// work itself. Safe to stop from another thread; the first request wins.
class ManualStopToken : public StopToken {
 public:
  ManualStopToken() : wake_(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {}
  ~ManualStopToken() override {
    if (wake_ >= 0) close(wake_);
  }
  ManualStopToken(const ManualStopToken&) = delete;
  ManualStopToken& operator=(const ManualStopToken&) = delete;

  // Stops the token with `reason` (and `signal_number`, if a signal is why).
  void RequestStop(std::string reason, int signal_number = 0) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopped_.load()) return;
    reason_ = std::move(reason);
    signal_ = signal_number;
    stopped_.store(true);
    if (wake_ >= 0) {
      const std::uint64_t one = 1;
      [[maybe_unused]] ssize_t n = write(wake_, &one, sizeof(one));
    }
  }
  bool stop_requested() const override { return stopped_.load(); }
  int signal() const override {
    std::lock_guard<std::mutex> lock(mutex_);
    return signal_;
  }
  std::string reason() const override {
    std::lock_guard<std::mutex> lock(mutex_);
    return reason_;
  }
  int wake_fd() const override { return wake_; }

 private:
  int wake_ = -1;
  mutable std::mutex mutex_;
  std::atomic<bool> stopped_{false};
  std::string reason_;
  int signal_ = 0;
};

}  // namespace benchctl
