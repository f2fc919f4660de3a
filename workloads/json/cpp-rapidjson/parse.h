// RapidJSON parsing at workloads/json/SPEC.md's full validation level.
//
// Debian's RapidJSON is 1.1.0, whose own full-precision number conversion
// (kParseFullPrecisionFlag) is not safe on valid input: numbers below binary64's smallest
// subnormal come back as garbage (4.87e-326 -> -1.1e307) or crash the process
// (4.562607458092e-337 -> SIGSEGV), tokens just above DBL_MAX come back finite or NaN
// (10e308 -> -3.1e-308, 1.8e308 -> NaN), 18+ digit mantissas are sometimes misrounded by a few
// ulps, and 0e400 is rejected as too big. So the reader hands each number token over as text
// (kParseNumbersAsStringsFlag) and CheckedHandler converts it with std::from_chars, which is
// correctly rounded (libstdc++ 12 uses fast_float). Everything else, the grammar, string
// unescaping and UTF-8 validation (kParseValidateEncodingFlag), is RapidJSON's.
#pragma once

#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <system_error>

#include "json/cpp-rapidjson/library.h"
#include "json/shared/cpp/stats.h"

namespace json_suite {

// A document that was rejected: the byte offset where parsing stopped, and why.
class ParseError : public std::runtime_error {
 public:
  ParseError(std::size_t offset, const std::string& reason)
      : std::runtime_error(reason), offset_(offset) {}
  std::size_t offset() const { return offset_; }

 private:
  std::size_t offset_;
};

namespace internal {

// In place (strings are unescaped into the buffer the document then points to), UTF-8
// validated, numbers as text for CheckedHandler. The recursive reader is safe because
// CheckedHandler stops it at kMaxDepth.
inline constexpr unsigned kParseFlags = rapidjson::kParseInsituFlag |
                                        rapidjson::kParseValidateEncodingFlag |
                                        rapidjson::kParseNumbersAsStringsFlag;

// The SAX handler between the reader and the document under construction: forwards every
// event, converts number tokens, and refuses nesting deeper than kMaxDepth. Returning false
// stops the reader with kParseErrorTermination; failure() then says why.
class CheckedHandler {
 public:
  explicit CheckedHandler(rapidjson::Document& doc) : doc_(doc) {}

  bool Null() { return doc_.Null(); }
  bool Bool(bool b) { return doc_.Bool(b); }
  // The reader calls only RawNumber under kParseNumbersAsStringsFlag; these complete the
  // handler concept.
  bool Int(int i) { return doc_.Int(i); }
  bool Uint(unsigned u) { return doc_.Uint(u); }
  bool Int64(std::int64_t i) { return doc_.Int64(i); }
  bool Uint64(std::uint64_t u) { return doc_.Uint64(u); }
  bool Double(double d) { return doc_.Double(d); }

  // A number token, already checked against JSON's grammar. Integers that fit 64 bits stay
  // integers, as RapidJSON's own conversion keeps them; the rest become the nearest double.
  bool RawNumber(const char* text, rapidjson::SizeType length, bool /*copy*/) {
    const char* const end = text + length;
    if (*text == '-') {
      std::int64_t i;
      const auto [at, error] = std::from_chars(text, end, i);
      if (at == end && error == std::errc()) return doc_.Int64(i);
    } else {
      std::uint64_t u;
      const auto [at, error] = std::from_chars(text, end, u);
      if (at == end && error == std::errc()) return doc_.Uint64(u);
    }
    double d;
    if (std::from_chars(text, end, d).ec == std::errc::result_out_of_range) {
      // from_chars reports underflow and overflow alike; strtod (rarely reached) tells them
      // apart: underflow rounds to zero, overflow is beyond binary64's range and rejected.
      d = std::strtod(std::string(text, end).c_str(), nullptr);
      if (std::isinf(d)) {
        failure_ = "number " + std::string(text, end) + " is outside binary64's finite range";
        return false;
      }
    }
    return doc_.Double(d);
  }

  bool String(const char* text, rapidjson::SizeType length, bool copy) {
    return doc_.String(text, length, copy);
  }
  bool Key(const char* text, rapidjson::SizeType length, bool copy) {
    return doc_.Key(text, length, copy);
  }
  bool StartObject() { return Enter() && doc_.StartObject(); }
  bool EndObject(rapidjson::SizeType members) {
    --depth_;
    return doc_.EndObject(members);
  }
  bool StartArray() { return Enter() && doc_.StartArray(); }
  bool EndArray(rapidjson::SizeType elements) {
    --depth_;
    return doc_.EndArray(elements);
  }

  // Why this handler stopped the reader, or empty.
  const std::string& failure() const { return failure_; }

 private:
  bool Enter() {
    if (++depth_ <= kMaxDepth) return true;
    failure_ = NestingTooDeep().what();
    return false;
  }

  rapidjson::Document& doc_;
  int depth_ = 0;
  std::string failure_;
};

}  // namespace internal

// Parses the `size` bytes at `text` into `doc`, in place: `text[size]` must be a NUL byte, the
// text is overwritten, and `doc`'s strings point into it. Throws ParseError.
inline void ParseInPlace(char* text, std::size_t size, rapidjson::Document& doc) {
  rapidjson::InsituStringStream stream(text);
  rapidjson::Reader reader;
  std::string failure;
  rapidjson::ParseResult result;
  // Populate is RapidJSON's hook for building a document from another SAX source.
  auto generate = [&](rapidjson::Document& target) {
    internal::CheckedHandler handler(target);
    result = reader.Parse<internal::kParseFlags>(stream, handler);
    failure = handler.failure();
    return !result.IsError();
  };
  doc.Populate(generate);
  if (result.IsError()) {
    throw ParseError(result.Offset(), result.Code() == rapidjson::kParseErrorTermination
                                          ? failure
                                          : rapidjson::GetParseError_En(result.Code()));
  }
  // The reader takes a NUL byte for the end of the text, so stopping early means the
  // document went on after a NUL byte that followed the top-level value.
  if (stream.Tell() != size) {
    throw ParseError(stream.Tell(), "a NUL byte and more text after the top-level value");
  }
}

}  // namespace json_suite
