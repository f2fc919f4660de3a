// SHA-256 through OpenSSL's EVP interface (the non-deprecated API in OpenSSL 3).
#include "sha256.h"

#include <openssl/evp.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "error.h"

namespace benchctl {
namespace {

// Large enough that read() calls are not the bottleneck, small enough for the stack.
constexpr std::size_t kChunkBytes = 64 * 1024;

using DigestContext = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;
using File = std::unique_ptr<std::FILE, decltype(&std::fclose)>;

std::string ToHex(const unsigned char* digest, unsigned int size) {
  constexpr std::string_view kDigits = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * size);
  for (unsigned int i = 0; i < size; ++i) {
    hex += kDigits[digest[i] >> 4];
    hex += kDigits[digest[i] & 0xf];
  }
  return hex;
}

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest;
  unsigned int size = 0;
  // Failure here means OpenSSL itself is broken (SHA-256 is always available): an invariant.
  BENCHCTL_CHECK(
      EVP_Digest(bytes.data(), bytes.size(), digest.data(), &size, EVP_sha256(), nullptr) == 1);
  return ToHex(digest.data(), size);
}

std::string Sha256HexOfFile(const std::filesystem::path& path) {
  File file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) {
    throw Error("cannot read " + path.string() +
                " to compute its SHA-256: " + std::strerror(errno));
  }
  DigestContext context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  BENCHCTL_CHECK(context != nullptr);
  BENCHCTL_CHECK(EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) == 1);
  std::array<char, kChunkBytes> chunk;
  std::size_t read = 0;
  while ((read = std::fread(chunk.data(), 1, chunk.size(), file.get())) > 0) {
    BENCHCTL_CHECK(EVP_DigestUpdate(context.get(), chunk.data(), read) == 1);
  }
  if (std::ferror(file.get())) {
    throw Error("cannot read " + path.string() +
                " to compute its SHA-256: " + std::strerror(errno));
  }
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest;
  unsigned int size = 0;
  BENCHCTL_CHECK(EVP_DigestFinal_ex(context.get(), digest.data(), &size) == 1);
  return ToHex(digest.data(), size);
}

}  // namespace benchctl
