// EditionLayout: reorders a laid-out plan (layout_texts) after a base edition so that
// the new blob keeps the base's byte runs wherever the content did not change:
//  * articles: survivors in their base order (removed ones leave no hole), then new
//    ids in id order; doc ids and per-article tables of survivors stay the same, and
//    the blob gets `id_order` for lookup;
//  * texts: every text whose exact bytes the base stored, in base stream order (and,
//    while the dictionary is kept, the base's dead texts in their places too), then
//    the new texts in layout_texts' order (similar ones together);
//  * frames: a frame starts where one started in the base (opens_frame), and before
//    the first new text, so frames whose texts are unchanged get the same raw bytes,
//    and with the same dictionary and level the same compressed bytes;
//  * retired articles: an article the base's index holds, with the same title and
//    text, that is no longer indexed (another member became its duplicate group's
//    canonical) keeps its postings as a retired document (IndexDocument::retired), so
//    the postings blocks around it keep their bytes. The compaction drops them: an
//    edition with --retrain (options.compact), or one whose changed share retrains.
#pragma once

#include <cstdint>
#include <vector>

#include "plan.hpp"
#include "write/base_edition.hpp"

namespace corpusc {

/// The base's dictionary no longer fits when the new texts plus the dead ones (base
/// texts no article stores any more) are more than this share of the stream.
constexpr double kRetrainShare = 0.5;

struct EditionOptions {
  bool retrain = false;  // train a new dictionary anyway (--retrain, or --dict-size 0)
  bool compact = false;  // --retrain: the compaction, which drops retired documents
};

struct EditionLayout {
  std::vector<uint8_t> opens_frame;  // per plan text (new order): a frame must start here
  std::vector<uint8_t> retired;      // per plan article (new order): 1 if its postings stay, retired
  uint32_t retired_articles = 0;
  uint32_t kept_articles = 0, new_articles = 0, removed_articles = 0;
  uint32_t kept_texts = 0, new_texts = 0;
  uint32_t dead_texts = 0;           // base texts kept in place that no article stores
  uint64_t new_text_bytes = 0;       // raw bytes of the new texts
  uint64_t dead_text_bytes = 0;      // raw bytes of the dead texts kept
  double changed_share = 0;          // (new + dead bytes) / stream bytes
  bool keep_dictionary = true;       // false: train a new one (retrain_reason says why)
  const char* retrain_reason = nullptr;
};

/// Reorders plan.articles and plan.texts as above and fixes every index between
/// them (text, original, canonical, variants); decides whether the base's dictionary
/// is kept. With it kept, dead base texts stay in their frames (so those frames keep
/// their bytes) until an edition retrains: that edition is the compaction.
/// Deterministic.
EditionLayout follow_base(CorpusPlan& plan, const BaseEdition& base, const EditionOptions& options);

}  // namespace corpusc
