#include "write/base_edition.hpp"

#include <memory>

#include <zstd.h>

#include "cli/blob_file.hpp"
#include "corpus/search/index.hpp"
#include "corpus/verify.hpp"
#include "errors.hpp"

namespace corpusc {

namespace {

[[noreturn]] void refuse(const std::string& path, const std::string& why) {
  throw CompileError(ErrorKind::bad_input, "--base " + path + ": " + why);
}

// The whole stream (every frame decompressed in order). Verification already
// decoded and checked each frame, so a failure here is an internal error.
std::string decode_stream(const corpus::Blob& blob, const std::string& dict, const std::string& path) {
  const corpus::fb::Corpus& root = corpus::detail::root(blob);
  std::unique_ptr<ZSTD_DCtx, size_t (*)(ZSTD_DCtx*)> dctx(ZSTD_createDCtx(), ZSTD_freeDCtx);
  std::string stream;
  for (const corpus::fb::Frame* f : *root.frames()) {
    const size_t at = stream.size();
    stream.resize(at + f->raw_size());
    const uint8_t* src = root.frame_data()->data() + f->data_offset();
    const size_t n = ZSTD_decompress_usingDict(dctx.get(), &stream[at], f->raw_size(), src, f->compressed_size(),
                                               dict.data(), dict.size());
    if (ZSTD_isError(n) || n != f->raw_size()) refuse(path, "a frame does not decode");
  }
  return stream;
}

}  // namespace

BaseEdition load_base_edition(const std::string& path) {
  BlobFile file;
  if (!file.open(path)) refuse(path, file.error());
  const corpus::VerifyReport rep = corpus::verify(file.data(), file.size(), file.workspace(), file.workspace_size());
  if (rep.status != corpus::Status::ok) {
    refuse(path, std::string("does not verify: ") + corpus::status_message(rep.status) + " (" + rep.section + ")");
  }
  const corpus::Blob& blob = file.blob();
  const corpus::fb::Corpus& root = corpus::detail::root(blob);
  BaseEdition base;
  base.path = path;
  base.seal = blob.seal();
  base.dictionary.assign(reinterpret_cast<const char*>(root.dictionary()->data()), root.dictionary()->size());
  if (root.build()) {
    base.block_size = root.build()->block_size();
    base.level = root.build()->level();
  }
  corpus::search::Index index;
  const bool indexed = corpus::search::Index::open(blob, &index) == corpus::Status::ok;
  for (uint32_t i = 0; i < blob.article_count(); ++i) {
    const corpus::ArticleInfo a = blob.article(i);
    base.ids.emplace_back(a.id);
    base.titles.emplace_back(a.title);
    base.article_text.push_back(a.text);
    base.has_postings.push_back(indexed && (index.norm_code(i) != 0 || index.retired(i)) ? 1 : 0);
  }
  const std::string stream = decode_stream(blob, base.dictionary, path);
  base.stream_bytes = stream.size();
  const auto* offsets = root.text_offsets();
  const auto* frames = root.frames();
  uint32_t frame = 0;
  for (uint32_t t = 0; t < blob.text_count(); ++t) {
    const uint64_t begin = offsets->Get(t), end = offsets->Get(t + 1);
    base.texts.emplace_back(stream, begin, end - begin);
    while (frame < frames->size() && frames->Get(frame)->raw_offset() < begin) ++frame;
    base.opens_frame.push_back(frame < frames->size() && frames->Get(frame)->raw_offset() == begin ? 1 : 0);
  }
  return base;
}

}  // namespace corpusc
