// FileLock (harness/util/file_lock.h): a wait for a lock another holder keeps
// ends when the stop token is stopped — no signal needed.
#include "file_lock.h"

#include <gtest/gtest.h>

#include <chrono>

#include "stop_token.h"
#include "test_support.h"

namespace benchctl {
namespace {

// Stopped once asked `n` times: the lock's wait asks between tries.
class StopsAfterQuestions : public StopToken {
 public:
  explicit StopsAfterQuestions(int n) : left_(n) {}
  bool stop_requested() const override { return --left_ < 0; }
  int signal() const override { return 0; }
  std::string reason() const override { return "stopped by the test"; }

 private:
  mutable int left_;
};

TEST(FileLockTest, AFreeLockIsTakenAtOnce) {
  testing::TempDir dir;
  ManualStopToken stopped;
  stopped.RequestStop("already stopped");
  FileLock lock(dir / "sub" / "lock", stopped);  // Free: taken without waiting.
  EXPECT_TRUE(lock.held());
}

TEST(FileLockTest, AStopTokenEndsTheWaitForAHeldLock) {
  testing::TempDir dir;
  ManualStopToken never;
  FileLock holder(dir / "lock", never);
  ASSERT_TRUE(holder.held());
  StopsAfterQuestions stop(3);
  const auto start = std::chrono::steady_clock::now();
  FileLock waiter(dir / "lock", stop);  // flock conflicts across open files, even in one process.
  EXPECT_FALSE(waiter.held());
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));  // Hang guard.
}

}  // namespace
}  // namespace benchctl
