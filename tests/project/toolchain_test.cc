// Toolchain files (harness/project/toolchain.h): one fixture per error under
// tests/data/toolchains/<case>/cpp.json; probing with made-up tools.
#include "toolchain.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "error.h"
#include "test_support.h"

namespace benchctl {
namespace {

std::filesystem::path Fixture(const std::string& test_case) {
  return testing::DataDir() / "toolchains" / test_case / "cpp.json";
}

std::string LoadError(const std::string& test_case) {
  try {
    LoadToolchain(Fixture(test_case));
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(ToolchainTest, LoadsEveryField) {
  Toolchain t = LoadToolchain(Fixture("valid"));
  EXPECT_EQ(t.file, Fixture("valid"));
  EXPECT_EQ(t.language, "cpp");
  EXPECT_EQ(t.display_name, "C++");
  EXPECT_EQ(t.tools, std::vector<std::string>{"g++"});
  EXPECT_EQ(t.tool_paths, std::vector<std::string>{"{repo}/.tools/bin"});
  EXPECT_EQ(t.version_argv, (std::vector<std::string>{"g++", "--version"}));
  EXPECT_EQ(t.install_hint, "install g++");
  EXPECT_EQ(t.policy, nlohmann::json({{"optimisation", "-O3"}}));
  EXPECT_EQ(t.build_env, (std::map<std::string, std::string>{{"CCACHE_DISABLE", "1"}}));
  EXPECT_EQ(t.build_argv.size(), 6u);
  EXPECT_EQ(t.build_cwd, "{dir}");
  EXPECT_EQ(t.artifact, "{out}");
}

TEST(ToolchainTest, TheRepositoryToolchainsLoad) {
  auto all = LoadToolchains(testing::SourceDir() / "toolchains");
  for (const char* lang : {"cpp", "go", "rust", "zig"}) EXPECT_TRUE(all.contains(lang)) << lang;
  // The language rules live here, not in the harness.
  EXPECT_EQ(all.at("go").cpu_count_env, std::vector<std::string>{"GOMAXPROCS"});
  EXPECT_EQ(all.at("go").callgrind_env.at("GODEBUG"), "asyncpreemptoff=1");
  EXPECT_EQ(all.at("go").lock_files, (std::vector<std::string>{"go.mod", "go.sum"}));
  EXPECT_EQ(all.at("rust").lock_files, (std::vector<std::string>{"Cargo.toml", "Cargo.lock"}));
  EXPECT_TRUE(all.at("zig").lock_files.empty());
  EXPECT_TRUE(all.at("cpp").callgrind_env.empty());
}

TEST(ToolchainTest, LanguageRulesOfTheWrongTypeAreNamed) {
  testing::TempDir tmp;
  nlohmann::json j = nlohmann::json::parse(testing::ReadText(Fixture("valid")));
  j["callgrind_env"] = {{"GODEBUG", 1}};
  testing::WriteText(tmp / "cpp.json", j.dump());
  std::string error;
  try {
    LoadToolchain(tmp / "cpp.json");
  } catch (const Error& e) {
    error = e.what();
  }
  testing::ExpectMentions(error, {"cpp.json", "callgrind_env.GODEBUG", "must be a string"});
}

TEST(ToolchainTest, UnknownKeyListsTheAllowedKeys) {
  testing::ExpectMentions(LoadError("unknown-key"), {"unknown-key/cpp.json", "`optimise`",
                                                     "not a known key", "build_argv", "tools"});
}

TEST(ToolchainTest, MissingKeyIsNamed) {
  testing::ExpectMentions(LoadError("missing-key"),
                          {"missing-key/cpp.json", "`install_hint`", "missing"});
}

TEST(ToolchainTest, LanguageMustMatchTheFileName) {
  testing::ExpectMentions(LoadError("wrong-language"), {"cpp.json", "`language`", "rust"});
}

TEST(ToolchainTest, ToolsMustBeAList) {
  testing::ExpectMentions(LoadError("tools-not-list"), {"cpp.json", "`tools`", "list of strings"});
}

TEST(ToolchainTest, ToolsMustNotBeEmpty) {
  testing::ExpectMentions(LoadError("empty-tools"), {"cpp.json", "`tools`", "at least one"});
}

TEST(ToolchainTest, VersionMustBeOne) {
  testing::ExpectMentions(LoadError("bad-version"),
                          {"cpp.json", "`toolchain_version`", "must be 1"});
}

TEST(ToolchainTest, PolicyMustBeAnObject) {
  testing::ExpectMentions(LoadError("policy-not-object"), {"cpp.json", "`policy`", "object"});
}

TEST(ToolchainTest, BuildEnvValuesMustBeStrings) {
  testing::ExpectMentions(LoadError("build-env-not-strings"),
                          {"cpp.json", "`build_env.JOBS`", "string"});
}

TEST(ToolchainTest, SyntaxErrorNamesTheFile) {
  testing::ExpectMentions(LoadError("syntax-error"), {"syntax-error/cpp.json", "JSON"});
}

TEST(ToolchainTest, MissingFolderSaysWhatToDo) {
  try {
    LoadToolchains("/nonexistent/toolchains");
    FAIL() << "no error";
  } catch (const Error& e) {
    testing::ExpectMentions(e.what(), {"/nonexistent/toolchains", "--root"});
  }
}

Toolchain MadeUp(std::vector<std::string> tools, std::vector<std::string> version_argv) {
  Toolchain t;
  t.language = "cpp";
  t.display_name = "Made-up";
  t.tools = std::move(tools);
  t.version_argv = std::move(version_argv);
  t.install_hint = "run scripts/setup.sh";
  return t;
}

TEST(ToolchainProbeTest, MissingToolGivesTheInstallHint) {
  ToolchainProbe p = ProbeToolchain(MadeUp({"benchctl-no-such-tool"}, {"x"}), "/");
  EXPECT_FALSE(p.found);
  testing::ExpectMentions(
      p.problem, {"benchctl-no-such-tool", "not found", "Made-up", "run scripts/setup.sh"});
}

TEST(ToolchainProbeTest, VersionIsTheFirstLineOfTheVersionCommand) {
  ToolchainProbe p =
      ProbeToolchain(MadeUp({"sh"}, {"sh", "-c", "echo tool 1.2.3; echo more"}), "/");
  ASSERT_TRUE(p.found) << p.problem;
  EXPECT_EQ(p.version, "tool 1.2.3");
  ASSERT_TRUE(p.paths.contains("sh"));
  EXPECT_EQ(p.paths.at("sh").back(), 'h');
  EXPECT_EQ(p.paths.at("sh").front(), '/');
}

TEST(ToolchainProbeTest, FailingVersionCommandIsAProblem) {
  ToolchainProbe p = ProbeToolchain(MadeUp({"sh"}, {"sh", "-c", "echo broken; exit 4"}), "/");
  EXPECT_FALSE(p.found);
  testing::ExpectMentions(p.problem, {"exit 4", "broken"});
}

TEST(ToolchainProbeTest, ToolPathsExpandTheRepository) {
  Toolchain t = MadeUp({"zig"}, {"zig", "version"});
  t.tool_paths = {"{repo}/.tools/bin"};
  EXPECT_EQ(ToolDirs(t, "/src/benchctl"),
            std::vector<std::filesystem::path>{"/src/benchctl/.tools/bin"});
}

}  // namespace
}  // namespace benchctl
