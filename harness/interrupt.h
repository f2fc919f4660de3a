// Ctrl-C and SIGTERM: noticed, never fatal, so a run can kill its children and
// save what finished.
#pragma once

namespace benchctl {

// Installs SIGINT/SIGTERM handlers that only record the signal (no SA_RESTART,
// so a blocking poll returns EINTR), and ignores SIGPIPE.
void InstallInterruptHandlers();

// The signal that asked benchctl to stop, or 0.
int InterruptSignal();

}  // namespace benchctl
