// Inherited variables that shape numbers (harness/measure/inherited_env.h).
#include "inherited_env.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace benchctl {
namespace {

TEST(InheritedEnv, KnowsTheAllocatorAndRuntimeKnobs) {
  EXPECT_TRUE(ShapesNumbers("GLIBC_TUNABLES"));
  EXPECT_TRUE(ShapesNumbers("MALLOC_ARENA_MAX"));
  EXPECT_TRUE(ShapesNumbers("GOGC"));
  EXPECT_TRUE(ShapesNumbers("SONIC_USE_OPTDEC"));
  EXPECT_FALSE(ShapesNumbers("HOME"));
  EXPECT_FALSE(ShapesNumbers("GOPATH"));
}

TEST(InheritedEnv, ReadsWhatIsSetNow) {
  setenv("GLIBC_TUNABLES", "glibc.malloc.trim_threshold=1", 1);
  auto found = NumberShapingEnvironment();
  unsetenv("GLIBC_TUNABLES");
  ASSERT_TRUE(found.contains("GLIBC_TUNABLES"));
  EXPECT_EQ(found.at("GLIBC_TUNABLES"), "glibc.malloc.trim_threshold=1");
  EXPECT_FALSE(NumberShapingEnvironment().contains("GLIBC_TUNABLES"));
}

}  // namespace
}  // namespace benchctl
