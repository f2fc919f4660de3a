// benchctl-exec: the small launcher between benchctl and a measured child.
//
// Linux carries a process's peak RSS (ru_maxrss) across exec, so a child
// forked straight from benchctl starts with benchctl's own resident memory as
// its floor (2 MB here, more than some programs use). This launcher is a
// small static binary: benchctl execs it, it forks the real child from its
// own tiny image, times fork → wait4, and reports the child's rusage.
//
// Usage: benchctl-exec REPORT_FD PROGRAM [ARGS...]
// Writes one line to REPORT_FD: "wall_ns user_us sys_us maxrss_kb wait_status\n".
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>

namespace {

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
  if (argc < 3) {
    std::fprintf(stderr, "usage: benchctl-exec REPORT_FD PROGRAM [ARGS...]\n");
    return 2;
  }
  int report_fd = std::atoi(argv[1]);
  // The measured program must not inherit the report pipe.
  fcntl(report_fd, F_SETFD, FD_CLOEXEC);
  long long start = NowNs();
  pid_t pid = fork();
  if (pid < 0) {
    std::perror("benchctl-exec: fork");
    return 126;
  }
  if (pid == 0) {
    execv(argv[2], argv + 2);
    std::fprintf(stderr, "benchctl-exec: cannot exec %s: errno %d\n", argv[2], errno);
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
  }
  long long wall = NowNs() - start;
  char line[160];
  int n = std::snprintf(line, sizeof(line), "%lld %lld %lld %ld %d\n", wall,
                        Microseconds(usage.ru_utime), Microseconds(usage.ru_stime), usage.ru_maxrss,
                        status);
  if (n > 0) (void)!write(report_fd, line, static_cast<size_t>(n));
  return 0;
}
