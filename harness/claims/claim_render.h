// Claims' verdicts as text for the terminal and as a Markdown table for an article. Every
// string from a claim or result file is escaped here.
#pragma once

#include <string>
#include <vector>

#include "claim_eval.h"

namespace benchctl {

// The verdicts for a terminal: a summary line, then each claim with its measured value and
// interval, the test, the jobs it read, the command that measures it, and its notes.
// `sources` are the result files read (for the header).
std::string RenderClaimsText(const std::vector<ClaimVerdict>& verdicts,
                             const std::vector<std::string>& sources);

// The verdicts as a GitHub-flavoured Markdown table, then each claim's notes and caveats.
std::string RenderClaimsMarkdown(const std::vector<ClaimVerdict>& verdicts,
                                 const std::vector<std::string>& sources);

}  // namespace benchctl
