// The json suite's parameters, read once in setup, shared by the C++ implementations.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "benchlib.h"
#include "json/shared/cpp/stats.h"

namespace json_suite {

// The three operations of SPEC.md.
enum class Operation { kParseDom, kParseTyped, kSerialize };

// The input's shape; kUser is a document of unknown schema.
enum class Shape { kTwitter, kCitm, kCanada, kUser };

// Everything an implementation needs from its parameters.
struct Job {
  Operation operation = Operation::kParseDom;
  Shape shape = Shape::kUser;
  std::string input_path;
  std::string input;        // the whole file, read untimed
  std::string output_path;  // serialize only
};

// Parses BENCHCTL_PARAM_OP; throws benchlib::Error listing the allowed values.
inline Operation ParseOperation(std::string_view name) {
  if (name == "parse-dom") return Operation::kParseDom;
  if (name == "parse-typed") return Operation::kParseTyped;
  if (name == "serialize") return Operation::kSerialize;
  throw benchlib::Error("unknown operation '" + std::string(name) +
                        "' (expected parse-dom, parse-typed or serialize)");
}

// Parses BENCHCTL_PARAM_SHAPE; throws benchlib::Error listing the allowed values.
inline Shape ParseShape(std::string_view name) {
  if (name == "twitter") return Shape::kTwitter;
  if (name == "citm") return Shape::kCitm;
  if (name == "canada") return Shape::kCanada;
  if (name == "user") return Shape::kUser;
  throw benchlib::Error("unknown shape '" + std::string(name) +
                        "' (expected twitter, citm, canada or user)");
}

// Reads the parameters and the input file (untimed setup).
inline Job ReadJob(const benchlib::Session& session) {
  Job job;
  job.operation = ParseOperation(session.Param("OP"));
  job.shape = ParseShape(session.Param("SHAPE"));
  if (job.operation == Operation::kParseTyped && job.shape == Shape::kUser) {
    throw benchlib::Error("parse-typed needs a generated shape (twitter, citm or canada)");
  }
  if (job.operation == Operation::kSerialize) job.output_path = session.Param("OUTPUT");
  job.input_path = session.Param("INPUT");
  job.input = benchlib::ReadFile(job.input_path);
  return job;
}

// The counter every json workload reports: bytes processed per iteration.
inline benchlib::Counters BytesCounter(std::size_t bytes) {
  return {{"bytes_per_iteration", static_cast<std::int64_t>(bytes)}};
}

// Serialize's verification: writes the self-check's output file and returns {"output_bytes": N}.
inline nlohmann::json SerializeVerification(const Job& job, std::string_view output) {
  benchlib::WriteFile(job.output_path, output);
  return {{"output_bytes", output.size()}};
}

}  // namespace json_suite
