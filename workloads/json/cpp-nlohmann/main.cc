// json suite (workloads/json/SPEC.md) with nlohmann_json.
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>

#include "benchlib.h"
#include "json/cpp-nlohmann/dom.h"
#include "json/cpp-nlohmann/typed.h"
#include "json/shared/cpp/job.h"
#include "json/shared/cpp/shapes.h"
#include "json/shared/cpp/stats.h"

namespace json_suite {
namespace {

// Copies the input into the reused buffer (timed, as SPEC requires of everyone) and parses it.
nlohmann::json CopyAndParse(const Job& job, std::string& buffer) {
  std::memcpy(buffer.data(), job.input.data(), job.input.size());
  return nlohmann::json::parse(buffer);
}

template <class Shape>
void MeasureParseTyped(benchlib::Session& session, const Job& job) {
  std::string buffer(job.input.size(), '\0');
  session.Measure([&] { return TypedStatsOf(CopyAndParse(job, buffer).get<Shape>()); },
                  [](const TypedStats& s) { return ToJson(s); }, BytesCounter(job.input.size()));
}

void MeasureJob(benchlib::Session& session, const Job& job) {
  switch (job.operation) {
    case Operation::kParseDom: {
      std::string buffer(job.input.size(), '\0');
      session.Measure([&] { return DomStatsOf(CopyAndParse(job, buffer)); },
                      [](const DomStats& s) { return ToJson(s); }, BytesCounter(job.input.size()));
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
      const nlohmann::json doc = nlohmann::json::parse(job.input);
      DomStatsOf(doc);  // rejects nesting the recursive writer could not take
      std::string out;
      session.Measure(
          [&] {
            DumpInto(doc, out);
            return out.size();
          },
          [&](std::size_t) { return SerializeVerification(job, out); });
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
    // Library errors become protocol errors naming the input file.
    try {
      json_suite::MeasureJob(session, job);
    } catch (const nlohmann::json::parse_error& e) {
      throw benchlib::Error(job.input_path + ": at byte " + std::to_string(e.byte) + ": " +
                            e.what());
    } catch (const nlohmann::json::exception& e) {
      throw benchlib::Error(job.input_path + ": " + e.what());
    } catch (const json_suite::NestingTooDeep& e) {
      throw benchlib::Error(job.input_path + ": " + e.what());
    }
  });
}
