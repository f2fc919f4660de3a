// Text output of `history` (harness/history/history_render.h).
#include "history_render.h"

#include <gtest/gtest.h>

namespace benchctl {
namespace {

TEST(HistoryRenderTest, SparklineSpansLowestToHighest) {
  EXPECT_EQ(Sparkline({1, 2, 3, 4, 5, 6, 7, 8}), "▁▂▃▄▅▆▇█");
  EXPECT_EQ(Sparkline({5, 5}), "▄▄");
  EXPECT_EQ(Sparkline({}), "");
  EXPECT_EQ(Sparkline({10, 20}), "▁█");
}

TEST(HistoryRenderTest, NamesFromFilesAreEscaped) {
  RunRow run;
  run.run_id = "r\x1b[2J";
  run.hostname = "h";
  std::string text = RenderRunList({run}, std::nullopt);
  EXPECT_EQ(text.find('\x1b'), std::string::npos) << text;
  EXPECT_NE(text.find("r\\x1b[2J"), std::string::npos) << text;
}

TEST(HistoryRenderTest, FindingsSayWhatAndWhere) {
  Finding f;
  f.job_id = "json/a";
  f.metric = "time_ns";
  f.run_id = "run-5";
  f.change = 0.104;
  f.p_value = 0.01;
  f.kind = FindingKind::kRegression;
  std::string text = RenderFindings({f}, 3, std::nullopt);
  EXPECT_NE(text.find("NEW json/a · time_ns: regression at run run-5 (+10.4%, p = 0.010)"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("3 jobs checked; 1 change points; 1 NEW REGRESSIONS"), std::string::npos)
      << text;
  f.is_new = false;
  text = RenderFindings({f}, 3, std::string("run-6"));
  EXPECT_NE(text.find("after accepted run run-6; 1 change points; no new regression"),
            std::string::npos)
      << text;
}

}  // namespace
}  // namespace benchctl
