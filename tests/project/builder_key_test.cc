// Build keys (harness/project/builder.h): what goes into them, and what must not.
#include <gtest/gtest.h>

#include "builder.h"
#include "test_support.h"
#include "toolchain.h"

namespace benchctl {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;
using testing::WriteText;

struct Fixture {
  TempDir tmp;
  Paths paths;
  Manifest zig, go;
  Toolchain zig_chain, go_chain;
  ToolchainProbe probe;

  Fixture() {
    paths.root = tmp.path();
    paths.workloads = tmp / "workloads";
    WriteText(tmp / "toolchains" / "zig.json", "{}");
    WriteText(tmp / "toolchains" / "go.json", "{}");
    WriteText(paths.workloads / "go.sum", "a v1 h1:x\n");
    WriteText(paths.workloads / "go.mod", "module w\n");
    WriteText(paths.workloads / "json" / "zig-std" / "main.zig", "pub fn main() void {}\n");
    WriteText(paths.workloads / "json" / "go-stdlib" / "main.go", "package main\n");
    zig = {paths.workloads / "json" / "zig-std", "json", "zig-std", "zig", "std"};
    go = {paths.workloads / "json" / "go-stdlib", "json", "go-stdlib", "go", "stdlib"};
    zig_chain.file = tmp / "toolchains" / "zig.json";
    go_chain.file = tmp / "toolchains" / "go.json";
    go_chain.lock_files = {"go.mod", "go.sum"};
    probe.found = true;
    probe.version = "v1";
  }
};

TEST(BuildKeyTest, OnlyTheLanguagesOwnLockFilesCount) {
  Fixture f;
  std::string zig_before = BuildKey(f.zig, f.zig_chain, f.probe, f.paths);
  std::string go_before = BuildKey(f.go, f.go_chain, f.probe, f.paths);
  WriteText(f.paths.workloads / "go.sum", "a v1 h1:y\n");
  EXPECT_EQ(BuildKey(f.zig, f.zig_chain, f.probe, f.paths), zig_before);
  EXPECT_NE(BuildKey(f.go, f.go_chain, f.probe, f.paths), go_before);
}

TEST(BuildKeyTest, SourcesVersionAndParametersCount) {
  Fixture f;
  std::string before = BuildKey(f.zig, f.zig_chain, f.probe, f.paths);
  EXPECT_EQ(before.size(), 64u);
  WriteText(f.zig.dir / "main.zig", "pub fn main() void { _ = 1; }\n");
  std::string edited = BuildKey(f.zig, f.zig_chain, f.probe, f.paths);
  EXPECT_NE(edited, before);
  f.probe.version = "v2";
  std::string upgraded = BuildKey(f.zig, f.zig_chain, f.probe, f.paths);
  EXPECT_NE(upgraded, edited);
  f.zig.build["optimize"] = "ReleaseSafe";
  EXPECT_NE(BuildKey(f.zig, f.zig_chain, f.probe, f.paths), upgraded);
}

}  // namespace
}  // namespace benchctl
