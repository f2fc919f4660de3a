// The report's section of published claims: those of claims/*.json that the report's result
// files measure, with the verdicts `benchctl claims` gives. It joins two sibling stages
// (claims, report), so it lives in cli.
#pragma once

#include <optional>
#include <vector>

#include "claim.h"
#include "claim_select.h"
#include "report_document.h"

namespace benchctl {

// The section, or nullopt when no claim is measured by `runs` (a report of a suite no claim
// is about has no claims section).
std::optional<ReportSection> ClaimsSection(const std::vector<Claim>& claims,
                                           const std::vector<LoadedRun>& runs);

// Puts `section` before the first provenance section (the page ends with provenance), or last.
void InsertBeforeProvenance(ReportDocument& doc, ReportSection section);

}  // namespace benchctl
