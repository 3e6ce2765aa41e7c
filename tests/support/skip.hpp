// Skipping a test case that cannot run here (e.g. ../shared is absent), so that
// ctest reports it as skipped, never as passed.
//
// Contract: CORPUS_SKIP(why) inside a TEST_CASE prints "SKIP: why", records the skip
// and returns from the case. The shared main (tests/catch_main.cpp) then exits with
// kSkipExitCode when nothing failed, and every Catch2 test is registered with that
// SKIP_RETURN_CODE (tests/CMakeLists.txt). A failure always wins over a skip.
#pragma once

#include <catch.hpp>

namespace corpus_test {

/// ctest's SKIP_RETURN_CODE for Catch2 tests; never a failure count (the main maps 4 failures to 5).
constexpr int kSkipExitCode = 4;

/// Test cases of this process that skipped (shared by every translation unit).
inline int& skipped_cases() {
  static int count = 0;
  return count;
}

/// Records a skip; for helpers that then return their own "absent" value.
inline void mark_skipped() { ++skipped_cases(); }

}  // namespace corpus_test

#define CORPUS_SKIP(why)               \
  do {                                 \
    WARN("SKIP: " << why);             \
    ::corpus_test::mark_skipped();     \
    return;                            \
  } while (0)
