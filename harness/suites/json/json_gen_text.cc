// The generator's JSON writer and word pools. Pool entries are stored JSON-escaped so that writing
// them is a plain append; this file is UTF-8 and g++/clang++ keep string literals as UTF-8.
#include "json_gen_text.h"

#include <array>
#include <charconv>
#include <system_error>

#include "error.h"

namespace benchctl {

void JsonOut::Key(std::string_view key) {
  if (need_comma_) out_ += ',';
  out_ += '"';
  out_ += key;
  out_ += "\":";
  need_comma_ = false;
}

void JsonOut::String(std::string_view escaped) {
  BeginString() += escaped;
  EndString();
}

void JsonOut::Uint(std::uint64_t value) { AppendUint(Raw(), value); }

void JsonOut::Double(double value) {
  // std::to_chars without a format or precision is the shortest form that round-trips, fully
  // specified by the standard, so the bytes do not depend on the library or the locale.
  std::array<char, 32> buffer;
  auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  BENCHCTL_CHECK(ec == std::errc());
  std::string& out = Raw();
  out.append(buffer.data(), end);
  // Shortest form writes integral values as "-123" or "5000000000000000"; ".0" keeps them float
  // tokens, so typed decoders never see an integer (or one too large for 64 bits) in a float field.
  if (std::string_view(buffer.data(), end).find_first_of(".e") == std::string_view::npos) {
    out += ".0";
  }
}

void JsonOut::Words(SplitMix64& rng, std::span<const std::string_view> pool,
                    std::uint64_t min_words, std::uint64_t max_words, std::string_view separator) {
  AppendWords(BeginString(), rng, pool, rng.Between(min_words, max_words), separator);
  EndString();
}

std::string& JsonOut::Raw() {
  if (need_comma_) out_ += ',';
  need_comma_ = true;
  return out_;
}

void JsonOut::Open(char bracket) {
  if (need_comma_) out_ += ',';
  out_ += bracket;
  need_comma_ = false;
}

void JsonOut::Close(char bracket) {
  out_ += bracket;
  need_comma_ = true;
}

void JsonOut::Scalar(std::string_view text) { Raw() += text; }

void AppendUint(std::string& out, std::uint64_t value) {
  std::array<char, 24> buffer;
  auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  BENCHCTL_CHECK(ec == std::errc());
  out.append(buffer.data(), end);
}

void AppendWords(std::string& out, SplitMix64& rng, std::span<const std::string_view> pool,
                 std::uint64_t count, std::string_view separator) {
  for (std::uint64_t i = 0; i < count; ++i) {
    if (i != 0) out += separator;
    out += Pick(rng, pool);
  }
}

std::string_view Pick(SplitMix64& rng, std::span<const std::string_view> pool) {
  return pool[static_cast<std::size_t>(rng.Below(pool.size()))];
}

namespace {

using namespace std::string_view_literals;

constexpr std::array kEnglish = {
    "the"sv,      "quick"sv,  "benchmark"sv, "coffee"sv,    "morning"sv,
    "weekend"sv,  "music"sv,  "love"sv,      "today"sv,     "great"sv,
    "new"sv,      "video"sv,  "photo"sv,     "check"sv,     "out"sv,
    "live"sv,     "game"sv,   "city"sv,      "happy"sv,     "friends"sv,
    "tonight"sv,  "thanks"sv, "follow"sv,    "news"sv,      "best"sv,
    "time"sv,     "world"sv,  "just"sv,      "#rustlang"sv, "#golang"sv,
    "#ziglang"sv, "#cpp"sv,   "@benchctl"sv, "RT"sv,        "http:\\/\\/t.co\\/x1Yz"sv,
};
constexpr std::array kJapanese = {
    "今日"sv,     "は"sv,       "とても"sv, "楽しい"sv, "東京"sv,     "ありがとう"sv,
    "コーヒー"sv, "ラーメン"sv, "天気"sv,   "明日"sv,   "友達"sv,     "音楽"sv,
    "写真"sv,     "新しい"sv,   "週末"sv,   "大好き"sv, "おはよう"sv, "仕事"sv,
    "電車"sv,     "、"sv,       "。"sv,     "！"sv,
};
constexpr std::array kRussian = {
    "привет"sv, "мир"sv,     "сегодня"sv,  "утро"sv,   "кофе"sv,   "музыка"sv,
    "друзья"sv, "новости"sv, "погода"sv,   "Москва"sv, "хорошо"sv, "спасибо"sv,
    "город"sv,  "работа"sv,  "выходные"sv, "люблю"sv,  "ёлка"sv,   "Ж"sv,
};
constexpr std::array kAccented = {
    "café"sv,    "été"sv,     "très"sv,   "déjà"sv,       "où"sv,     "garçon"sv,
    "élève"sv,   "fenêtre"sv, "crème"sv,  "brûlée"sv,     "Noël"sv,   "naïve"sv,
    "hôtel"sv,   "forêt"sv,   "à"sv,      "bientôt"sv,    "mañana"sv, "niño"sv,
    "corazón"sv, "canción"sv, "fútbol"sv, "Ærøskøbing"sv, "Straße"sv, "Łódź"sv,
};
constexpr std::array kEmojiPool = {
    "😀"sv,
    "🎉"sv,
    "👍"sv,
    "🔥"sv,
    "😂"sv,
    "🍣"sv,
    "🚀"sv,
    "✨"sv,
    "❤️"sv,
    "🇯🇵"sv,
    "\\ud83d\\ude00"sv,
    "\\ud83d\\udc4d"sv,
    "\\ud83c\\udf89"sv,
    "\\ud83d\\udd25"sv,
};
constexpr std::array kEscapePool = {
    "\\n"sv,
    "line\\nbreak"sv,
    "\\\"quoted\\\""sv,
    "C:\\\\temp\\\\x"sv,
    "and\\/or"sv,
    "caf\\u00e9"sv,
    "\\u3053\\u3093\\u306b\\u3061\\u306f"sv,
    "tab\\there"sv,
    "\\u0416\\u0443\\u043a"sv,
    "\\\\"sv,
    "\\/"sv,
};
constexpr std::array kConcert = {
    "Orchestre"sv,
    "Philharmonique"sv,
    "de"sv,
    "Radio"sv,
    "France"sv,
    "Quatuor"sv,
    "Concert"sv,
    "Récital"sv,
    "Symphonie"sv,
    "Ensemble"sv,
    "Intercontemporain"sv,
    "Chœur"sv,
    "Opéra"sv,
    "Soirée"sv,
    "Musique"sv,
    "Baroque"sv,
    "Jeunes"sv,
    "Talents"sv,
    "Festival"sv,
    "Piano"sv,
    "Violon"sv,
    "Mozart"sv,
    "Brahms"sv,
    "Debussy"sv,
    "Ravel"sv,
    "Fauré"sv,
    "Dvořák"sv,
    "Tchaïkovski"sv,
    "Salle"sv,
    "Pleyel"sv,
    "Cité"sv,
    "la"sv,
    "et"sv,
    "du"sv,
};
constexpr std::array kPlace = {
    "Lac"sv,     "Saint"sv, "Rivière"sv, "Île"sv,      "Baie"sv,           "Mont"sv,
    "North"sv,   "River"sv, "Lake"sv,    "Bay"sv,      "Island"sv,         "Québec"sv,
    "Nunavut"sv, "Yukon"sv, "Ontario"sv, "Manitoba"sv, "Trois-Rivières"sv, "Sept-Îles"sv,
    "Iqaluit"sv, "ᐃᖃᓗᐃᑦ"sv, "Prince"sv,  "Edward"sv,   "Fort"sv,           "Providence"sv,
};

}  // namespace

constinit const std::span<const std::string_view> kEnglishWords = kEnglish;
constinit const std::span<const std::string_view> kJapaneseWords = kJapanese;
constinit const std::span<const std::string_view> kRussianWords = kRussian;
constinit const std::span<const std::string_view> kAccentedWords = kAccented;
constinit const std::span<const std::string_view> kEmoji = kEmojiPool;
constinit const std::span<const std::string_view> kEscapes = kEscapePool;
constinit const std::span<const std::string_view> kConcertWords = kConcert;
constinit const std::span<const std::string_view> kPlaceWords = kPlace;

}  // namespace benchctl
