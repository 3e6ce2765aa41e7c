#include "volume/volume_base.hpp"

#include <algorithm>
#include <set>

#include <xxhash.h>

#include "corpus/volume.hpp"
#include "errors.hpp"

namespace corpusc {

VolumeBase::VolumeBase(const std::vector<std::string>& chain, std::vector<std::string> removals)
    : removals_(std::move(removals)) {
  if (!chain_.open(chain)) {
    const bool io = chain_.status() == corpus::Status::ok;  // the file itself could not be read
    throw CompileError(io ? ErrorKind::io : ErrorKind::bad_input, "--extends " + chain_.error());
  }
  const corpus::Blob& base = chain_.part(0);
  const auto& dict = *corpus::detail::root(base).dictionary();
  dictionary_.assign(reinterpret_cast<const char*>(dict.data()), dict.size());
  fields_.base_seal = base.seal();
  fields_.extends_seal = chain_.part(chain_.part_count() - 1).seal();
  fields_.dictionary_fingerprint = corpus::xxh64(dict.data(), dict.size());
  fields_.depth = chain_.part_count();
  if (fields_.depth >= corpus::kMaxCollectionParts) {
    throw CompileError(ErrorKind::limit, "--extends: a chain holds at most " +
                                             std::to_string(corpus::kMaxCollectionParts - 1) +
                                             " volumes; build a new edition instead");
  }
}

bool VolumeBase::unchanged(const InputArticle& a) {
  corpus::ArticleRef ref;
  if (chain_.collection().find(a.id, &ref) != corpus::Status::ok) return false;
  if (chain_.part(ref.part).article(ref.index).title != a.title) return false;
  std::string stored;
  if (chain_.read_text(ref, /*original=*/true, &stored) != corpus::Status::ok) return false;
  return stored == a.original;
}

void VolumeBase::select(std::vector<InputArticle>& articles, Diagnostics& diag) {
  std::set<std::string> inputs;
  for (const InputArticle& a : articles) inputs.insert(a.id);
  std::set<std::string> tombstones;
  for (const std::string& id : removals_) {
    corpus::ArticleRef ref;
    if (inputs.count(id)) {
      diag.error("--remove", 0, "'" + id + "' is both removed and given as an input");
    } else if (chain_.collection().find(id, &ref) != corpus::Status::ok) {
      diag.warn("--remove", 0, "'" + id + "' is not in the base chain: nothing to remove");
    } else {
      tombstones.insert(id);
    }
  }
  fields_.tombstones.assign(tombstones.begin(), tombstones.end());
  const size_t before = articles.size();
  articles.erase(std::remove_if(articles.begin(), articles.end(), [this](const InputArticle& a) { return unchanged(a); }),
                 articles.end());
  diag.note("--extends", 0, std::to_string(before - articles.size()) + " of " + std::to_string(before) +
                                " input articles are unchanged in the base chain: not stored in the volume");
}

uint64_t VolumeBase::fingerprint_salt() const {
  std::string key = std::to_string(fields_.extends_seal) + '|' + std::to_string(fields_.base_seal) + '|' +
                    std::to_string(fields_.depth);
  for (const std::string& t : fields_.tombstones) key += '|' + t;
  return XXH64(key.data(), key.size(), 0);
}

std::optional<uint32_t> VolumeBase::tokenizer_bits() const {
  const corpus::fb::Corpus& root = corpus::detail::root(chain_.part(0));
  if (root.index() == nullptr) return std::nullopt;
  return root.index()->tokenizer();
}

void VolumeBase::check(const std::vector<uint8_t>& blob) const {
  // The bytes must be 8-byte aligned for the runtime: check a copy in uint64_t words.
  std::vector<uint64_t> words((blob.size() + 7) / 8);
  std::copy(blob.begin(), blob.end(), reinterpret_cast<uint8_t*>(words.data()));
  std::vector<corpus::Blob> blobs;
  for (uint32_t i = 0; i < chain_.part_count(); ++i) blobs.push_back(chain_.part(i));
  corpus::Blob volume;
  corpus::Status s = corpus::Blob::open(words.data(), blob.size(), &volume);
  if (s == corpus::Status::ok) {
    blobs.push_back(volume);
    corpus::Collection c;
    s = c.open(blobs.data(), static_cast<uint32_t>(blobs.size()));
  }
  if (s != corpus::Status::ok) {
    throw CompileError(ErrorKind::bad_input,
                       std::string("the volume does not fit its base: ") + corpus::status_message(s) +
                           (s == corpus::Status::volume_incompatible
                                ? " (build it with the base's tokenizer options: --no-stem, --stopwords)"
                                : ""));
  }
}

}  // namespace corpusc
