// Test support: rewrites every section checksum and the seal of a blob in place, so
// its hashes agree with whatever its bytes now say (as a careless or hostile rewrite
// would leave it); then only the deeper checks of verify() can tell.
#pragma once

#include <cstddef>
#include <cstdint>

#include <flatbuffers/flatbuffers.h>

#include "blob_fixture.hpp"
#include "corpus/section_checksums.hpp"

namespace corpus_test {

inline void reseal(AlignedBytes& b) {
  const corpus::fb::Corpus* c = corpus::fb::GetCorpus(b.data());
  const size_t sums = static_cast<size_t>(reinterpret_cast<const uint8_t*>(c->checksums()) - b.data());
  for (size_t i = 0; i < corpus::kSectionCount; ++i) {
    flatbuffers::WriteScalar<uint64_t>(b.data() + sums + 8 * i, corpus::kSectionChecksums[i].compute(*c));
  }
  const size_t hole = static_cast<size_t>(reinterpret_cast<const uint8_t*>(c->seal()) - b.data());
  flatbuffers::WriteScalar<uint64_t>(b.data() + hole, corpus::seal_hash(b.data(), b.size, hole));
}

}  // namespace corpus_test
