// Evaluating claims against loaded result files: each claim's measured value with its 95%
// interval, and a verdict that holds only when the whole interval passes the claim's test.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claim.h"
#include "claim_select.h"

namespace benchctl {

enum class ClaimOutcome {
  kHolds,         // The whole interval passes the test.
  kDoesNotHold,   // The whole interval fails it.
  kInconclusive,  // The interval straddles a bound, or there is no interval.
  kNotMeasured,   // No such suite or job in the files (or nothing in benchctl measures it).
};

// "holds", "does not hold", "inconclusive", "not measured".
std::string_view OutcomeName(ClaimOutcome outcome);

// A measured value: the point estimate and its interval.
struct ClaimMeasurement {
  double estimate = 0, low = 0, high = 0;
  bool exact = false;  // Recorded once (a binary size): the interval is the value.
  // Processes behind each side (the smaller when a ratio); 0 when exact.
  std::size_t processes = 0;
  double coverage = 1;  // The interval's achieved confidence (below 0.95 with few processes).
};

struct ClaimVerdict {
  Claim claim;
  ClaimOutcome outcome = ClaimOutcome::kNotMeasured;
  std::optional<ClaimMeasurement> measured;
  std::string numerator_job, denominator_job;  // Job ids used ("" when none); `of` is numerator.
  std::string command;  // The benchctl command that measures it ("" for kUnmeasured claims).
  std::string why;      // Not measured or inconclusive: the reason, in words.
  std::vector<std::string> caveats;  // Why a number is not for citing: quick run, few processes.
};

// Intervals from fewer processes than this are labelled not for citing (standards).
inline constexpr std::size_t kCitableProcesses = 6;

// The verdict of `test` for the interval [low, high]: holds when all of it passes, does not
// hold when none of it does, inconclusive when it straddles a bound.
ClaimOutcome Judge(const ClaimTest& test, double low, double high);

// Every claim, in order, evaluated against `runs` (which may be empty: all not measured).
std::vector<ClaimVerdict> EvaluateClaims(const std::vector<Claim>& claims,
                                         const std::vector<LoadedRun>& runs);

}  // namespace benchctl
