// The twitter shape: a string-heavy feed of statuses (workloads/json/SPEC.md "twitter").
#include <array>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "json_gen_shapes.h"
#include "json_gen_text.h"

namespace benchctl {
namespace {

using namespace std::string_view_literals;

// Real twitter ids and dates from the era of the classic twitter.json, for realistic magnitudes:
// ids need 59 bits, so they exercise integers above 2^53.
constexpr std::uint64_t kFirstStatusId = 505874924095815681ULL;
constexpr std::int64_t kFirstStatusTime = 1409444955;  // Sun Aug 31 00:29:15 +0000 2014

constexpr std::array kSources = {
    R"(<a href=\"http:\/\/twitter.com\/download\/iphone\" rel=\"nofollow\">Twitter for iPhone<\/a>)"sv,
    R"(<a href=\"http:\/\/twitter.com\/download\/android\" rel=\"nofollow\">Twitter for Android<\/a>)"sv,
    R"(<a href=\"https:\/\/about.twitter.com\/products\/tweetdeck\" rel=\"nofollow\">TweetDeck<\/a>)"sv,
    "web"sv,
};
constexpr std::array kLangs = {"en"sv, "ja"sv, "ru"sv, "fr"sv};
constexpr std::size_t kJapanese = 1;  // index in kLangs; Japanese is written without spaces
constexpr std::string_view kAlnum =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
constexpr std::array<std::string_view, 7> kWeekdays = {"Sun", "Mon", "Tue", "Wed",
                                                       "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// The word pool a status in language `lang` (an index into kLangs) draws from.
std::span<const std::string_view> LangPool(std::size_t lang) {
  switch (lang) {
    case kJapanese:
      return kJapaneseWords;
    case 2:
      return kRussianWords;
    case 3:
      return kAccentedWords;
    default:
      return kEnglishWords;
  }
}

// A quoted text of `count` words in `lang`, with emoji and escapes mixed in as real feeds have.
void AppendText(JsonOut& json, SplitMix64& rng, std::size_t lang, std::uint64_t count) {
  std::string& out = json.BeginString();
  const std::string_view separator = lang == kJapanese ? ""sv : " "sv;
  for (std::uint64_t i = 0; i < count; ++i) {
    if (i != 0) out += separator;
    const std::uint64_t roll = rng.Below(100);
    out += Pick(rng, roll < 10 ? kEmoji : roll < 17 ? kEscapes : LangPool(lang));
  }
  json.EndString();
}

// `count` characters of [A-Za-z0-9_], as in screen names and t.co links.
void AppendAlnum(std::string& out, SplitMix64& rng, std::uint64_t count) {
  for (std::uint64_t i = 0; i < count; ++i) out += kAlnum[rng.Below(kAlnum.size())];
}

void AppendTwoDigits(std::string& out, unsigned value) {
  out += static_cast<char>('0' + value / 10);
  out += static_cast<char>('0' + value % 10);
}

// Twitter's date format, "Sun Aug 31 00:29:15 +0000 2014", computed with the proleptic
// Gregorian calendar of <chrono> so the weekday matches the date.
void AppendDate(JsonOut& json, std::int64_t unix_seconds) {
  using namespace std::chrono;
  const sys_seconds time{seconds{unix_seconds}};
  const sys_days day = floor<days>(time);
  const year_month_day ymd{day};
  const hh_mm_ss hms{time - day};
  std::string& out = json.BeginString();
  out += kWeekdays[weekday{day}.c_encoding()];
  out += ' ';
  out += kMonths[unsigned{ymd.month()} - 1];
  out += ' ';
  AppendTwoDigits(out, unsigned{ymd.day()});
  out += ' ';
  AppendTwoDigits(out, static_cast<unsigned>(hms.hours().count()));
  out += ':';
  AppendTwoDigits(out, static_cast<unsigned>(hms.minutes().count()));
  out += ':';
  AppendTwoDigits(out, static_cast<unsigned>(hms.seconds().count()));
  out += " +0000 ";
  AppendUint(out, static_cast<std::uint64_t>(int{ymd.year()}));
  json.EndString();
}

// A count with a long tail: most accounts are small, a few are huge.
std::uint64_t SkewedCount(SplitMix64& rng, std::uint64_t max_digits) {
  std::uint64_t limit = 1;
  for (std::uint64_t i = rng.Between(1, max_digits); i > 0; --i) limit *= 10;
  return rng.Below(limit);
}

void AppendIndices(JsonOut& json, SplitMix64& rng) {
  const std::uint64_t start = rng.Below(120);
  json.BeginArray();
  json.Uint(start);
  json.Uint(start + rng.Between(2, 20));
  json.EndArray();
}

void AppendTcoUrl(JsonOut& json, SplitMix64& rng) {
  std::string& out = json.BeginString();
  out += R"(http:\/\/t.co\/)";
  AppendAlnum(out, rng, 10);
  json.EndString();
}

void AppendUser(JsonOut& json, SplitMix64& rng, std::size_t lang, std::int64_t now) {
  const std::uint64_t id = rng.Between(1000000, 3000000000);
  json.BeginObject();
  json.Key("id");
  json.Uint(id);
  json.Key("id_str");
  AppendUint(json.BeginString(), id);
  json.EndString();
  json.Key("name");
  json.Words(rng, LangPool(lang), 1, 3, lang == kJapanese ? ""sv : " "sv);
  json.Key("screen_name");
  AppendAlnum(json.BeginString(), rng, rng.Between(4, 15));
  json.EndString();
  json.Key("location");
  json.Words(rng, LangPool(lang), 0, 2);
  json.Key("description");
  AppendText(json, rng, lang, rng.Below(25));
  json.Key("url");
  if (rng.Percent(40)) {
    json.Null();
  } else {
    AppendTcoUrl(json, rng);
  }
  json.Key("followers_count");
  json.Uint(SkewedCount(rng, 7));
  json.Key("friends_count");
  json.Uint(SkewedCount(rng, 4));
  json.Key("verified");
  json.Bool(rng.Percent(3));
  json.Key("created_at");
  AppendDate(json, now - static_cast<std::int64_t>(rng.Below(8LL * 365 * 86400)));
  json.Key("profile_image_url");
  std::string& out = json.BeginString();
  out += R"(http:\/\/pbs.twimg.com\/profile_images\/)";
  AppendUint(out, rng.Between(100000000, 999999999));
  out += R"(\/)";
  AppendAlnum(out, rng, 8);
  out += "_normal.jpeg";
  json.EndString();
  json.EndObject();
}

void AppendEntities(JsonOut& json, SplitMix64& rng) {
  json.BeginObject();
  json.Key("hashtags");
  json.BeginArray();
  for (std::uint64_t i = rng.Below(4); i > 0; --i) {
    json.BeginObject();
    json.Key("text");
    json.Words(rng, rng.Percent(50) ? kEnglishWords : kJapaneseWords, 1, 2, ""sv);
    json.Key("indices");
    AppendIndices(json, rng);
    json.EndObject();
  }
  json.EndArray();
  json.Key("urls");
  json.BeginArray();
  for (std::uint64_t i = rng.Below(3); i > 0; --i) {
    json.BeginObject();
    json.Key("url");
    AppendTcoUrl(json, rng);
    json.Key("expanded_url");
    std::string& out = json.BeginString();
    out += R"(https:\/\/example.com\/)";
    AppendWords(out, rng, kEnglishWords, rng.Between(1, 4), R"(\/)");
    json.EndString();
    json.Key("indices");
    AppendIndices(json, rng);
    json.EndObject();
  }
  json.EndArray();
  json.Key("user_mentions");
  json.BeginArray();
  for (std::uint64_t i = rng.Below(3); i > 0; --i) {
    json.BeginObject();
    json.Key("screen_name");
    AppendAlnum(json.BeginString(), rng, rng.Between(4, 15));
    json.EndString();
    json.Key("name");
    json.Words(rng, LangPool(rng.Below(kLangs.size())), 1, 3);
    json.Key("id");
    json.Uint(rng.Between(1000000, 3000000000));
    json.Key("indices");
    AppendIndices(json, rng);
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
}

void AppendStatus(JsonOut& json, SplitMix64& rng, std::uint64_t id, std::int64_t time) {
  const std::size_t lang = static_cast<std::size_t>(rng.Below(kLangs.size()));
  json.BeginObject();
  json.Key("id");
  json.Uint(id);
  json.Key("id_str");
  AppendUint(json.BeginString(), id);
  json.EndString();
  json.Key("created_at");
  AppendDate(json, time);
  json.Key("text");
  AppendText(json, rng, lang, rng.Between(3, 24));
  json.Key("source");
  json.String(Pick(rng, kSources));
  json.Key("truncated");
  json.Bool(rng.Percent(5));
  json.Key("in_reply_to_status_id");
  if (rng.Percent(75)) {
    json.Null();
  } else {
    json.Uint(id - rng.Between(1, 1000000000000));
  }
  json.Key("user");
  AppendUser(json, rng, lang, time);
  json.Key("entities");
  AppendEntities(json, rng);
  json.Key("retweet_count");
  json.Uint(SkewedCount(rng, 5));
  json.Key("favorite_count");
  json.Uint(SkewedCount(rng, 4));
  json.Key("favorited");
  json.Bool(rng.Percent(10));
  json.Key("retweeted");
  json.Bool(rng.Percent(10));
  json.Key("lang");
  json.String(kLangs[lang]);
  json.EndObject();
}

}  // namespace

void GenerateTwitterJson(std::uint64_t target_bytes, SplitMix64& rng, std::string& out) {
  JsonOut json(out);
  json.BeginObject();
  json.Key("statuses");
  json.BeginArray();
  const std::uint64_t max_id = kFirstStatusId + rng.Below(1000000000000);
  std::uint64_t id = max_id;
  std::int64_t time = kFirstStatusTime;
  std::uint64_t count = 0;
  // Newest first, as the search API returns them; at least one status even for tiny targets.
  do {
    AppendStatus(json, rng, id, time);
    ++count;
    id -= rng.Between(1, 100000000000);
    time -= static_cast<std::int64_t>(rng.Below(60));
  } while (out.size() < target_bytes);
  json.EndArray();
  json.Key("search_metadata");
  json.BeginObject();
  json.Key("count");
  json.Uint(count);
  json.Key("completed_in");
  // One correctly rounded division of small integers, so the value is the same everywhere.
  json.Double(static_cast<double>(rng.Between(1, 999)) / 1000.0);
  json.Key("max_id");
  json.Uint(max_id);
  json.Key("query");
  json.String("%23benchctl+%E4%BB%8A%E6%97%A5");
  json.Key("next_results");
  std::string& meta = json.BeginString();
  meta += "?max_id=";
  AppendUint(meta, id);
  meta += R"(&q=%23benchctl+%E4%BB%8A%E6%97%A5&count=)";
  AppendUint(meta, count);
  meta += "&include_entities=1";
  json.EndString();
  json.EndObject();
  json.EndObject();
}

}  // namespace benchctl
