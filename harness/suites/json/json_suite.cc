#include "json_suite.h"

#include <fmt/format.h>

#include <algorithm>

#include "byte_size.h"
#include "json_inputs.h"
#include "json_options.h"
#include "json_verify.h"
#include "system_info.h"

namespace benchctl {
namespace {

std::vector<JsonShape> DistinctShapes(const std::vector<std::string>& names) {
  std::vector<JsonShape> out;
  for (const auto& name : names) {
    JsonShape shape = ParseJsonShape(name);
    if (std::find(out.begin(), out.end(), shape) == out.end()) out.push_back(shape);
  }
  return out;
}

// 64KB and 64000 are one size: one job, not two with the same id.
std::vector<std::uint64_t> DistinctSizes(const std::vector<std::string>& texts) {
  std::vector<std::uint64_t> out;
  auto available = ReadMemAvailableBytes();
  for (const auto& text : texts) {
    std::uint64_t bytes = ParseByteSize(text);
    CheckGeneratedSize(text, bytes, available);
    if (std::find(out.begin(), out.end(), bytes) == out.end()) out.push_back(bytes);
  }
  return out;
}

class JsonSuite : public Suite {
 public:
  std::vector<std::string> Operations() const override {
    return {"parse-dom", "parse-typed", "serialize"};
  }
  int DefaultProcesses() const override { return 10; }

  void Prepare(const RunOptions& options, const Paths& paths) override {
    std::vector<std::string> shapes = options.SuiteOptionValues(kShapeOption);
    std::vector<std::string> sizes = options.SuiteOptionValues(kSizeOption);
    const std::vector<std::string>& inputs = options.SuiteOptionValues(kInputOption);
    if (shapes.empty() && !inputs.empty() && sizes.empty()) {
      // Only the user's documents were asked for.
    } else {
      if (shapes.empty()) shapes = {"twitter", "citm", "canada"};
      if (sizes.empty()) sizes = {options.quick ? "64KB" : "1MB"};
    }
    // Every option and file is checked before any document is generated.
    std::vector<JsonShape> shape_list = DistinctShapes(shapes);
    std::vector<std::uint64_t> byte_list = DistinctSizes(sizes);
    std::vector<std::filesystem::path> files(inputs.begin(), inputs.end());
    std::vector<std::string> names = DistinctInputNames(files);
    std::vector<JsonInput> user;
    for (std::size_t i = 0; i < files.size(); ++i) {
      user.push_back(ReadUserInput(std::filesystem::absolute(files[i]), names[i]));
    }
    std::filesystem::create_directories(paths.scratch / "inputs");
    for (JsonShape shape : shape_list) {
      for (std::uint64_t bytes : byte_list) {
        inputs_.push_back(
            GenerateInput(shape, bytes, options.input_seed, paths.scratch / "inputs"));
      }
    }
    std::move(user.begin(), user.end(), std::back_inserter(inputs_));
  }

  std::vector<JobSpec> PlanJobs(const Manifest& m, const std::string& binary, const RunOptions&,
                                const Paths& paths) const override {
    std::vector<JobSpec> jobs;
    for (const auto& op : m.operations) {
      for (const auto& input : inputs_) {
        if (op == "parse-typed" && input.info.shape == "user") continue;
        JobSpec job = BaseJob(m, op, binary);
        job.id += "/" + input.info.name;
        job.input = input.info;
        job.bytes_per_op = static_cast<double>(input.info.bytes);
        job.env["BENCHCTL_PARAM_OP"] = op;
        job.env["BENCHCTL_PARAM_INPUT"] = input.info.path;
        job.env["BENCHCTL_PARAM_SHAPE"] = input.info.shape;
        if (op == "parse-typed") {
          job.expected = input.typed_stats;
        } else {
          job.expected = input.dom_stats;
        }
        if (op == "serialize") {
          std::string file = job.id;
          std::replace(file.begin(), file.end(), '/', '_');
          // The run's own folder: a concurrent run must not overwrite it.
          std::string output = (paths.scratch / "outputs" / (file + ".json")).string();
          std::filesystem::create_directories(paths.scratch / "outputs");
          job.env["BENCHCTL_PARAM_OUTPUT"] = output;
          job.verify = "serialized-file";
          job.check = [output, expected = job.expected](const nlohmann::json& value) {
            return CheckSerializedOutput(output, expected, value);
          };
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
      inputs.push_back(std::move(j));
    }
    // "reference_language": the language others are shown against in `show`'s ratio table.
    return {{"inputs", inputs}, {"reference_language", "cpp"}};
  }

 private:
  std::vector<JsonInput> inputs_;
};

}  // namespace

std::unique_ptr<Suite> MakeJsonSuite() { return std::make_unique<JsonSuite>(); }

}  // namespace benchctl
