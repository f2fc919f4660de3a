// Helpers for the misbehaving selftest workloads: raw protocol lines, no benchlib.
#pragma once

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace fault {

// Writes `text` to the protocol fd named by BENCHCTL_FD (all of it).
inline void Send(const std::string& text) {
  const char* fd_text = std::getenv("BENCHCTL_FD");
  const int fd = fd_text != nullptr ? std::atoi(fd_text) : 3;
  for (std::size_t done = 0; done < text.size();) {
    const ssize_t n = write(fd, text.data() + done, text.size() - done);
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}

// The setup message, with a made-up resident set size.
inline void SendSetup() { Send("{\"schema\":1,\"type\":\"setup\",\"rss_kb\":1000}\n"); }

// A result message with the given verification JSON and mismatch count.
inline void SendResult(const std::string& verification, int mismatches) {
  Send("{\"schema\":1,\"type\":\"result\",\"verification\":" + verification +
       ",\"iterations\":1,\"warmup_ns\":[1000],\"samples_ns\":[1000,1000],\"mismatches\":" +
       std::to_string(mismatches) + "}\n");
}

// The correct verification value for BENCHCTL_PARAM_N (the selftest suite's reference).
inline std::string RightSum() {
  const char* n_text = std::getenv("BENCHCTL_PARAM_N");
  const unsigned long long n = n_text != nullptr ? std::strtoull(n_text, nullptr, 10) : 0;
  return "{\"sum\":" + std::to_string(n * (n + 1) / 2) + "}";
}

// Creates $BENCHCTL_FAULT_PIDDIR/<tag>.<pid> so a test can look for survivors.
inline void AnnouncePid(const char* tag) {
  const char* dir = std::getenv("BENCHCTL_FAULT_PIDDIR");
  if (dir == nullptr) return;
  const std::string path = std::string(dir) + "/" + tag + "." + std::to_string(getpid());
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd >= 0) close(fd);
}

// Sleeps until killed.
[[noreturn]] inline void Hang() {
  for (;;) pause();
}

}  // namespace fault
