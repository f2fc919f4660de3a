// harness/escape: names from result files printed as data. Ordinary names pass unchanged;
// whatever a terminal, a Markdown renderer, a spreadsheet or benchfmt would act on is escaped.
#include "escape.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "raw_control.h"

namespace benchctl {
namespace {

TEST(EscapeTest, OrdinaryNamesAreUnchanged) {
  for (const char* name : {"json/parse-dom/rust-serde/twitter-1MB@candidate", "µs héllo 日本 😀",
                           "g++ (Debian 12.2.0-14+deb12u1) 12.2.0", ""}) {
    EXPECT_EQ(ForTerminal(name), name);
    EXPECT_EQ(ForTerminal(name, Lines::kKeep), name);
  }
}

TEST(EscapeTest, TerminalControlsBecomeVisibleEscapes) {
  EXPECT_EQ(ForTerminal("evil\x1b]0;pwned\x07\x1b[2J"), "evil\\x1b]0;pwned\\x07\\x1b[2J");
  EXPECT_EQ(ForTerminal("a\nb\tc\rd\x7f"), "a\\nb\\tc\\rd\\x7f");
  EXPECT_EQ(ForTerminal("a\nb\tc\rd", Lines::kKeep), "a\nb\tc\\rd");  // \r could hide a line.
  EXPECT_EQ(ForTerminal(std::string("nul\0x", 5)), "nul\\x00x");
  EXPECT_EQ(ForTerminal("csi\xc2\x9b"
                        "2J"),
            "csi\\u009b2J");  // U+009B, the C1 CSI.
  EXPECT_EQ(ForTerminal("bidi\xe2\x80\xae"
                        "txt"),
            "bidi\\u202etxt");  // Right-to-left override.
  EXPECT_EQ(ForTerminal("iso\xe2\x81\xa6"
                        "x"),
            "iso\\u2066x");  // Left-to-right isolate.
}

TEST(EscapeTest, InvalidUtf8BytesAreEscapedOneByOne) {
  EXPECT_EQ(ForTerminal("raw\x9b"), "raw\\x9b");  // An 8-bit CSI on some terminals.
  EXPECT_EQ(ForTerminal("\xff"), "\\xff");
  EXPECT_EQ(ForTerminal("cut\xe2\x82"), "cut\\xe2\\x82");
  EXPECT_EQ(ForTerminal("\xc0\xaf"), "\\xc0\\xaf");                    // Overlong '/'.
  EXPECT_EQ(ForTerminal("\xed\xa0\x80"), "\\xed\\xa0\\x80");           // A surrogate.
  EXPECT_EQ(ForTerminal("\xf4\x90\x80\x80"), "\\xf4\\x90\\x80\\x80");  // Above U+10FFFF.
}

TEST(EscapeTest, NoByteSequenceReachesTheTerminalRaw) {
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; b += 7) {
      std::string s = {static_cast<char>(a), static_cast<char>(b)};
      EXPECT_FALSE(testing::HasRawControl(ForTerminal(s), false)) << a << " " << b;
      EXPECT_FALSE(testing::HasRawControl(ForMarkdown(s), false)) << a << " " << b;
      EXPECT_FALSE(testing::HasRawControl(ForCsv(s), false)) << a << " " << b;
      EXPECT_FALSE(testing::HasRawControl(ForBenchstatText(s), false)) << a << " " << b;
    }
  }
}

TEST(EscapeTest, MarkdownShowsMarkupAsText) {
  EXPECT_EQ(ForMarkdown("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(ForMarkdown("a|b*c [x](y) `z` \\ ~ $ # & _e f_"),
            "a\\|b\\*c \\[x\\](y) \\`z\\` \\\\ \\~ \\$ \\# &amp; \\_e f\\_");
  EXPECT_EQ(ForMarkdown("\x1b[2J"),
            "\\\\x1b\\[2J");  // Escaped for the terminal, then for Markdown.
  // Block markers only matter at the start of a list item.
  EXPECT_EQ(ForMarkdown("- item"), "\\- item");
  EXPECT_EQ(ForMarkdown("+x"), "\\+x");
  EXPECT_EQ(ForMarkdown("12. x"), "12\\. x");
  EXPECT_EQ(ForMarkdown("3) x"), "3\\) x");
  // Ordinary text stays as it is, underscores inside words included.
  for (const char* text : {"json/parse-dom/rust-serde/twitter-1MB: did not finish in the candidate",
                           "rust toolchain build_argv differs: base 'cargo build --release'",
                           "results/x.json (build_label \"base\")", "a-b 1.5 (c)"}) {
    EXPECT_EQ(ForMarkdown(text), text);
  }
}

TEST(EscapeTest, MarkdownCodeSpansSurviveBackticksAndPipes) {
  EXPECT_EQ(ForMarkdownCode("json/parse-dom/rust-serde"), "`json/parse-dom/rust-serde`");
  EXPECT_EQ(ForMarkdownCode("a|b"), "`a\\|b`");
  EXPECT_EQ(ForMarkdownCode("a`b"), "`` a`b ``");
  EXPECT_EQ(ForMarkdownCode("``x"), "``` ``x ```");
  EXPECT_EQ(ForMarkdownCode("<script>\x1b"), "`<script>\\x1b`");  // Code spans show HTML as text.
}

TEST(EscapeTest, CsvQuotesAndDefusesFormulas) {
  EXPECT_EQ(ForCsv("twitter-1MB"), "twitter-1MB");
  EXPECT_EQ(ForCsv("a,\"b\""), "\"a,\"\"b\"\"\"");
  EXPECT_EQ(ForCsv("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
  EXPECT_EQ(ForCsv("-1+2"), "'-1+2");
  EXPECT_EQ(ForCsv("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(ForCsv("+x,y"), "\"'+x,y\"");
  EXPECT_EQ(ForCsv("a\nb\x1b"), "a\\nb\\x1b");
}

TEST(EscapeTest, BenchstatNamesAndTextStayOnTheirLine) {
  EXPECT_EQ(ForBenchstatName("parse-dom"), "parse-dom");
  EXPECT_EQ(ForBenchstatName("rust serde/x\x1b"), "rust_serde_x_");
  EXPECT_EQ(ForBenchstatName("µ"), "__");
  EXPECT_EQ(ForBenchstatName(""), "_");
  EXPECT_EQ(ForBenchstatText("line1\nline2\r\x1b[2J"), "line1 line2 \\x1b[2J");
  EXPECT_EQ(ForBenchstatText("Intel(R) Xeon(R) @ 2.1GHz"), "Intel(R) Xeon(R) @ 2.1GHz");
}

TEST(EscapeTest, JsonKeepsItsValueButLosesRawControls) {
  nlohmann::json value = {{"name",
                           "a\x1b\x7f\xc2\x9b\xe2\x80\xae"
                           "é"}};
  std::string text = ForTerminalJson(value.dump());
  EXPECT_EQ(text, R"({"name":"a\u001b\u007f\u009b\u202eé"})");
  EXPECT_EQ(nlohmann::json::parse(text), value);
  EXPECT_EQ(ForTerminalJson(R"({"a": [1, "µs"]})"), R"({"a": [1, "µs"]})");
}

TEST(EscapeTest, HtmlShowsMarkupAsTextInTextAndAttributes) {
  EXPECT_EQ(ForHtml("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(ForHtml("a\" onload=\"x' & b"), "a&quot; onload=&quot;x&#39; &amp; b");
  EXPECT_EQ(ForHtml("&amp;"), "&amp;amp;");  // Already-escaped text stays text.
  EXPECT_EQ(ForHtml("µs héllo 日本 rust-serde/twitter-1MB"),
            "µs héllo 日本 rust-serde/twitter-1MB");
  // Controls and bidirectional overrides are made visible, as for a terminal.
  EXPECT_EQ(ForHtml("x\x1b[2J\xe2\x80\xaey"), "x\\x1b[2J\\u202ey");
  for (int a = 0; a < 256; ++a) {
    std::string shown = ForHtml(std::string(1, static_cast<char>(a)) + "<\"'>");
    EXPECT_EQ(shown.find_first_of("<>\"'"), std::string::npos) << a;
  }
}

}  // namespace
}  // namespace benchctl
