// Listening addresses from /proc/net/tcp text, and a free port (harness/http/listen_ports.h).
#include "listen_ports.h"

#include <gtest/gtest.h>

namespace benchctl {
namespace {

// Port 8080 is 1F90; 0A is LISTEN, 01 ESTABLISHED.
constexpr const char* kTcp =
    "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid\n"
    "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0\n"
    "   1: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0\n"
    "   2: 0100007F:1F90 0100007F:D431 01 00000000:00000000 00:00000000 00000000     0\n"
    "   3: 0100007F:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0\n";
constexpr const char* kTcp6 =
    "  sl  local_address                         remote_address                        st\n"
    "   0: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A\n"
    "   1: 00000000000000000000000001000000:1F90 00000000000000000000000000000000:0000 0A\n";

TEST(ListenPorts, ListsEveryListenerOnThePortAndNothingElse) {
  EXPECT_EQ(ListeningAddresses(kTcp, kTcp6, 8080),
            (std::vector<std::string>{"127.0.0.1", "0.0.0.0", "::", "::1"}));
  EXPECT_EQ(ListeningAddresses(kTcp, "", 22), std::vector<std::string>{"127.0.0.1"});
  EXPECT_TRUE(ListeningAddresses(kTcp, kTcp6, 9090).empty());
}

TEST(ListenPorts, AFreePortIsNotTaken) {
  std::string error;
  auto port = PickFreeLoopbackPort(error);
  ASSERT_TRUE(port) << error;
  EXPECT_GE(*port, 1024);
  EXPECT_FALSE(PortIsTaken(*port));
}

}  // namespace
}  // namespace benchctl
