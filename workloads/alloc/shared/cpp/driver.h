// The alloc suite's driver (workloads/alloc/SPEC.md), shared by every C++ tier: parameters,
// the operation picked by OP with the tier's trees and requests, and the counters. A tier's
// main is one line,
//
//   int main() { return alloc::Main<alloc::HeapTier>(); }
//
// plus, for a tier with something to prove or report (mimalloc's version), a setup function
// returning counters.
#pragma once

#include <functional>
#include <string>
#include <utility>

#include "alloc/shared/cpp/binary_trees.h"
#include "alloc/shared/cpp/churn.h"
#include "alloc/shared/cpp/cpu_time.h"
#include "alloc/shared/cpp/histogram.h"
#include "alloc/shared/cpp/params.h"
#include "alloc/shared/cpp/request_arena.h"
#include "benchlib.h"

namespace alloc {

// Measures `body` with cpu_per_iteration_ns added to `counters`, and the operation's own
// timed-phase hooks `op_hooks` (either may be empty) run inside the CPU-time window's edges.
template <class Body, class Verify>
void MeasureWithCpuTime(benchlib::Session& session, Body&& body, Verify&& verify,
                        const benchlib::Counters& counters,
                        const benchlib::TimedHooks& op_hooks = {}) {
  CpuPerIteration cpu;
  session.Measure(
      [&] {
        if (session.timing()) cpu.CountIteration();
        return body();
      },
      std::forward<Verify>(verify), counters,
      {.before =
           [&] {
             if (op_hooks.before) op_hooks.before();
             cpu.Start();
           },
       .after =
           [&] {
             benchlib::Counters all = cpu.Counters();  // read first: the hooks are not timed
             if (op_hooks.after) all.merge(op_hooks.after());
             return all;
           }});
}

// Runs the operation `params` names with the tier's types; `counters` are the tier's.
template <class Tier>
void MeasureOperation(benchlib::Session& session, const Params& params,
                      const benchlib::Counters& counters) {
  switch (params.operation) {
    case Operation::kBinaryTrees:
      MeasureWithCpuTime(
          session, [&] { return BinaryTrees<typename Tier::Tree>(params.depth); }, BinaryTreesJson,
          counters);
      return;
    case Operation::kRequestArena:
      MeasureWithCpuTime(
          session,
          [&] {
            return ServeRequests<typename Tier::Request>(params.requests, params.nodes,
                                                         params.seed);
          },
          RequestsJson, counters);
      return;
    case Operation::kChurn:
      if constexpr (Tier::kHasChurn) {
        Churn churn(params.live, params.ops, params.seed);
        Histogram batches;
        MeasureWithCpuTime(
            session, [&] { return churn.Run(session.timing() ? &batches : nullptr); }, ChurnJson,
            counters,
            {.before = [&] { batches.Clear(); }, .after = [&] { return batches.ChurnCounters(); }});
      } else {
        throw benchlib::Error(
            "BENCHCTL_PARAM_OP=churn is not an operation of this tier (an arena frees all at "
            "once, churn frees blocks one by one)");
      }
      return;
  }
}

// The whole workload: parameters, then `tier_setup` (if any) for the tier's counters, then
// the operation measured. Returns main's exit status.
template <class Tier>
int Main(const std::function<benchlib::Counters()>& tier_setup = {}) {
  return benchlib::Run([&](benchlib::Session& session) {
    const Params params = ReadParams(session);
    const benchlib::Counters counters = tier_setup ? tier_setup() : benchlib::Counters{};
    MeasureOperation<Tier>(session, params, counters);
  });
}

}  // namespace alloc
