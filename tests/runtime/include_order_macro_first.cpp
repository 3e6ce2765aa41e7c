// Include order 1 (zstd's documented rule): ZSTD_STATIC_LINKING_ONLY, then <zstd.h>,
// then the runtime. The runtime's headers find the static API already there.
#define ZSTD_STATIC_LINKING_ONLY
#include <zstd.h>

#include <catch.hpp>

#include "corpus/reader.hpp"
#include "corpus/verify.hpp"

TEST_CASE("ZSTD_STATIC_LINKING_ONLY and <zstd.h> before the runtime: builds and reads") {
  CHECK(ZSTD_estimateDCtxSize() <= corpus::kDCtxBytes);  // a static-only API
  corpus::Workspace<corpus::kFrameBytesSmall> ws;
  CHECK(corpus::verify(nullptr, 0, ws.data(), ws.size()).status == corpus::Status::truncated);
}
