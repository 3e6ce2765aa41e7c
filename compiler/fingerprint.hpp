// The build fingerprint (BuildInfo.fingerprint): same inputs and output-changing
// settings, same value; any difference in either, a different value (up to xxh64
// collisions). What counts as an output-changing setting is output_settings_key()
// (build_settings.hpp), so a new knob is hashed by adding it there.
#pragma once

#include <cstdint>

#include "build_settings.hpp"
#include "plan.hpp"

namespace corpusc {

/// xxh64 over output_settings_key(settings), the compiler version, and every
/// article's id and exact input bytes in id order. Call before the inputs are released.
uint64_t corpus_fingerprint(const CorpusPlan& plan, const BuildSettings& settings);

}  // namespace corpusc
