// A/B runs: the workloads as they were at another git revision, checked out in
// a separate worktree so the user's working tree is never touched.
#pragma once

#include <string>

#include "paths.h"

namespace benchctl {

// Where the other revision's tree is.
struct RevisionTree {
  std::string rev;     // As the user wrote it ("origin/main", "HEAD~1").
  std::string commit;  // The full commit id it resolved to.
  Paths paths;         // root/workloads inside the worktree; build shares the cache.
};

// Resolves `rev` in the checkout at `paths.root` and checks it out (detached)
// under <build>/revisions/<commit>, reusing an existing worktree. Throws
// benchctl::Error naming the revision when git cannot resolve it.
RevisionTree CheckoutRevision(const Paths& paths, const std::string& rev);

}  // namespace benchctl
