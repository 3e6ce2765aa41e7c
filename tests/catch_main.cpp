// The one Catch2 main shared by every test binary. Exit status: 0 all passed,
// kSkipExitCode (4) nothing failed but a case skipped (tests/support/skip.hpp),
// anything else a failure.
#define CATCH_CONFIG_RUNNER
#include <catch.hpp>

#include "support/skip.hpp"

int main(int argc, char* argv[]) {
  const int result = Catch::Session().run(argc, argv);
  if (result == 0) return corpus_test::skipped_cases() > 0 ? corpus_test::kSkipExitCode : 0;
  return result == corpus_test::kSkipExitCode ? corpus_test::kSkipExitCode + 1 : result;
}
