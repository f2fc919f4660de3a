#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "byte_size.h"
#include "error.h"
#include "json_gen.h"
#include "json_reference.h"
#include "result_file.h"
#include "sha256.h"
#include "suites.h"

namespace benchctl {
namespace {

// One document every implementation parses, with its reference values.
struct PreparedInput {
  InputInfo info;
  nlohmann::json dom_stats;    // Reference for parse-dom and serialize.
  nlohmann::json typed_stats;  // Reference for parse-typed (generated shapes only).
  std::string problem;         // Non-empty: the input cannot be used (named file, offset).
};

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(fmt::format("{}: cannot be read (does it exist?)", path.string()));
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

class JsonSuite : public Suite {
 public:
  std::vector<std::string> Operations() const override {
    return {"parse-dom", "parse-typed", "serialize"};
  }
  int DefaultProcesses() const override { return 10; }

  void Prepare(const RunOptions& options, const Paths& paths) override {
    std::filesystem::create_directories(paths.build / "inputs");
    std::vector<std::string> shapes = options.shapes;
    std::vector<std::string> sizes = options.sizes;
    if (shapes.empty() && !options.inputs.empty() && options.sizes.empty()) {
      // Only the user's documents were asked for.
    } else {
      if (shapes.empty()) shapes = {"twitter", "citm", "canada"};
      if (sizes.empty()) sizes = {options.quick ? "64KB" : "1MB"};
    }
    for (const auto& shape_name : shapes) {
      JsonShape shape = ParseJsonShape(shape_name);
      for (const auto& size_text : sizes) {
        std::uint64_t bytes = ParseByteSize(size_text);
        PrepareGenerated(shape, bytes, options.input_seed, paths);
      }
    }
    for (const auto& file : options.inputs) PrepareUser(file);
  }

  std::vector<JobSpec> PlanJobs(const Manifest& m, const std::string& binary,
                                const RunOptions& options, const Paths& paths) const override {
    std::vector<JobSpec> jobs;
    for (const auto& op : m.operations) {
      if (!options.operations.empty() &&
          std::find(options.operations.begin(), options.operations.end(), op) ==
              options.operations.end()) {
        continue;
      }
      for (const auto& input : inputs_) {
        if (op == "parse-typed" && input.info.shape == "user") continue;
        JobSpec job = BaseJob(m, op, binary);
        job.id += "/" + input.info.name;
        job.input = input.info;
        job.bytes_per_op = static_cast<double>(input.info.bytes);
        job.env["BENCHCTL_PARAM_OP"] = op;
        job.env["BENCHCTL_PARAM_INPUT"] = input.info.path;
        job.env["BENCHCTL_PARAM_SHAPE"] = input.info.shape;
        job.setup_failure = input.problem;
        if (op == "parse-typed") {
          job.expected = input.typed_stats;
        } else {
          job.expected = input.dom_stats;
        }
        if (op == "serialize") {
          std::string file = job.id;
          std::replace(file.begin(), file.end(), '/', '_');
          job.output_path = (paths.build / "outputs" / (file + ".json")).string();
          std::filesystem::create_directories(paths.build / "outputs");
          job.env["BENCHCTL_PARAM_OUTPUT"] = job.output_path;
          job.verify = VerifyKind::kSerializedFile;
        }
        jobs.push_back(std::move(job));
      }
    }
    return jobs;
  }

  nlohmann::json Describe() const override {
    nlohmann::json inputs = nlohmann::json::array();
    for (const auto& in : inputs_) {
      nlohmann::json j = {{"name", in.info.name},     {"shape", in.info.shape},
                          {"seed", in.info.seed},     {"bytes", in.info.bytes},
                          {"sha256", in.info.sha256}, {"path", in.info.path}};
      if (!in.problem.empty()) j["problem"] = in.problem;
      inputs.push_back(std::move(j));
    }
    return {{"inputs", inputs}};
  }

 private:
  void PrepareGenerated(JsonShape shape, std::uint64_t bytes, std::uint64_t seed,
                        const Paths& paths) {
    PreparedInput in;
    in.info.shape = std::string(JsonShapeName(shape));
    in.info.name = fmt::format("{}-{}", in.info.shape, FormatByteSize(bytes));
    in.info.seed = seed;
    auto path = paths.build / "inputs" / fmt::format("{}-s{}.json", in.info.name, seed);
    // Regenerated every run: generation is fast, and a cached file could be stale.
    std::string text = GenerateJson(shape, bytes, seed);
    WriteFileAtomically(path, text);
    Finish(in, path, text);
  }

  void PrepareUser(const std::string& file) {
    PreparedInput in;
    in.info.shape = "user";
    in.info.name = std::filesystem::path(file).filename().string();
    std::filesystem::path path = std::filesystem::absolute(file);
    try {
      std::string text = ReadFile(path);
      Finish(in, path, text);
    } catch (const Error& e) {
      in.info.path = path.string();
      in.problem = e.what();
      inputs_.push_back(std::move(in));
    }
  }

  void Finish(PreparedInput& in, const std::filesystem::path& path, const std::string& text) {
    in.info.path = path.string();
    in.info.bytes = text.size();
    in.info.sha256 = Sha256Hex(text);
    try {
      JsonStats stats = ComputeJsonStats(text, path.string());
      in.dom_stats = stats.ToDomJson();
      in.typed_stats = stats.ToTypedJson();
    } catch (const Error& e) {
      in.problem = e.what();
    }
    inputs_.push_back(std::move(in));
  }

  std::vector<PreparedInput> inputs_;
};

}  // namespace

std::unique_ptr<Suite> MakeJsonSuite() { return std::make_unique<JsonSuite>(); }

}  // namespace benchctl
