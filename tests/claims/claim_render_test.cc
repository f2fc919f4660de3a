// Rendering verdicts: hostile names from claim and result files are escaped in Markdown and
// on the terminal; rows show the value, the interval and the verdict.
#include "claim_render.h"

#include <gtest/gtest.h>

namespace benchctl {
namespace {

ClaimVerdict Hostile() {
  ClaimVerdict v;
  v.claim.id = "C1";
  v.claim.text = "Rust | <script>alert(1)</script> wins\x1b[2J";
  v.claim.source = {"Blog *post* | x", "https://example.com/a|b", 2025};
  v.claim.kind = MeasureKind::kRatio;
  v.claim.metric = "items_per_s";
  v.claim.test = {ClaimTest::Kind::kBetween, 1.5, 2.0};
  v.claim.notes = "proxy [link](javascript:x)";
  v.outcome = ClaimOutcome::kHolds;
  v.measured = ClaimMeasurement{1.76, 1.70, 1.82, false, 10};
  v.numerator_job = "http/rust-<b>actix</b>/plaintext";
  v.denominator_job = "http/go-nethttp/plaintext";
  v.command = "benchctl run --suite http --impl a|b";
  return v;
}

TEST(ClaimRenderTest, MarkdownEscapesHostileNames) {
  std::string md = RenderClaimsMarkdown({Hostile()}, {"x|y.json"});
  EXPECT_EQ(md.find("<script>"), std::string::npos) << md;
  EXPECT_EQ(md.find("<b>"), std::string::npos) << md;
  EXPECT_EQ(md.find("\x1b"), std::string::npos) << md;
  EXPECT_NE(md.find("&lt;script&gt;"), std::string::npos) << md;
  EXPECT_EQ(md.find("x|y.json"), std::string::npos) << md;
  // Every table row has exactly the header's 7 unescaped pipes.
  std::size_t row = md.find("| **C1**");
  ASSERT_NE(row, std::string::npos) << md;
  std::string line = md.substr(row, md.find('\n', row) - row);
  int pipes = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) ++pipes;
  }
  EXPECT_EQ(pipes, 7) << line;
  EXPECT_NE(line.find("76× \\[1.70, 1.82\\]"), std::string::npos) << line;
  EXPECT_NE(line.find("holds"), std::string::npos);
}

TEST(ClaimRenderTest, TextEscapesControlsAndShowsEverything) {
  std::string text = RenderClaimsText({Hostile()}, {"run.json"});
  EXPECT_EQ(text.find('\x1b'), std::string::npos) << text;
  EXPECT_NE(text.find("\\x1b[2J"), std::string::npos) << text;
  for (const char* part :
       {"result files: run.json", "1 claims: 1 hold, 0 do not hold", "holds", "1.76× [1.70, 1.82]",
        "test: between 1.50× and 2.00×", "measure with: benchctl run --suite http",
        "items_per_s of http/rust-<b>actix</b>/plaintext ÷ http/go-nethttp"}) {
    EXPECT_NE(text.find(part), std::string::npos) << "'" << part << "' not in:\n" << text;
  }
}

TEST(ClaimRenderTest, NoResultFilesIsSaid) {
  ClaimVerdict v;
  v.claim.id = "C12";
  v.claim.text = "2 KB stacks";
  v.claim.kind = MeasureKind::kUnmeasured;
  v.why = "a spawn suite, which does not exist yet";
  std::string text = RenderClaimsText({v}, {});
  EXPECT_NE(text.find("no result files: every claim is listed as not measured"), std::string::npos);
  EXPECT_NE(text.find("not measured"), std::string::npos);
  EXPECT_NE(text.find("would be measured by: a spawn suite"), std::string::npos) << text;
}

}  // namespace
}  // namespace benchctl
