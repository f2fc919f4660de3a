// Manifest validation (harness/project/manifest.h): one fixture per error under
// tests/data/manifests/<case>/<folder>/workload.json; every error names the
// file, the key and, where there is a closed set, the allowed values.
#include "manifest.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "error.h"
#include "test_support.h"

namespace benchctl {
namespace {

const std::vector<std::string> kLanguages = {"cpp", "go", "rust", "zig"};
const std::vector<std::string> kOperations = {"sum"};
const std::vector<std::string> kModes = {"inprocess", "process"};

std::filesystem::path Fixture(const std::string& test_case, const std::string& folder = "cpp-x") {
  return testing::DataDir() / "manifests" / test_case / folder;
}

// The error message of loading a fixture, or "" if it loaded.
std::string LoadError(const std::string& test_case, const std::string& folder = "cpp-x") {
  try {
    LoadManifest(Fixture(test_case, folder), "selftest", kLanguages, kOperations, kModes);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(ManifestTest, LoadsEveryField) {
  Manifest m = LoadManifest(Fixture("valid"), "selftest", kLanguages, kOperations, kModes);
  EXPECT_EQ(m.dir, Fixture("valid"));
  EXPECT_EQ(m.suite, "selftest");
  EXPECT_EQ(m.name, "cpp-x");
  EXPECT_EQ(m.language, "cpp");
  EXPECT_EQ(m.variant, "x");
  EXPECT_EQ(m.mode, "inprocess");
  EXPECT_EQ(m.library_name, "lib");
  EXPECT_EQ(m.library_version, "1.0");
  EXPECT_EQ(m.operations, std::vector<std::string>{"sum"});
  ASSERT_TRUE(m.build.contains("sources"));
  EXPECT_EQ(m.build.at("sources"), nlohmann::json({"main.cc", "util.cc"}));
  EXPECT_EQ(m.build.at("libraries"), nlohmann::json({"benchmark"}));
  EXPECT_EQ(m.validation, "reduced");
  EXPECT_EQ(m.env, (std::map<std::string, std::string>{{"MALLOC_ARENA_MAX", "2"}}));
  EXPECT_EQ(m.notes, "Skips UTF-8 validation.");
}

TEST(ManifestTest, ValidationDefaultsToFull) {
  // The fault workloads leave `validation` out.
  Manifest m = LoadManifest(testing::FaultWorkloads() / "selftest" / "cpp-good", "selftest",
                            kLanguages, kOperations, kModes);
  EXPECT_EQ(m.validation, "full");
  EXPECT_TRUE(m.env.empty());
}

TEST(ManifestTest, UnknownKeyListsTheAllowedKeys) {
  testing::ExpectMentions(LoadError("unknown-key"),
                          {Fixture("unknown-key").string() + "/workload.json", "`colour`",
                           "not a known key", "language", "operations", "validation", "notes"});
}

TEST(ManifestTest, UnknownLanguageListsTheLanguages) {
  testing::ExpectMentions(LoadError("bad-language"), {"bad-language/cpp-x/workload.json",
                                                      "`language`", "cobol", "cpp, go, rust, zig"});
}

TEST(ManifestTest, WrongTypesInBuildAreNamedWithFileAndKey) {
  testing::ExpectMentions(
      LoadError("build-env-not-strings"),
      {"build-env-not-strings/cpp-x/workload.json", "`build.env`", "values are strings"});
  testing::ExpectMentions(LoadError("build-param-number"),
                          {"build-param-number/cpp-x/workload.json", "`build.optimize`",
                           "a string or a list of strings"});
}

TEST(ManifestTest, MissingKeyIsNamed) {
  testing::ExpectMentions(LoadError("missing-key"),
                          {"missing-key/cpp-x/workload.json", "`mode`", "missing"});
}

TEST(ManifestTest, FolderMustBeNamedLanguageDashVariant) {
  testing::ExpectMentions(LoadError("wrong-folder", "cpp-y"),
                          {"wrong-folder/cpp-y/workload.json", "`variant`", "cpp-y", "cpp-x"});
}

TEST(ManifestTest, UnknownModeListsTheModes) {
  testing::ExpectMentions(LoadError("bad-mode"),
                          {"workload.json", "`mode`", "daemon", "inprocess, process"});
}

TEST(ManifestTest, UnknownOperationListsTheSuiteOperations) {
  testing::ExpectMentions(LoadError("bad-operation"),
                          {"workload.json", "`operations`", "mul", "sum"});
}

TEST(ManifestTest, OperationsMustNotBeEmpty) {
  testing::ExpectMentions(LoadError("empty-operations"),
                          {"workload.json", "`operations`", "empty"});
}

TEST(ManifestTest, UnknownLibraryKeyIsNamedWithItsPath) {
  testing::ExpectMentions(LoadError("library-extra-key"),
                          {"workload.json", "`library.url`", "not a known key", "name", "version"});
}

TEST(ManifestTest, ManifestVersionMustBeOne) {
  testing::ExpectMentions(LoadError("bad-version"),
                          {"workload.json", "`manifest_version`", "must be 1"});
}

TEST(ManifestTest, VariantCharactersAreChecked) {
  testing::ExpectMentions(LoadError("bad-variant", "cpp-X_1"),
                          {"workload.json", "`variant`", "a-z, 0-9"});
}

TEST(ManifestTest, ReducedValidationNeedsNotes) {
  testing::ExpectMentions(LoadError("reduced-without-notes"),
                          {"workload.json", "`notes`", "reduced"});
}

TEST(ManifestTest, UnknownValidationListsTheValues) {
  testing::ExpectMentions(LoadError("bad-validation"),
                          {"workload.json", "`validation`", "partial", "full, reduced"});
}

TEST(ManifestTest, EnvValuesMustBeStrings) {
  testing::ExpectMentions(LoadError("env-not-strings"),
                          {"workload.json", "`env.THREADS`", "string"});
}

TEST(ManifestTest, BuildMustBeAnObject) {
  testing::ExpectMentions(LoadError("build-not-object"), {"workload.json", "`build`", "object"});
}

TEST(ManifestTest, SyntaxErrorNamesTheFile) {
  testing::ExpectMentions(LoadError("syntax-error"), {"syntax-error/cpp-x/workload.json", "JSON"});
}

TEST(ManifestTest, MissingFileNamesTheFile) {
  testing::ExpectMentions(LoadError("no-such-case"), {"no-such-case/cpp-x/workload.json"});
}

}  // namespace
}  // namespace benchctl
