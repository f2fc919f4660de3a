// Claims' verdicts as text for the terminal and as a Markdown table for an article. Every
// string from a claim or result file is escaped here.
#pragma once

#include <string>
#include <vector>

#include "claim_eval.h"

namespace benchctl {

// A verdict's measured value as raw text: "1.76× [1.70, 1.82]", "812 µs [790 µs, 830 µs]",
// "4.9 MiB (exact)"; "-" when not measured. The caller escapes it for its output.
std::string ClaimMeasuredText(const ClaimVerdict& verdict);

// The claim's test as raw text ("between 1.50× and 2.00×"); "-" for an unmeasured claim.
std::string ClaimTestText(const ClaimVerdict& verdict);

// The verdicts for a terminal: a summary line, then each claim with its measured value and
// interval, the test, the jobs it read, the command that measures it, and its notes.
// `sources` are the result files read (for the header).
std::string RenderClaimsText(const std::vector<ClaimVerdict>& verdicts,
                             const std::vector<std::string>& sources);

// The verdicts as a GitHub-flavoured Markdown table, then each claim's notes and caveats.
std::string RenderClaimsMarkdown(const std::vector<ClaimVerdict>& verdicts,
                                 const std::vector<std::string>& sources);

}  // namespace benchctl
