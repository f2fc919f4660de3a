// The http suite (workloads/http/SPEC.md): HTTP/1.1 plaintext servers, each
// verified and then loaded by wrk at several connection counts, with and
// without pipelining, beside the reference row (the smallest correct server).
#pragma once

#include <memory>

#include "suite.h"

namespace benchctl {

std::unique_ptr<Suite> MakeHttpSuite();

}  // namespace benchctl
