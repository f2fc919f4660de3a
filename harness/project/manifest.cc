#include "manifest.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <regex>

#include "error.h"
#include "json_fields.h"

namespace benchctl {

Manifest LoadManifest(const std::filesystem::path& dir, const std::string& suite,
                      const std::vector<std::string>& languages,
                      const std::vector<std::string>& operations,
                      const std::vector<std::string>& modes) {
  StrictObject o = StrictObject::Load(dir / "workload.json");
  Manifest m;
  m.dir = dir;
  m.suite = suite;
  m.name = dir.filename().string();
  if (o.Integer("manifest_version") != kManifestVersion) {
    o.Fail("manifest_version", fmt::format("must be {}", kManifestVersion));
  }
  m.language = o.String("language", languages);
  m.variant = o.String("variant");
  if (!std::regex_match(m.variant, std::regex("[a-z0-9-]+"))) {
    o.Fail("variant", "may hold only a-z, 0-9 and '-'");
  }
  if (m.name != m.language + "-" + m.variant) {
    o.Fail("variant", fmt::format("does not match the folder: \"{}\" must be named \"{}-{}\"",
                                  m.name, m.language, m.variant));
  }
  m.mode = o.String("mode", modes);
  StrictObject library = o.Object("library");
  m.library_name = library.String("name");
  m.library_version = library.String("version");
  library.RejectUnknownKeys();
  m.operations = o.StringList("operations");
  if (m.operations.empty()) o.Fail("operations", "must not be empty");
  for (const auto& op : m.operations) {
    if (std::find(operations.begin(), operations.end(), op) == operations.end()) {
      o.Fail("operations",
             fmt::format("has \"{}\"; allowed values: {}", op, fmt::join(operations, ", ")));
    }
  }
  nlohmann::json build = o.Raw("build");
  if (!build.is_object()) o.Fail("build", "must be an object");
  // Recipe parameters are strings or lists of strings; `env` is an object of
  // strings. Checked here so a wrong type is named with its file and key.
  for (const auto& [k, v] : build.items()) {
    bool ok = v.is_string() || (v.is_array() && std::all_of(v.begin(), v.end(), [](const auto& e) {
                                  return e.is_string();
                                }));
    if (k == "env") {
      ok = v.is_object() &&
           std::all_of(v.begin(), v.end(), [](const auto& e) { return e.is_string(); });
      if (!ok) o.Fail("build.env", "must be an object whose values are strings");
    }
    if (!ok) o.Fail("build." + k, "must be a string or a list of strings");
    m.build[k] = v;
  }
  m.validation = o.OptionalString("validation", "full");
  if (m.validation != "full" && m.validation != "reduced") {
    o.Fail("validation", "is \"" + m.validation + "\"; allowed values: full, reduced");
  }
  m.env = o.StringMap("env");
  m.notes = o.OptionalString("notes", "");
  m.reference = o.OptionalBool("reference", false);
  if (m.validation == "reduced" && m.notes.empty()) {
    o.Fail("notes", "is required when validation is \"reduced\": say what is skipped");
  }
  o.RejectUnknownKeys();
  return m;
}

}  // namespace benchctl
