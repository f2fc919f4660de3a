// spsc suite (workloads/spsc/SPEC.md) with the hand-written ring of SPEC.md, the same
// algorithm in every language (spsc/shared/cpp/ring.h, shared with the fault workloads).
#include "spsc/shared/cpp/driver.h"
#include "spsc/shared/cpp/ring.h"

int main() { return spsc::QueueMain<spsc::Ring>(); }
