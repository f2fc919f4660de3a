// `benchctl gen json`: the deterministic input generator.
#include <fmt/format.h>

#include <cstdio>

#include "atomic_file.h"
#include "byte_size.h"
#include "commands.h"
#include "json_gen.h"
#include "sha256.h"

namespace benchctl {

void RegisterGen(CLI::App& app, int& exit_code) {
  struct Args {
    std::string shape, size = "1MB", out;
    std::uint64_t seed = 1;
  };
  auto args = std::make_shared<Args>();
  CLI::App* gen = app.add_subcommand("gen", "Generate benchmark inputs");
  gen->require_subcommand(1);
  CLI::App* json = gen->add_subcommand("json", "A JSON document of a given shape and size");
  json->add_option("--shape", args->shape, "twitter, citm or canada")->required();
  json->add_option("--size", args->size, "Target size, e.g. 64KB, 1MB, 50MB");
  json->add_option("--seed", args->seed, "Same seed, same bytes on every machine");
  json->add_option("--out", args->out, "Output file (default: stdout)");
  json->callback([args, &exit_code]() {
    std::string text =
        GenerateJson(ParseJsonShape(args->shape), ParseByteSize(args->size), args->seed);
    if (args->out.empty()) {
      std::fwrite(text.data(), 1, text.size(), stdout);
    } else {
      WriteFileAtomically(args->out, text);
      fmt::print(stderr, "{}: {} bytes, sha256 {}\n", args->out, text.size(), Sha256Hex(text));
    }
    exit_code = kExitOk;
  });
}

}  // namespace benchctl
