// selftest/cpp-forks: leaves a sleeping grandchild behind, then hangs itself.
#include <unistd.h>

#include <cstdio>

#include "selftest/shared/cpp/fault.h"

int main() {
  int ready[2];
  if (pipe(ready) != 0) return 1;
  const pid_t pid = fork();
  if (pid < 0) return 1;
  if (pid == 0) {
    fault::AnnouncePid("cpp-forks-grandchild");
    (void)!write(ready[1], "x", 1);
    sleep(1000);
    _exit(0);
  }
  char byte = 0;
  (void)!read(ready[0], &byte, 1);  // The grandchild has announced itself.
  fault::SendSetup();
  fault::AnnouncePid("cpp-forks");
  std::fprintf(stderr, "cpp-forks: started grandchild %d, now hanging\n", static_cast<int>(pid));
  fault::Hang();
}
