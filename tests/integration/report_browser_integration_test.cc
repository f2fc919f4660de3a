// `benchctl report --html` rendered by a real browser: headless Chromium (scripts/setup.sh
// installs Debian's `chromium`) loads the page from disk, and the test checks its DOM — the
// number of charts and table rows, a hostile implementation name shown as text, no script
// element — and the console, and writes a screenshot to <build>/report-screenshot.png to look
// at. Fails (does not skip) without chromium: set-up installs it.
#include <gtest/gtest.h>

#include "atomic_file.h"
#include "report_builder.h"
#include "result_file.h"
#include "run_fixtures.h"
#include "subprocess.h"
#include "test_support.h"

namespace benchctl {
namespace {

namespace fs = std::filesystem;
using testing::JobShape;
using testing::MakeJob;
using testing::Times;

constexpr const char* kHostile = "<script>alert(1)</script>";

// A run of two groups and three languages, one implementation named like an attack.
RunResult HostileRun() {
  JobShape evil, rust, go, other;
  evil.impl = kHostile;
  evil.language = "cpp";
  go.impl = "go-stdlib";
  go.language = "go";
  go.peak_rss_kb = 9000;
  other.operation = "serialize";
  other.language = "rust";
  RunResult run = testing::MakeRun({MakeJob(evil, Times(4e5, 8)), MakeJob(rust, Times(1e6, 8)),
                                    MakeJob(go, Times(2e6, 8)), MakeJob(other, Times(3e6, 5))});
  run.config.suite_details = {{"reference_language", "cpp"}};
  return run;
}

std::string Shell(const std::string& command) {
  SpawnSpec spec;
  spec.argv = {"/bin/sh", "-c", command};
  spec.merge_output = true;
  CommandResult r = RunCommand(spec, std::chrono::seconds(180));
  EXPECT_EQ(r.exit_code, 0) << command << "\n" << r.output;
  return r.output;
}

std::size_t Count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
    ++n;
  }
  return n;
}

TEST(ReportBrowserIntegrationTest, ChromiumRendersTheReportWithNamesAsText) {
  SpawnSpec probe;
  probe.argv = {"/bin/sh", "-c", "command -v chromium"};
  CommandResult which = RunCommand(probe, std::chrono::seconds(10));
  ASSERT_EQ(which.exit_code, 0) << "chromium is not installed: run scripts/setup.sh (it "
                                   "installs Debian's chromium for this test)";
  const fs::path build = fs::path(BENCHCTL_SHIPPED_BINARY).parent_path();
  testing::TempDir dir;
  const RunResult run = HostileRun();
  WriteFileAtomically(dir / "hostile.json", RunResultToJson(run).dump());
  const fs::path html = dir / "report.html";
  CommandResult r =
      testing::RunBenchctl({"report", (dir / "hostile.json").string(), "--html", html.string()});
  ASSERT_EQ(r.exit_code, 0) << r.output;

  const std::string chromium =
      "chromium --headless --disable-gpu --no-sandbox "
      "--enable-logging=stderr --v=0 ";
  Shell(chromium + "--dump-dom file://" + html.string() + " >" + (dir / "dom.html").string() +
        " 2>" + (dir / "console.txt").string());
  const std::string dom = testing::ReadText(dir / "dom.html");
  const std::string console = testing::ReadText(dir / "console.txt");
  ASSERT_NE(dom.find("</html>"), std::string::npos) << dom << console;

  // What the page should hold, from the same document the command rendered.
  const ReportDocument doc = BuildRunReport(run, (dir / "hostile.json").string());
  std::size_t charts = 0, rows = 0;
  for (const auto& s : doc.sections) {
    charts += s.charts.size();
    for (const auto& t : s.tables) rows += t.rows.size() + 1;  // With the header row.
  }
  EXPECT_EQ(charts, 3u + 2u);  // parse-dom: time, memory, ratio; serialize: time, memory.
  EXPECT_EQ(Count(dom, "<svg "), charts) << dom;
  EXPECT_EQ(Count(dom, "<tr>"), rows) << dom;
  EXPECT_EQ(Count(dom, "<circle class=\"dot\""), 2u * (8 + 8 + 8 + 5));
  // The hostile name is text (escaped in the serialised DOM), never an element.
  EXPECT_NE(dom.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(dom.find("<script"), std::string::npos) << dom;
  for (const char* bad : {"Uncaught", "Refused to", "CONSOLE"}) {
    EXPECT_EQ(console.find(bad), std::string::npos) << bad << " in:\n" << console;
  }

  const fs::path shot = build / "report-screenshot.png";
  fs::remove(shot);
  Shell("cd " + dir.path().string() + " && " + chromium + "--hide-scrollbars --screenshot=" +
        shot.string() + " --window-size=1280,2400 file://" + html.string() + " 2>/dev/null");
  ASSERT_TRUE(fs::exists(shot));
  EXPECT_EQ(testing::ReadText(shot).substr(1, 3), "PNG");
}

}  // namespace
}  // namespace benchctl
