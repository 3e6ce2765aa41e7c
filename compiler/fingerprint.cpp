#include "fingerprint.hpp"

#include <memory>
#include <string>

#include <xxhash.h>

namespace corpusc {

uint64_t corpus_fingerprint(const CorpusPlan& plan, const BuildSettings& settings) {
  std::unique_ptr<XXH64_state_t, XXH_errorcode (*)(XXH64_state_t*)> st(XXH64_createState(), XXH64_freeState);
  XXH64_reset(st.get(), 0);
  const std::string knobs = output_settings_key(settings) + "|corpusc " + CORPUS_VERSION;
  XXH64_update(st.get(), knobs.data(), knobs.size() + 1);  // with its NUL: the key ends here
  for (const PlannedArticle& a : plan.articles) {
    XXH64_update(st.get(), a.input.id.data(), a.input.id.size() + 1);
    const uint64_t size = a.input.original.size();  // so id/bytes boundaries cannot shift
    XXH64_update(st.get(), &size, sizeof size);
    XXH64_update(st.get(), a.input.original.data(), a.input.original.size());
  }
  return XXH64_digest(st.get());
}

}  // namespace corpusc
