// Include order 2: plain <zstd.h> first (no macro), then the runtime. zstd.h keeps
// its static section outside its main include guard, so corpus/zstd_static.hpp
// still exposes it; a zstd.h that could not is stopped by zstd_static.hpp's #error
// (runtime_zstd_include_error checks that message with an old-style zstd.h).
#include <zstd.h>

#include <catch.hpp>

#include "corpus/reader.hpp"

TEST_CASE("plain <zstd.h> before the runtime: the static API is still there") {
  CHECK(ZSTD_estimateDDictSize(1024, ZSTD_dlm_byRef) <= corpus::kDDictBytes);
  CHECK(corpus::workspace_bytes(corpus::kFrameBytesSmall) == CORPUS_WORKSPACE_BYTES(CORPUS_FRAME_BYTES_SMALL));
}
