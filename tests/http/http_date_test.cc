// IMF-fixdate parsing and formatting (harness/http/http_date.h).
#include "http_date.h"

#include <gtest/gtest.h>

namespace benchctl {
namespace {

TEST(HttpDate, FormatsKnownInstants) {
  EXPECT_EQ(FormatImfFixdate(0), "Thu, 01 Jan 1970 00:00:00 GMT");
  EXPECT_EQ(FormatImfFixdate(951782400), "Tue, 29 Feb 2000 00:00:00 GMT");
  EXPECT_EQ(FormatImfFixdate(784111777), "Sun, 06 Nov 1994 08:49:37 GMT");
}

TEST(HttpDate, ParsesWhatItFormats) {
  EXPECT_EQ(ParseImfFixdate("Sun, 06 Nov 1994 08:49:37 GMT"),
            std::optional<std::time_t>(784111777));
  for (std::time_t t : {0L, 951782400L, 1796245200L}) {
    EXPECT_EQ(ParseImfFixdate(FormatImfFixdate(t)), std::optional<std::time_t>(t));
  }
}

TEST(HttpDate, RefusesOtherFormsAndImpossibleDates) {
  EXPECT_FALSE(ParseImfFixdate("Sunday, 06-Nov-94 08:49:37 GMT"));  // RFC 850.
  EXPECT_FALSE(ParseImfFixdate("Sun Nov  6 08:49:37 1994"));        // asctime.
  EXPECT_FALSE(ParseImfFixdate("Mon, 06 Nov 1994 08:49:37 GMT"));   // Wrong weekday.
  EXPECT_FALSE(ParseImfFixdate("Thu, 31 Feb 2000 00:00:00 GMT"));   // No such day.
  EXPECT_FALSE(ParseImfFixdate("Sun, 06 Nov 1994 24:00:00 GMT"));
  EXPECT_FALSE(ParseImfFixdate("Sun, 06 Nov 1994 08:49:37 UTC"));
  EXPECT_FALSE(ParseImfFixdate("sun, 06 Nov 1994 08:49:37 GMT"));
  EXPECT_FALSE(ParseImfFixdate(""));
}

}  // namespace
}  // namespace benchctl
