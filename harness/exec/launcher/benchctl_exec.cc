// benchctl-exec: the small launcher between benchctl and a measured child.
//
// Linux carries a process's peak RSS (ru_maxrss) across exec, so a child
// forked straight from benchctl starts with benchctl's own resident memory as
// its floor (2 MB here, more than some programs use). This launcher is a
// small static binary: benchctl execs it, it forks the real child from its
// own tiny image, times fork → wait4, and reports the child's rusage.
//
// Usage: benchctl-exec [--announce-pid] REPORT_FD PROGRAM [ARGS...]
// Writes to REPORT_FD, once PROGRAM has exited, one line:
//   "wall_ns user_us sys_us maxrss_kb wait_status pid minflt majflt\n"
// (pid: PROGRAM's own). With --announce-pid it first writes "pid <pid>\n" right
// after the fork, so benchctl can read /proc/<pid> while PROGRAM runs. That
// write falls inside the timed fork → wait4 window (about 5 µs on a 0.5 ms
// process start), so only modes that need the pid early ask for it.
//
// Nothing it starts outlives benchctl: if benchctl dies, however it dies, the
// kernel signals the launcher (PR_SET_PDEATHSIG), which kills its own process
// group, i.e. the workload and any process the workload forked.
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

// The launcher's death signal when benchctl dies. Caught, unlike the SIGKILL
// benchctl's Spawn sets, so the launcher can take its whole group with it.
constexpr int kParentDeathSignal = SIGTERM;

// Read by the signal handler, so set before it is installed or atomically.
volatile sig_atomic_t g_group_leader = 0;  // True when started by benchctl's Spawn.
volatile sig_atomic_t g_child = 0;         // The measured child's pid, once forked.

// benchctl died: kill everything this launcher is responsible for, then go.
void OnParentDeath(int) {
  if (g_group_leader != 0) {
    kill(0, SIGKILL);  // Our own group: the workload, its children, and us.
  } else if (g_child > 0) {
    kill(static_cast<pid_t>(g_child), SIGKILL);  // Not our group to kill: only our child.
  }
  _exit(128 + kParentDeathSignal);
}

// Arranges for OnParentDeath to run when benchctl dies. Until this runs, the
// SIGKILL death signal set by benchctl before exec covers the launcher (it
// survives exec), so there is no moment when benchctl's death goes unnoticed.
void WatchParent() {
  g_group_leader = getpgrp() == getpid() ? 1 : 0;
  struct sigaction action {};
  action.sa_handler = OnParentDeath;
  sigfillset(&action.sa_mask);
  sigaction(kParentDeathSignal, &action, nullptr);
  prctl(PR_SET_PDEATHSIG, kParentDeathSignal);
}

long long NowNs() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<long long>(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

long long Microseconds(const timeval& tv) {
  return static_cast<long long>(tv.tv_sec) * 1000000LL + tv.tv_usec;
}

}  // namespace

int main(int argc, char** argv) {
  const bool announce_pid = argc > 1 && std::strcmp(argv[1], "--announce-pid") == 0;
  const int first = announce_pid ? 2 : 1;  // REPORT_FD's index.
  if (argc < first + 2) {
    std::fprintf(stderr, "usage: benchctl-exec [--announce-pid] REPORT_FD PROGRAM [ARGS...]\n");
    return 2;
  }
  int report_fd = std::atoi(argv[first]);
  char** program = argv + first + 1;
  // The measured program must not inherit the report pipe.
  fcntl(report_fd, F_SETFD, FD_CLOEXEC);
  WatchParent();
  const pid_t self = getpid();
  long long start = NowNs();
  pid_t pid = fork();
  if (pid < 0) {
    std::perror("benchctl-exec: fork");
    return 126;
  }
  if (pid == 0) {
    // The workload dies with the launcher even if the launcher is SIGKILLed
    // (no handler runs then). The launcher may have died between fork and
    // prctl: then no signal is coming, and getppid() already says so.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != self) _exit(127);
    execv(program[0], program);
    std::fprintf(stderr, "benchctl-exec: cannot exec %s: errno %d\n", program[0], errno);
    _exit(127);
  }
  g_child = pid;
  if (announce_pid) {
    char announce[32];
    int size = std::snprintf(announce, sizeof(announce), "pid %ld\n", static_cast<long>(pid));
    if (size > 0) (void)!write(report_fd, announce, static_cast<size_t>(size));
  }
  int status = 0;
  rusage usage{};
  while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
  }
  long long wall = NowNs() - start;
  char line[192];
  int n = std::snprintf(line, sizeof(line), "%lld %lld %lld %ld %d %ld %ld %ld\n", wall,
                        Microseconds(usage.ru_utime), Microseconds(usage.ru_stime), usage.ru_maxrss,
                        status, static_cast<long>(pid), usage.ru_minflt, usage.ru_majflt);
  if (n > 0) (void)!write(report_fd, line, static_cast<size_t>(n));
  return 0;
}
