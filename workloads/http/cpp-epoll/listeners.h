// The listening sockets: one per event loop, all bound to the same address with SO_REUSEPORT.
#pragma once

#include <vector>

#include "http/shared/cpp/server_settings.h"
#include "unique_fd.h"

// Binds `settings.threads` non-blocking listening sockets to exactly host:port. Throws
// std::system_error whose what() names the address and the reason.
std::vector<UniqueFd> OpenListeners(const benchhttp::Settings& settings);
