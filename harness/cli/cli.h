// The whole command line as a function, so a test build can register a
// test-only suite first and then run exactly what `benchctl` runs.
#pragma once

namespace benchctl {

// Parses argv, runs the subcommand and returns the process exit status.
int RunCli(int argc, char** argv);

}  // namespace benchctl
