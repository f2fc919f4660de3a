// Tests for SHA-256 hex digests (harness/util/sha256.h) against the FIPS 180-2 example vectors.
#include "sha256.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "error.h"

namespace benchctl {
namespace {

// FIPS 180-2 Appendix B.1 and B.3 digests; the empty string's is the well-known e3b0... value.
constexpr const char* kAbcDigest =
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
constexpr const char* kEmptyDigest =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
constexpr const char* kMillionADigest =
    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";

std::filesystem::path WriteTempFile(const std::string& name, const std::string& contents) {
  const std::filesystem::path path = std::filesystem::path(::testing::TempDir()) / name;
  std::ofstream(path, std::ios::binary) << contents;
  return path;
}

TEST(Sha256Test, KnownVectors) {
  EXPECT_EQ(Sha256Hex("abc"), kAbcDigest);
  EXPECT_EQ(Sha256Hex(""), kEmptyDigest);
  EXPECT_EQ(Sha256Hex(std::string(1000000, 'a')), kMillionADigest);
}

TEST(Sha256Test, FileDigestMatchesAcrossChunks) {
  // A million bytes span many read chunks, so this checks the streaming loop.
  const std::filesystem::path path =
      WriteTempFile("sha256_test_million_a", std::string(1000000, 'a'));
  EXPECT_EQ(Sha256HexOfFile(path), kMillionADigest);
  std::filesystem::remove(path);
}

TEST(Sha256Test, EmptyFile) {
  const std::filesystem::path path = WriteTempFile("sha256_test_empty", "");
  EXPECT_EQ(Sha256HexOfFile(path), kEmptyDigest);
  std::filesystem::remove(path);
}

TEST(Sha256Test, MissingFileIsAnErrorNamingIt) {
  const std::filesystem::path path =
      std::filesystem::path(::testing::TempDir()) / "sha256_test_does_not_exist";
  try {
    Sha256HexOfFile(path);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "cannot read " + path.string() +
                                         " to compute its SHA-256: No such file or directory");
  }
}

TEST(Sha256Test, DirectoryIsAnError) { EXPECT_THROW(Sha256HexOfFile(::testing::TempDir()), Error); }

}  // namespace
}  // namespace benchctl
