// Ctrl-C, SIGTERM and a closed terminal (SIGHUP): noticed, never fatal, so a
// run can kill its children and save what finished.
//
// SIGQUIT (Ctrl-\) keeps its default action on purpose: it is the way to stop
// benchctl at once, without saving, if stopping cleanly ever hangs. Its children
// still die with it: they get a death signal from the kernel (harness/exec/subprocess.h).
#pragma once

#include <string>

#include "stop_token.h"

namespace benchctl {

// Installs SIGINT/SIGTERM/SIGHUP handlers that only record the first signal (no
// SA_RESTART, so a blocking poll returns EINTR), and ignores SIGPIPE. A SIGHUP
// that is already ignored (`nohup benchctl ...`) stays ignored. Returns the
// token those signals stop (InterruptStopToken), to pass to what runs next.
const StopToken& InstallInterruptHandlers();

// The token the signal handlers stop: stop_requested() once SIGINT, SIGTERM or
// SIGHUP arrived, signal() the first of them, reason() InterruptReason(signal()).
// Never stopped if the handlers were not installed.
const StopToken& InterruptStopToken();

// The first signal that asked benchctl to stop, or 0. The source of
// InterruptStopToken; code that waits takes a StopToken instead.
int InterruptSignal();

// Why a run stopped, for the result file's stop_reason: "interrupted by SIGINT",
// "interrupted by SIGHUP (the terminal closed)", ...
std::string InterruptReason(int signal_number);

}  // namespace benchctl
