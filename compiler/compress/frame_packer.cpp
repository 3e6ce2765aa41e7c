#include "compress/frame_packer.hpp"

namespace corpusc {

PackedStream pack_frames(const std::vector<StoredText>& texts, size_t block_size,
                         const std::vector<uint8_t>* opens_frame) {
  PackedStream out;
  out.text_offsets.reserve(texts.size());
  uint64_t offset = 0;
  std::string cur;
  auto flush = [&] {
    if (cur.empty()) return;
    out.frame_sizes.push_back(static_cast<uint32_t>(cur.size()));
    out.frames.push_back(std::move(cur));
    cur.clear();
  };
  for (size_t i = 0; i < texts.size(); ++i) {
    const StoredText& t = texts[i];
    if (opens_frame && (*opens_frame)[i]) flush();
    out.text_offsets.push_back(offset);
    offset += t.bytes.size();
    if (!cur.empty() && cur.size() + t.bytes.size() > block_size) flush();
    size_t pos = 0;
    while (pos < t.bytes.size()) {
      size_t n = std::min(block_size - cur.size(), t.bytes.size() - pos);
      cur.append(t.bytes, pos, n);
      pos += n;
      if (cur.size() == block_size) flush();
    }
  }
  flush();
  out.size = offset;
  return out;
}

}  // namespace corpusc
