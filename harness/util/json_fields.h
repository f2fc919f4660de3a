// Strict reading of small JSON config files (manifests, toolchains): every
// error names the file, the key and what is allowed.
#pragma once

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

namespace benchctl {

// Reads one JSON object file and checks its keys as they are taken.
class StrictObject {
 public:
  // Parses `path`; throws benchctl::Error naming the file if it is not a JSON object.
  static StrictObject Load(const std::filesystem::path& path);
  StrictObject(nlohmann::json value, std::string file, std::string prefix);

  // A required string; if `allowed` is not empty the value must be one of them.
  std::string String(const std::string& key, const std::vector<std::string>& allowed = {});
  // An optional string with a default.
  std::string OptionalString(const std::string& key, const std::string& fallback);
  // An optional boolean with a default.
  bool OptionalBool(const std::string& key, bool fallback);
  // A required integer.
  long Integer(const std::string& key);
  // A required (or optional, if `required` is false) list of strings.
  std::vector<std::string> StringList(const std::string& key, bool required = true);
  // An optional object of string values.
  std::map<std::string, std::string> StringMap(const std::string& key);
  // A required nested object, checked the same way.
  StrictObject Object(const std::string& key);
  // An optional value, unchecked (recorded as is).
  nlohmann::json Raw(const std::string& key);
  // After all keys were taken: any key left over is an error listing the allowed ones.
  void RejectUnknownKeys() const;
  // Throws an error about `key`.
  [[noreturn]] void Fail(const std::string& key, const std::string& problem) const;

  const std::string& file() const { return file_; }

 private:
  const nlohmann::json& Take(const std::string& key);

  nlohmann::json value_;
  std::string file_;
  std::string prefix_;
  std::set<std::string> taken_;
};

}  // namespace benchctl
