// Must NOT compile (runtime_zstd_include_error): an old-style <zstd.h> included first
// without ZSTD_STATIC_LINKING_ONLY, then the runtime. The expected diagnostic is
// corpus/zstd_static.hpp's #error naming the fix.
#include <zstd.h>

#include "corpus/zstd_static.hpp"

int main() { return 0; }
