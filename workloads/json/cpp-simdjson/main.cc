// json suite (workloads/json/SPEC.md) with simdjson: DOM for parse-dom and serialize,
// On-Demand for parse-typed.
#include <simdjson.h>

#include <cstddef>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>

#include "benchlib.h"
#include "json/cpp-simdjson/dom.h"
#include "json/cpp-simdjson/typed.h"
#include "json/shared/cpp/job.h"
#include "json/shared/cpp/shapes.h"
#include "json/shared/cpp/stats.h"

namespace json_suite {
namespace {

// "path: message", with the byte offset when the parser can say where it stopped.
std::string Describe(const Job& job, simdjson::error_code error,
                     std::optional<std::size_t> offset = std::nullopt) {
  std::string text = job.input_path + ": ";
  if (offset) text += "at byte " + std::to_string(*offset) + ": ";
  return text + simdjson::error_message(error);
}

// Where On-Demand stopped, as a byte offset into `buffer`, when it can tell.
std::optional<std::size_t> StopOffset(simdjson::ondemand::document& doc,
                                      const simdjson::padded_string& buffer) {
  const char* at = nullptr;
  if (doc.current_location().get(at) != simdjson::SUCCESS) return std::nullopt;
  return static_cast<std::size_t>(at - buffer.data());
}

template <class Shape>
void MeasureParseTyped(benchlib::Session& session, const Job& job) {
  simdjson::padded_string buffer(job.input.size());
  simdjson::ondemand::parser parser;
  if (const simdjson::error_code error = parser.allocate(job.input.size(), kMaxDepth)) {
    throw simdjson::simdjson_error(error);
  }
  const auto body = [&] {
    std::memcpy(buffer.data(), job.input.data(), job.input.size());
    simdjson::ondemand::document doc = parser.iterate(buffer);  // stage 1: validates UTF-8
    Shape decoded;
    try {
      DecodeDocument(doc, decoded);
    } catch (const simdjson::simdjson_error& e) {
      throw benchlib::Error(Describe(job, e.error(), StopOffset(doc, buffer)));
    }
    return TypedStatsOf(decoded);
  };
  session.Measure(
      body, [](const TypedStats& s) { return ToJson(s); }, BytesCounter(job.input.size()));
}

void MeasureJob(benchlib::Session& session, const Job& job) {
  switch (job.operation) {
    case Operation::kParseDom: {
      ParseDomIteration iteration(job.input);
      session.Measure(
          iteration, [](const DomStats& s) { return ToJson(s); }, BytesCounter(job.input.size()));
      return;
    }
    case Operation::kParseTyped:
      switch (job.shape) {
        case Shape::kTwitter:
          return MeasureParseTyped<Twitter>(session, job);
        case Shape::kCitm:
          return MeasureParseTyped<Citm>(session, job);
        case Shape::kCanada:
          return MeasureParseTyped<Canada>(session, job);
        case Shape::kUser:
          break;  // ReadJob refuses this combination
      }
      break;
    case Operation::kSerialize: {
      simdjson::dom::parser parser;
      const simdjson::dom::element root = parser.parse(job.input);  // untimed: the tree to write
      // simdjson::to_string/minify build a fresh string in a fresh string_builder each call;
      // that builder, kept across iterations, is the reused buffer (clear() keeps capacity).
      simdjson::internal::string_builder<> builder;
      session.Measure(
          [&] {
            builder.clear();
            builder.append(root);
            return builder.str().size();
          },
          [&](std::size_t) { return SerializeVerification(job, builder.str()); });
      return;
    }
  }
  throw std::logic_error("unhandled operation/shape combination");
}

}  // namespace
}  // namespace json_suite

int main() {
  return benchlib::Run([](benchlib::Session& session) {
    const json_suite::Job job = json_suite::ReadJob(session);
    try {
      json_suite::MeasureJob(session, job);
    } catch (const simdjson::simdjson_error& e) {
      // The DOM API reports no position; the typed path adds one where it can.
      throw benchlib::Error(json_suite::Describe(job, e.error()));
    }
  });
}
