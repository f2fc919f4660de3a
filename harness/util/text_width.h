// Display width of terminal text, for tables that must fit a width. A column is one code
// point ('×', '…', 'µ' are one column each); text here has been escaped (escape.h), so it
// holds no control characters. East Asian wide characters count as one: an approximation.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace benchctl {

// The number of UTF-8 code points in `text` (bytes that are not continuation bytes).
std::size_t DisplayWidth(std::string_view text);

// `text` when it fits `width` columns, else its first width - 1 code points and '…'.
std::string TruncateToWidth(std::string_view text, std::size_t width);

// `text` padded with spaces to `width` columns, on the right (left-aligned) or the left.
std::string PadRight(std::string_view text, std::size_t width);
std::string PadLeft(std::string_view text, std::size_t width);

// Every line of `text` made to fit `width` columns: a longer line breaks at spaces, its
// continuation lines indented by the line's own indent plus four; a word longer than a line
// is cut. Lines that fit are kept byte for byte.
std::string WrapToWidth(std::string_view text, std::size_t width);

}  // namespace benchctl
