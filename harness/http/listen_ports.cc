#include "listen_ports.h"

#include <arpa/inet.h>
#include <fmt/format.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace benchctl {
namespace {

// The socket state /proc/net/tcp prints for a listening socket.
constexpr std::string_view kListenState = "0A";

std::string ReadAll(const char* path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// "0100007F" (IPv4, in the kernel's byte order on a little-endian machine) or
// 32 hex digits (IPv6, four such words) as text.
std::optional<std::string> DecodeAddress(const std::string& hex) {
  if (hex.size() != 8 && hex.size() != 32) return std::nullopt;
  unsigned char bytes[16] = {};
  for (std::size_t word = 0; word < hex.size() / 8; ++word) {
    std::uint32_t value = 0;
    try {
      value = static_cast<std::uint32_t>(std::stoul(hex.substr(word * 8, 8), nullptr, 16));
    } catch (...) {
      return std::nullopt;
    }
    std::memcpy(bytes + word * 4, &value, 4);  // Host order, as the kernel wrote it.
  }
  char text[INET6_ADDRSTRLEN] = {};
  const int family = hex.size() == 8 ? AF_INET : AF_INET6;
  if (inet_ntop(family, bytes, text, sizeof text) == nullptr) return std::nullopt;
  return std::string(text);
}

void AddListeners(const std::string& table, int port, std::vector<std::string>& out) {
  std::istringstream lines(table);
  std::string line;
  std::getline(lines, line);  // The header.
  while (std::getline(lines, line)) {
    std::istringstream fields(line);
    std::string slot, local, remote, state;
    if (!(fields >> slot >> local >> remote >> state) || state != kListenState) continue;
    const std::size_t colon = local.find(':');
    if (colon == std::string::npos) continue;
    int local_port = 0;
    try {
      local_port = std::stoi(local.substr(colon + 1), nullptr, 16);
    } catch (...) {
      continue;
    }
    if (local_port != port) continue;
    if (auto address = DecodeAddress(local.substr(0, colon))) out.push_back(*address);
  }
}

}  // namespace

std::optional<int> PickFreeLoopbackPort(std::string& error) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    error = fmt::format("socket: {}", std::strerror(errno));
    return std::nullopt;
  }
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  std::optional<int> port;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    port = ntohs(addr.sin_port);
  } else {
    error = fmt::format("choosing a free port on 127.0.0.1: {}", std::strerror(errno));
  }
  close(fd);
  return port;
}

bool PortIsTaken(int port) { return !ListeningAddressesNow(port).empty(); }

std::vector<std::string> ListeningAddresses(const std::string& proc_net_tcp,
                                            const std::string& proc_net_tcp6, int port) {
  std::vector<std::string> out;
  AddListeners(proc_net_tcp, port, out);
  AddListeners(proc_net_tcp6, port, out);
  return out;
}

std::vector<std::string> ListeningAddressesNow(int port) {
  return ListeningAddresses(ReadAll("/proc/net/tcp"), ReadAll("/proc/net/tcp6"), port);
}

}  // namespace benchctl
