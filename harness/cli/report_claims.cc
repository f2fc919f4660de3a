#include "report_claims.h"

#include <fmt/format.h>

#include "claim_eval.h"
#include "claim_render.h"

namespace benchctl {

std::optional<ReportSection> ClaimsSection(const std::vector<Claim>& claims,
                                           const std::vector<LoadedRun>& runs) {
  ReportSection section;
  section.title = "Published claims";
  ReportTable table;
  table.caption = "Claims from articles, checked against this run";
  table.header = {"claim", "verdict", "measured", "test", "measure with"};
  std::size_t not_measured = 0;
  for (const ClaimVerdict& v : EvaluateClaims(claims, runs)) {
    if (v.outcome == ClaimOutcome::kNotMeasured) {
      ++not_measured;
      continue;
    }
    table.rows.push_back({v.claim.id + ": " + v.claim.text, std::string(OutcomeName(v.outcome)),
                          ClaimMeasuredText(v), ClaimTestText(v), v.command});
    for (const std::string& caveat : v.caveats) {
      section.notes.push_back(fmt::format("{}: {}", v.claim.id, caveat));
    }
    if (!v.claim.notes.empty()) {
      section.notes.push_back(fmt::format("{}: {}", v.claim.id, v.claim.notes));
    }
  }
  if (table.rows.empty()) return std::nullopt;
  section.notes.insert(
      section.notes.begin(),
      fmt::format("A claim holds when the whole interval passes its test, does not hold when "
                  "none of it does, and is inconclusive when the interval straddles a bound. "
                  "{} more claims are not measured by this file; `benchctl claims` lists them "
                  "with what would measure them.",
                  not_measured));
  section.tables.push_back(std::move(table));
  return section;
}

void InsertBeforeProvenance(ReportDocument& doc, ReportSection section) {
  auto at = doc.sections.begin();
  while (at != doc.sections.end() && at->title.rfind("Provenance", 0) != 0) ++at;
  section.anchor = AnchorFor(section.title, static_cast<std::size_t>(at - doc.sections.begin()));
  doc.sections.insert(at, std::move(section));
}

}  // namespace benchctl
