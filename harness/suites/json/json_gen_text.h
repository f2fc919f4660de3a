// Internal to the JSON generator: a compact JSON writer and the word pools strings are built from.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "splitmix64.h"

namespace benchctl {

// Appends compact JSON to a caller-owned string, inserting commas itself so the shape code reads
// as the SPEC's field lists. String arguments must already be JSON-escaped.
class JsonOut {
 public:
  // Writes to the end of `out`, which the caller keeps alive.
  explicit JsonOut(std::string& out) : out_(out) {}

  // Opens an object (as a value).
  void BeginObject() { Open('{'); }
  // Closes the innermost object.
  void EndObject() { Close('}'); }
  // Opens an array (as a value).
  void BeginArray() { Open('['); }
  // Closes the innermost array.
  void EndArray() { Close(']'); }
  // Writes `"key":`; `key` is already escaped.
  void Key(std::string_view key);
  // Writes a string value whose content is already escaped.
  void String(std::string_view escaped);
  // Writes a non-negative integer value.
  void Uint(std::uint64_t value);
  // Writes a finite double in shortest round-trip form, with ".0" added if it would look integral.
  void Double(double value);
  // Writes true or false.
  void Bool(bool value) { Scalar(value ? "true" : "false"); }
  // Writes null.
  void Null() { Scalar("null"); }
  // Writes a string value of random words (see AppendWords).
  void Words(SplitMix64& rng, std::span<const std::string_view> pool, std::uint64_t min_words,
             std::uint64_t max_words, std::string_view separator = " ");
  // Starts a value whose text the caller appends to the returned string (e.g. a number).
  std::string& Raw();
  // Starts a string value built in pieces: append escaped content, then call EndString().
  std::string& BeginString() { return Raw() += '"'; }
  // Ends a string value started with BeginString().
  void EndString() { out_ += '"'; }

 private:
  void Open(char bracket);
  void Close(char bracket);
  void Scalar(std::string_view text);

  std::string& out_;
  bool need_comma_ = false;
};

// Appends the decimal digits of `value` to `out`.
void AppendUint(std::string& out, std::uint64_t value);

// Appends `count` words from `pool` joined by `separator` (no quotes).
void AppendWords(std::string& out, SplitMix64& rng, std::span<const std::string_view> pool,
                 std::uint64_t count, std::string_view separator);

// A uniformly chosen entry of `pool`.
std::string_view Pick(SplitMix64& rng, std::span<const std::string_view> pool);

// Word pools, each entry already JSON-escaped valid UTF-8.
extern const std::span<const std::string_view> kEnglishWords;
// Japanese words (3-byte UTF-8), joined without spaces.
extern const std::span<const std::string_view> kJapaneseWords;
// Russian words (2-byte Cyrillic UTF-8).
extern const std::span<const std::string_view> kRussianWords;
// French and Spanish words with accented Latin letters.
extern const std::span<const std::string_view> kAccentedWords;
// Emoji, raw 4-byte UTF-8 and as \ud83d\ude00-style surrogate-pair escapes.
extern const std::span<const std::string_view> kEmoji;
// Fragments with \n \" \\ \/ \t and \uXXXX escapes.
extern const std::span<const std::string_view> kEscapes;
// French concert-programme words for citm's names.
extern const std::span<const std::string_view> kConcertWords;
// Canadian place-name words for canada's feature names.
extern const std::span<const std::string_view> kPlaceWords;

}  // namespace benchctl
