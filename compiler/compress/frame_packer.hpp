// FramePacker: lays the stored texts end to end (the "stream") and cuts the stream
// into frames of at most `block_size` bytes. A frame ends before a text that would
// not fit, so most articles decode from one frame; a text longer than a block is
// cut across consecutive frames.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "plan.hpp"

namespace corpusc {

struct PackedStream {
  std::vector<uint64_t> text_offsets;  // stream offset of each text, by text index
  std::vector<std::string> frames;     // raw bytes of each frame, in stream order
  std::vector<uint32_t> frame_sizes;   // raw bytes of each frame (kept when `frames` is released)
  uint64_t size = 0;                   // bytes of the whole stream
};

/// `opens_frame` (optional, one flag per text): a frame also ends before each text
/// flagged 1, so an edition reproduces its base's frames (edition_layout.hpp).
PackedStream pack_frames(const std::vector<StoredText>& texts, size_t block_size,
                         const std::vector<uint8_t>* opens_frame = nullptr);

}  // namespace corpusc
