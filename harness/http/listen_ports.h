// Ports on this machine: choosing a free loopback port for a server, telling
// whether one is taken, and which addresses listen on it (from /proc/net/tcp
// and tcp6), so that a server bound to a wildcard address is caught.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace benchctl {

// A port the kernel considers free on 127.0.0.1 now (bind to port 0, read it,
// close). Another program may still take it before the server binds; the
// server then fails with "address in use", which names the port.
std::optional<int> PickFreeLoopbackPort(std::string& error);

// Whether something listens on 127.0.0.1:`port` or a wildcard address on it.
bool PortIsTaken(int port);

// The local addresses in LISTEN state on `port` ("127.0.0.1", "0.0.0.0", "::",
// "::1", ...), from the text of /proc/net/tcp (`ipv4`) and /proc/net/tcp6.
std::vector<std::string> ListeningAddresses(const std::string& proc_net_tcp,
                                            const std::string& proc_net_tcp6, int port);

// ListeningAddresses for this machine, reading /proc.
std::vector<std::string> ListeningAddressesNow(int port);

}  // namespace benchctl
