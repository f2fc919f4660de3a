// Environment variables benchctl's children inherit from the user's shell that
// change what they measure without any flag saying so: allocator tunables,
// runtime knobs, preloaded libraries. The run records them and warns.
#pragma once

#include <map>
#include <string>

namespace benchctl {

// Those set in `environ` now, by name. benchctl's own settings for a child
// (GOMAXPROCS from the CPU set, a manifest's env) override them and are recorded per job.
std::map<std::string, std::string> NumberShapingEnvironment();

// Whether `name` is such a variable (GLIBC_TUNABLES, MALLOC_ARENA_MAX, GOGC, LD_PRELOAD, ...).
bool ShapesNumbers(const std::string& name);

}  // namespace benchctl
