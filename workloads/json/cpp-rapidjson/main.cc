// json suite (workloads/json/SPEC.md) with RapidJSON: its DOM (rapidjson::Document) for all
// three operations, rapidjson::Writer for serialize.
#include <cstddef>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>

#include "benchlib.h"
#include "json/cpp-rapidjson/dom.h"
#include "json/cpp-rapidjson/library.h"
#include "json/cpp-rapidjson/parse.h"
#include "json/cpp-rapidjson/pool.h"
#include "json/cpp-rapidjson/typed.h"
#include "json/shared/cpp/job.h"
#include "json/shared/cpp/shapes.h"
#include "json/shared/cpp/stats.h"

namespace json_suite {
namespace {

// The reused parse buffer: the input's bytes and the NUL byte RapidJSON's in-place reader
// stops at. Parsing in place overwrites it, and the document's strings point into it.
class ParseBuffer {
 public:
  explicit ParseBuffer(std::string_view input) : input_(input), text_(input.size(), '\0') {}

  // Copies the input in (timed, as SPEC requires of everyone) and parses it into `doc`.
  void CopyAndParse(rapidjson::Document& doc) {
    std::memcpy(text_.data(), input_.data(), input_.size());
    ParseInPlace(text_.data(), text_.size(), doc);  // std::string keeps text_[size()] == '\0'
  }

 private:
  std::string_view input_;
  std::string text_;
};

template <class Shape>
void MeasureParseTyped(benchlib::Session& session, const Job& job) {
  ParseBuffer buffer(job.input);
  RetainedPool pool;
  session.Measure(
      [&] {
        rapidjson::Document doc(&pool.Fresh());  // a new document in reused memory
        buffer.CopyAndParse(doc);
        Shape decoded;
        Decode(doc, decoded);
        return TypedStatsOf(decoded);
      },
      [](const TypedStats& s) { return ToJson(s); }, BytesCounter(job.input.size()));
}

void MeasureJob(benchlib::Session& session, const Job& job) {
  switch (job.operation) {
    case Operation::kParseDom: {
      ParseBuffer buffer(job.input);
      RetainedPool pool;
      session.Measure(
          [&] {
            rapidjson::Document doc(&pool.Fresh());  // a new document in reused memory
            buffer.CopyAndParse(doc);
            return DomStatsOf(doc);
          },
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
      // Untimed: the tree to write. Its strings live in `buffer`, which outlives the loop.
      ParseBuffer buffer(job.input);
      rapidjson::Document doc;
      buffer.CopyAndParse(doc);
      // StringBuffer::Clear keeps its capacity; Writer::Reset keeps its nesting stack.
      rapidjson::StringBuffer out;
      rapidjson::Writer<rapidjson::StringBuffer> writer(out);
      session.Measure(
          [&] {
            out.Clear();
            writer.Reset(out);
            // Writer refuses only NaN and infinity, which a parsed document cannot hold.
            if (!doc.Accept(writer)) throw std::logic_error("rapidjson::Writer refused the tree");
            return out.GetSize();
          },
          [&](std::size_t) {
            return SerializeVerification(job, std::string_view(out.GetString(), out.GetSize()));
          });
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
    // Parse and schema errors become protocol errors naming the input file.
    try {
      json_suite::MeasureJob(session, job);
    } catch (const json_suite::ParseError& e) {
      throw benchlib::Error(job.input_path + ": at byte " + std::to_string(e.offset()) + ": " +
                            e.what());
    } catch (const json_suite::SchemaError& e) {
      throw benchlib::Error(job.input_path + ": " + e.what());
    }
  });
}
