// Strings from result files are data, not markup: every renderer passes them through one of
// these before printing, so a job, implementation or input name (or a failure text, a host
// name, a toolchain version...) cannot move the cursor, retitle or clear a terminal, break a
// table, or inject HTML into a pull-request comment. Each function keeps ordinary names
// (printable ASCII and valid UTF-8 text) byte for byte.
#pragma once

#include <string>
#include <string_view>

namespace benchctl {

// Whether line breaks survive ForTerminal: kept for multi-line text (build logs, stderr
// tails), shown as \n for names and table cells.
enum class Lines { kEscape, kKeep };

// Makes text safe to print: C0 controls, DEL and bytes that are not valid UTF-8 become \xHH
// (\n, \r, \t for those three), C1 controls (U+0080–U+009F), bidirectional overrides and
// line separators become \uHHHH. With Lines::kKeep, '\n' and '\t' are printed as they are.
std::string ForTerminal(std::string_view text, Lines lines = Lines::kEscape);

// One-line Markdown text (a list item, a header value): ForTerminal, then HTML-escaped
// (&, <, >) and backslash-escaped where Markdown would read structure (| ` * [ ] \ ~ $ #, a
// leading - + = or "1.", and _ unless it sits inside a word, where it cannot emphasise).
std::string ForMarkdown(std::string_view text);

// A complete Markdown code span for a table cell: `text`, with | escaped for GFM tables and a
// longer backtick fence when the text holds backticks. Code spans show HTML as text.
std::string ForMarkdownCode(std::string_view text);

// HTML or XML (SVG) text and attribute values: ForTerminal, then & < > " ' as character
// references, so a name can neither open an element nor leave a quoted attribute.
std::string ForHtml(std::string_view text);

// One CSV field (RFC 4180): ForTerminal, a leading ' when the text starts with = + - or @ (so
// a spreadsheet does not run it as a formula), quoted when it holds a comma or a quote.
std::string ForCsv(std::string_view text);

// A benchstat name part: printable ASCII other than '/' (which separates name parts), with
// everything else as '_'; "_" when empty. benchfmt splits fields on white space.
std::string ForBenchstatName(std::string_view text);

// A benchstat configuration value or comment: one line (line breaks become spaces, as a build
// log tail reads best), then ForTerminal.
std::string ForBenchstatText(std::string_view text);

// JSON text from nlohmann's dump, for a terminal: dump escapes C0 controls but writes DEL, C1
// controls and bidirectional overrides raw. Each becomes its \uHHHH escape, which is the same
// JSON value (these can occur only inside strings).
std::string ForTerminalJson(std::string_view json_text);

}  // namespace benchctl
