// TextLayout: turns a cleaned plan's duplicate groups into the stored texts, in stream
// order (see plan.hpp): each group's normalized texts, then the exact input bytes of
// members whose input differs, groups ordered by order_groups() (stream_order.hpp).
#pragma once

#include "plan.hpp"

namespace corpusc {

/// Fills plan.texts, each canonical's `variants` and each article's text/original
/// indexes. Needs `canonical` and `chrome` set (group_duplicates, clean_corpus).
void layout_texts(CorpusPlan& plan);

}  // namespace corpusc
