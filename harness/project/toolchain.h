// How a language is found, versioned and built: toolchains/<lang>.json as a struct.
#pragma once

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace benchctl {

// One language's recipe.
struct Toolchain {
  std::filesystem::path file;
  std::string language, display_name;
  std::vector<std::string> tools;       // Executables that must exist.
  std::vector<std::string> tool_paths;  // Extra directories searched first ({root} allowed).
  std::string expected_version;         // Substring of the version line the project measured with.
  std::vector<std::string> version_argv;
  std::string install_hint;
  nlohmann::json policy;  // The fairness policy, recorded in results.
  std::map<std::string, std::string> build_env;
  std::vector<std::string> build_argv;
  std::string build_cwd;
  std::string artifact;
  // Language rules, as data rather than `if (language == ...)` in the harness:
  std::vector<std::string> cpu_count_env;  // Variables set to the child's CPU count (GOMAXPROCS).
  // Variables a child needs under callgrind; appended with ',' to a value the job already
  // sets (GODEBUG-style lists).
  std::map<std::string, std::string> callgrind_env;
  std::vector<std::string> lock_files;  // Under workloads/: part of this language's build keys.
};

// What was found of a toolchain on this machine.
struct ToolchainProbe {
  bool found = false;
  std::map<std::string, std::string> paths;  // Tool → absolute path.
  std::string version;                       // First line of the version command.
  bool expected_version = true;              // `version` contains the expected version.
  std::string problem;                       // Why not found, with the fix.
};

// Loads one toolchain file; errors name the file, the key and allowed values.
Toolchain LoadToolchain(const std::filesystem::path& file);

// Loads every toolchains/*.json, keyed by language.
std::map<std::string, Toolchain> LoadToolchains(const std::filesystem::path& dir);

// Finds the tools and reads the exact version.
ToolchainProbe ProbeToolchain(const Toolchain& toolchain, const std::filesystem::path& root);

// Directories searched for a toolchain's tools before $PATH.
std::vector<std::filesystem::path> ToolDirs(const Toolchain& toolchain,
                                            const std::filesystem::path& root);

}  // namespace benchctl
