// Spawn and RunCommand (harness/exec/subprocess.h): a child never outlives its
// parent, and a stopped helper command is asked (SIGTERM) before it is told
// (SIGKILL), so a compiler can delete its temporary files.
#include "subprocess.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "interrupt.h"
#include "test_support.h"

namespace benchctl {
namespace {

using Clock = std::chrono::steady_clock;
using testing::ProcessAlive;
using testing::ReadText;
using testing::TempDir;
using testing::WaitUntilGone;

// A shell script as a command, with `arg` as its $1.
SpawnSpec Script(const std::string& script, const std::string& arg) {
  SpawnSpec spec;
  spec.argv = {"/bin/sh", "-c", script, "sh", arg};
  return spec;
}

// Polls (a hang guard, not a timing check) until `path` holds `text`.
bool WaitForText(const std::filesystem::path& path, const std::string& text,
                 std::chrono::seconds limit = std::chrono::seconds(20)) {
  auto deadline = Clock::now() + limit;
  while (ReadText(path) != text) {
    if (Clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

// Waits for `pid` (a child of this test) with a hang guard, after which it is
// killed with SIGKILL; its wait status.
int WaitForStatus(pid_t pid, std::chrono::seconds limit = std::chrono::seconds(60)) {
  auto deadline = Clock::now() + limit;
  int status = 0;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (Clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return status;
}

// The exit status of `pid` (see WaitForStatus), or -1 if it did not exit normally.
int WaitForExit(pid_t pid) {
  int status = WaitForStatus(pid);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Forks a go-between that runs `start` (which spawns a child and returns its
// pid), passes that pid back, then dies by SIGKILL, like a killed benchctl.
// Returns the orphaned child's pid, or -1.
pid_t SpawnFromADyingParent(const std::function<pid_t()>& start) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return -1;
  pid_t middle = fork();
  if (middle < 0) return -1;
  if (middle == 0) {
    pid_t child = -1;
    try {
      child = start();
    } catch (...) {
    }
    (void)!write(fds[1], &child, sizeof(child));
    raise(SIGKILL);
  }
  close(fds[1]);
  pid_t child = -1;
  if (read(fds[0], &child, sizeof(child)) != static_cast<ssize_t>(sizeof(child))) child = -1;
  close(fds[0]);
  waitpid(middle, nullptr, 0);
  return child;
}

TEST(SpawnTest, AChildIsKilledWhenItsParentDiesBySigkill) {
  pid_t child = SpawnFromADyingParent([] {
    SpawnSpec spec;
    spec.argv = {"sleep", "1000"};
    return Spawn(spec).pid;
  });
  ASSERT_GT(child, 0);
  EXPECT_TRUE(WaitUntilGone(child)) << "sleep " << child << " outlived its parent";
  if (ProcessAlive(child)) kill(child, SIGKILL);  // Leave nothing behind.
}

TEST(SpawnTest, TheParentDeathSignalIsTheOneTheSpecAsksFor) {
  TempDir tmp;
  const auto said = tmp / "said";
  pid_t child = SpawnFromADyingParent([&] {
    SpawnSpec spec =
        Script("trap 'echo term > \"$1\"; exit 0' TERM; echo ready; while :; do sleep 0.05; done",
               said.string());
    spec.parent_death_signal = SIGTERM;
    SpawnedChild c = Spawn(spec);
    char byte = 0;
    (void)!read(c.stdout_fd, &byte, 1);  // The trap is set: the parent may die.
    return c.pid;
  });
  ASSERT_GT(child, 0);
  EXPECT_TRUE(WaitForText(said, "term\n")) << "no SIGTERM reached the orphan";
  EXPECT_TRUE(WaitUntilGone(child));
  if (ProcessAlive(child)) kill(-child, SIGKILL);
}

void IgnoreTheSignal(int) {}

// Bug: a child that got SIGTERM between fork and exec ran benchctl's handler
// (it only sets a flag), lost the signal, and exec'd on: a build stopped at
// once ran until the SIGKILL three seconds later. A signal sent right after
// Spawn returns lands before exec about half the time: ten children make
// the old bug all but certain to show.
TEST(SpawnTest, ASigtermBeforeExecIsNotSwallowedByTheParentsHandler) {
  struct sigaction catching {};
  struct sigaction saved {};
  catching.sa_handler = IgnoreTheSignal;  // Like benchctl's: caught, only noted.
  sigaction(SIGTERM, &catching, &saved);
  SpawnSpec spec;
  spec.argv = {"sleep", "1000"};
  std::vector<pid_t> children;
  for (int i = 0; i < 10; ++i) {
    SpawnedChild child = Spawn(spec);
    kill(child.pid, SIGTERM);
    close(child.stdout_fd);
    close(child.stderr_fd);
    children.push_back(child.pid);
  }
  sigaction(SIGTERM, &saved, nullptr);
  // A hang guard for all of them: a lost signal leaves `sleep 1000` running.
  const auto deadline = Clock::now() + std::chrono::seconds(20);
  for (pid_t pid : children) {
    auto left = std::chrono::duration_cast<std::chrono::seconds>(deadline - Clock::now());
    int status = WaitForStatus(pid, std::max(left, std::chrono::seconds(0)));
    ASSERT_TRUE(WIFSIGNALED(status));
    EXPECT_EQ(WTERMSIG(status), SIGTERM) << "the SIGTERM was lost: sleep ran until the guard";
  }
}

TEST(RunCommandTest, ATimedOutCommandGetsSigtermFirstAndCanCleanUp) {
  TempDir tmp;
  const auto cleaned = tmp / "cleaned";
  CommandResult r =
      RunCommand(Script("trap 'echo cleaned > \"$1\"; exit 0' TERM; while :; do sleep 0.05; done",
                        cleaned.string()),
                 std::chrono::seconds(2));
  EXPECT_TRUE(r.timed_out);
  EXPECT_EQ(ReadText(cleaned), "cleaned\n");
  // It exited 0 from its trap, but it did not finish: not a success.
  EXPECT_EQ(r.exit_code, -1);
}

TEST(RunCommandTest, ACommandThatIgnoresSigtermIsKilledAfterTheGrace) {
  TempDir tmp;
  const auto log = tmp / "log";
  const auto timeout = std::chrono::seconds(1);
  auto start = Clock::now();
  // It notes each SIGTERM and carries on; its `sleep`s die of it, the loop does not.
  CommandResult r = RunCommand(
      Script("trap 'echo term >> \"$1\"' TERM; while :; do sleep 0.05; done", log.string()),
      timeout);
  auto took = Clock::now() - start;
  EXPECT_TRUE(r.timed_out);
  EXPECT_EQ(r.exit_code, -1);
  EXPECT_EQ(ReadText(log), "term\n");  // Asked once, then killed.
  EXPECT_GE(took, timeout + kCommandStopGrace);
  // Generous: only a hang guard on a busy machine.
  EXPECT_LT(took, timeout + kCommandStopGrace + std::chrono::seconds(30));
}

TEST(RunCommandTest, AnInterruptStopsTheCommandWithSigtermFirst) {
  // Interrupt handlers are process-wide and never reset: install them in a
  // forked child, which the command itself interrupts (its $PPID).
  TempDir tmp;
  const auto cleaned = tmp / "cleaned";
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    InstallInterruptHandlers();
    CommandResult r =
        RunCommand(Script("trap 'echo cleaned > \"$1\"; exit 0' TERM; kill -INT $PPID; "
                          "while :; do sleep 0.05; done",
                          cleaned.string()),
                   std::chrono::seconds(600));
    bool ok = InterruptSignal() == SIGINT && !r.timed_out && r.exit_code == -1;
    _exit(ok ? 0 : 1);
  }
  EXPECT_EQ(WaitForExit(pid), 0) << "RunCommand did not stop as an interrupted command";
  EXPECT_EQ(ReadText(cleaned), "cleaned\n");
}

TEST(RunCommandTest, ACommandThatFinishesKeepsItsStatusAndOutput) {
  CommandResult r =
      RunCommand(Script("echo out; echo err >&2; exit 3", ""), std::chrono::seconds(60));
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.output, "out\nerr\n");
}

}  // namespace
}  // namespace benchctl
