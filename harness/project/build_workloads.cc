#include "build_workloads.h"

#include <fmt/format.h>

#include <cstdio>

namespace benchctl {

std::map<std::string, ToolchainProbe> ProbeLanguages(
    const std::vector<Manifest>& manifests, const std::map<std::string, Toolchain>& toolchains,
    const Paths& paths) {
  std::map<std::string, ToolchainProbe> probes;
  for (const auto& m : manifests) {
    if (probes.contains(m.language)) continue;
    probes[m.language] = ProbeToolchain(toolchains.at(m.language), paths.root);
  }
  return probes;
}

std::vector<BuiltWorkload> BuildWorkloads(const std::vector<Manifest>& manifests,
                                          const std::map<std::string, Toolchain>& toolchains,
                                          const std::map<std::string, ToolchainProbe>& probes,
                                          const Paths& paths, const StopToken& stop) {
  std::vector<BuiltWorkload> out;
  for (const auto& m : manifests) {
    if (stop.stop_requested()) break;  // Ctrl-C: no more builds; the caller stops.
    BuiltWorkload b{m, {}};
    const ToolchainProbe& probe = probes.at(m.language);
    std::string label = m.suite + "/" + m.name;
    if (!probe.found) {
      b.build.error = probe.problem;
    } else {
      fmt::print(stderr, "build  {:<28} ", label);
      std::fflush(stderr);
      b.build = BuildWorkload(m, toolchains.at(m.language), probe, paths, stop);
      if (stop.stop_requested()) {
        fmt::print(stderr, "interrupted\n");  // Not the workload's failure.
        break;
      }
    }
    if (b.build.ok) {
      fmt::print(stderr, "{}\n",
                 b.build.cached ? "cached" : fmt::format("built in {:.1f} s", b.build.seconds));
    } else {
      if (probe.found) fmt::print(stderr, "FAILED\n");
      fmt::print(stderr, "  {}: {}\n", label, b.build.error);
    }
    out.push_back(std::move(b));
  }
  return out;
}

nlohmann::json ToolchainsJson(const std::vector<BuiltWorkload>& built,
                              const std::map<std::string, Toolchain>& toolchains,
                              const std::map<std::string, ToolchainProbe>& probes) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& b : built) {
    const std::string& lang = b.manifest.language;
    if (out.contains(lang)) continue;
    const Toolchain& t = toolchains.at(lang);
    const ToolchainProbe& p = probes.at(lang);
    out[lang] = {{"display_name", t.display_name},
                 {"found", p.found},
                 {"version", p.version},
                 {"expected_version", t.expected_version},
                 {"version_as_expected", p.expected_version},
                 {"paths", p.paths},
                 {"policy", t.policy},
                 {"build_argv", t.build_argv},
                 {"build_env", t.build_env}};
    if (!p.found) out[lang]["problem"] = p.problem;
  }
  return out;
}

}  // namespace benchctl
