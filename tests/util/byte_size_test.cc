// Tests for --size parsing and size formatting (harness/util/byte_size.h).
#include "byte_size.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

#include "error.h"

namespace benchctl {
namespace {

TEST(ByteSizeTest, ParsesPlainBytes) {
  EXPECT_EQ(ParseByteSize("0"), 0u);
  EXPECT_EQ(ParseByteSize("4096"), 4096u);
  EXPECT_EQ(ParseByteSize("4096B"), 4096u);
  EXPECT_EQ(ParseByteSize("18446744073709551615"), std::numeric_limits<std::uint64_t>::max());
}

TEST(ByteSizeTest, DecimalUnitsArePowersOf1000) {
  EXPECT_EQ(ParseByteSize("64KB"), 64000u);
  EXPECT_EQ(ParseByteSize("1MB"), 1000000u);
  EXPECT_EQ(ParseByteSize("50MB"), 50000000u);
  EXPECT_EQ(ParseByteSize("1GB"), 1000000000u);
  EXPECT_EQ(ParseByteSize("2TB"), 2000000000000u);
}

TEST(ByteSizeTest, BinaryUnitsArePowersOf1024) {
  EXPECT_EQ(ParseByteSize("64KiB"), 65536u);
  EXPECT_EQ(ParseByteSize("1MiB"), 1048576u);
  EXPECT_EQ(ParseByteSize("1GiB"), 1073741824u);
  EXPECT_EQ(ParseByteSize("1TiB"), 1099511627776u);
}

TEST(ByteSizeTest, UnitsIgnoreCase) {
  EXPECT_EQ(ParseByteSize("64kb"), 64000u);
  EXPECT_EQ(ParseByteSize("1mib"), 1048576u);
  EXPECT_EQ(ParseByteSize("10b"), 10u);
}

TEST(ByteSizeTest, RejectsBadForms) {
  for (const char* bad :
       {"", "MB", "abc", "-1", "+1", " 1", "1 KB", "1.5MB", "12XB", "1KBB", "0x10"}) {
    EXPECT_THROW(ParseByteSize(bad), Error) << bad;
  }
}

TEST(ByteSizeTest, ErrorNamesTheInputAndTheAllowedForms) {
  try {
    ParseByteSize("12XB");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "invalid size '12XB': unknown unit 'XB'; use a whole number of bytes with an "
              "optional unit: B, KB, MB, GB, TB (powers of 1000) or KiB, MiB, GiB, TiB (powers "
              "of 1024), e.g. 4096, 64KB, 50MB, 1GiB");
  }
}

TEST(ByteSizeTest, RejectsOverflow) {
  EXPECT_THROW(ParseByteSize("18446744073709551616"), Error);
  EXPECT_THROW(ParseByteSize("20000000TB"), Error);  // 2e19 > 2^64
  EXPECT_EQ(ParseByteSize("16777215TiB"), 16777215ULL << 40);
  EXPECT_THROW(ParseByteSize("16777216TiB"), Error);  // exactly 2^64
}

TEST(ByteSizeTest, FormatsExactMultiplesInTheirUnit) {
  EXPECT_EQ(FormatByteSize(0), "0B");
  EXPECT_EQ(FormatByteSize(512), "512B");
  EXPECT_EQ(FormatByteSize(64000), "64KB");
  EXPECT_EQ(FormatByteSize(65536), "64KiB");
  EXPECT_EQ(FormatByteSize(50000000), "50MB");
  EXPECT_EQ(FormatByteSize(1000000000), "1GB");
  EXPECT_EQ(FormatByteSize(1073741824), "1GiB");
  EXPECT_EQ(FormatByteSize(2048000), "2048KB");  // decimal wins when both divide
}

TEST(ByteSizeTest, ExactFormsRoundTrip) {
  for (std::uint64_t bytes : {0ULL, 7ULL, 999ULL, 64000ULL, 65536ULL, 3ULL << 30, 5000000000ULL}) {
    EXPECT_EQ(ParseByteSize(FormatByteSize(bytes)), bytes) << bytes;
  }
}

TEST(ByteSizeTest, RoundsOtherValuesToOneDecimal) {
  EXPECT_EQ(FormatByteSize(1500), "1.5KB");
  EXPECT_EQ(FormatByteSize(1001), "1.0KB");
  EXPECT_EQ(FormatByteSize(50004425), "50.0MB");
  EXPECT_EQ(FormatByteSize(51234567), "51.2MB");
  EXPECT_EQ(FormatByteSize(999999), "1.0MB");  // not "1000.0KB"
  EXPECT_EQ(FormatByteSize(std::numeric_limits<std::uint64_t>::max()), "18446744.1TB");
}

}  // namespace
}  // namespace benchctl
