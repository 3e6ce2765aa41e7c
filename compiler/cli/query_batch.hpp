// The batch query file of `corpusc query --queries FILE`: one query a line, plain
// text or JSONL ({"_id": ..., "text": ...}); empty lines are skipped.
#pragma once

#include <functional>
#include <string>

namespace corpusc {

/// Calls each(id, text) for every query of the file at `path` in order; id is the
/// line's "_id" (a non-string id as its JSON text), else its line number. Returns
/// kExitInput if the file cannot be opened (with a message), else the last non-ok
/// code a call returned, or kExitOk.
int for_each_batch_query(const std::string& path,
                         const std::function<int(const std::string& id, const std::string& text)>& each);

}  // namespace corpusc
