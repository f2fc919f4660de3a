// benchctl: see cli.cc for the commands and how errors become exit statuses.
#include "cli.h"

int main(int argc, char** argv) { return benchctl::RunCli(argc, argv); }
