// harness/util/text_width: columns are code points, not bytes.
#include "text_width.h"

#include <gtest/gtest.h>

#include <sstream>

namespace benchctl {
namespace {

std::size_t WidestLine(const std::string& text) {
  std::istringstream in(text);
  std::size_t widest = 0;
  for (std::string line; std::getline(in, line);) widest = std::max(widest, DisplayWidth(line));
  return widest;
}

TEST(TextWidthTest, CountsCodePointsNotBytes) {
  EXPECT_EQ(DisplayWidth("abc"), 3u);
  EXPECT_EQ(DisplayWidth("1.45×"), 5u);
  EXPECT_EQ(DisplayWidth("µs…→"), 4u);
  EXPECT_EQ(DisplayWidth(""), 0u);
}

TEST(TextWidthTest, TruncatesWithAnEllipsisAtACharacterBoundary) {
  EXPECT_EQ(TruncateToWidth("rust-may-minihttp", 8), "rust-ma…");
  EXPECT_EQ(TruncateToWidth("µµµµµ", 3), "µµ…");
  EXPECT_EQ(TruncateToWidth("short", 5), "short");
  EXPECT_EQ(DisplayWidth(TruncateToWidth("×××××××", 4)), 4u);
}

TEST(TextWidthTest, PadsByColumns) {
  EXPECT_EQ(PadRight("1.0×", 6), "1.0×  ");
  EXPECT_EQ(PadLeft("µs", 4), "  µs");
  EXPECT_EQ(PadRight("toolong", 3), "toolong");
}

TEST(TextWidthTest, WrapsLongLinesAtSpacesWithAnIndent) {
  const std::string line = "  warning: " + std::string(30, 'a') + " " + std::string(30, 'b') + " " +
                           std::string(30, 'c');
  const std::string wrapped = WrapToWidth(line + "\nshort\n", 50);
  EXPECT_EQ(wrapped, "  warning: " + std::string(30, 'a') + "\n      " + std::string(30, 'b') +
                         "\n      " + std::string(30, 'c') + "\nshort\n");
}

TEST(TextWidthTest, CutsAWordLongerThanALine) {
  const std::string wrapped = WrapToWidth(std::string(25, 'x') + "×" + std::string(30, 'y'), 20);
  EXPECT_LE(WidestLine(wrapped), 20u) << wrapped;
  EXPECT_EQ(wrapped.find("\n", wrapped.size() - 1), std::string::npos);  // No newline added.
  EXPECT_NE(wrapped.find("×"), std::string::npos);  // Not split inside the character.
}

TEST(TextWidthTest, KeepsLinesThatFit) {
  EXPECT_EQ(WrapToWidth("a b\n\n  c\n", 10), "a b\n\n  c\n");
}

}  // namespace
}  // namespace benchctl
