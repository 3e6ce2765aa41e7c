// EditionLayout: reorders a laid-out plan (layout_texts) after a base edition so that
// the new blob keeps the base's byte runs wherever the content did not change:
//  * articles: survivors in their base order (removed ones leave no hole), then new
//    ids in id order; doc ids and per-article tables of survivors stay the same, and
//    the blob gets `id_order` for lookup;
//  * texts: every text whose exact bytes the base stored, in base stream order, then
//    the new texts in layout_texts' order (similar ones together);
//  * frames: a frame starts where one started in the base (opens_frame), and before
//    the first new text, so frames whose texts are unchanged get the same raw bytes,
//    and with the same dictionary and level the same compressed bytes.
#pragma once

#include <cstdint>
#include <vector>

#include "plan.hpp"
#include "write/base_edition.hpp"

namespace corpusc {

struct EditionLayout {
  std::vector<uint8_t> opens_frame;  // per plan text (new order): a frame must start here
  uint32_t kept_articles = 0, new_articles = 0, removed_articles = 0;
  uint32_t kept_texts = 0, new_texts = 0, dropped_texts = 0;  // dropped: base texts not stored any more
  uint64_t new_text_bytes = 0;       // raw bytes of the new texts
};

/// Reorders plan.articles and plan.texts as above and fixes every index between
/// them (text, original, canonical, variants). Deterministic.
EditionLayout follow_base(CorpusPlan& plan, const BaseEdition& base);

}  // namespace corpusc
