// Test support: counts every heap allocation in the test binary (operator new and
// the C allocator, including calls from inside shared libraries such as libzstd).
// Link alloc_counter.cpp into the test binary; not usable under ASan, which owns
// malloc (the debug build skips these tests; the release build runs them).
#pragma once

#include <cstddef>

namespace corpus_test {

/// Allocations (new, new[], malloc, calloc, realloc, aligned forms) since start.
size_t allocation_count();

/// RAII: counts allocations made while alive.
class AllocationScope {
 public:
  AllocationScope() : start_(allocation_count()) {}
  size_t count() const { return allocation_count() - start_; }

 private:
  size_t start_;
};

}  // namespace corpus_test
