// Finding a suite's implementations: a sorted scan of workloads/<suite>/.
#pragma once

#include <string>
#include <vector>

#include "manifest.h"
#include "paths.h"

namespace benchctl {

// Every implementation of `suite` (folders with a workload.json; `shared/`
// holds per-language helper code and is skipped), sorted by name. The other
// arguments are the allowed values of manifests (LoadManifest).
std::vector<Manifest> DiscoverWorkloads(const Paths& paths, const std::string& suite,
                                        const std::vector<std::string>& languages,
                                        const std::vector<std::string>& operations,
                                        const std::vector<std::string>& modes);

// Keeps the manifests matching the filters (empty filter = all). A name that
// matches nothing is a benchctl::Error listing the valid names.
std::vector<Manifest> FilterWorkloads(const std::vector<Manifest>& all,
                                      const std::vector<std::string>& languages,
                                      const std::vector<std::string>& impls,
                                      const std::vector<std::string>& known_languages,
                                      const std::vector<std::string>& operations,
                                      const std::vector<std::string>& suite_operations);

}  // namespace benchctl
