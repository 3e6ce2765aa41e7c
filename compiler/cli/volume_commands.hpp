// The -V/--volume forms of query, complete, inspect and verify: a base blob and its
// volumes opened as one corpus::Collection (volume/blob_chain.hpp). Each command
// calls these when it was given a volume; its own code serves a single blob.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "corpus/search/searcher.hpp"

namespace corpusc {

struct VolumeQuery {
  std::vector<std::string> paths;  // base first, then the volumes in order
  std::string query, queries_file;
  corpus::search::SearchOptions options;
  bool json = false, no_snippets = false;
};

int run_volume_query(const VolumeQuery& q);
int run_volume_complete(const std::vector<std::string>& paths, const std::string& head, const std::string& word,
                        uint32_t n, bool json);
int run_volume_inspect(const std::vector<std::string>& paths, bool json, bool ids);
int run_volume_verify(const std::vector<std::string>& paths, bool quiet);

/// Adds -V/--volume FILE (repeatable, one file each) to a command that reads a blob.
inline CLI::Option* add_volume_option(CLI::App* cmd, std::vector<std::string>& volumes) {
  return cmd
      ->add_option("-V,--volume", volumes,
                   "A volume over the blob (corpusc build --extends): repeat in chain order; the\n"
                   "blob and its volumes are read and searched as one corpus")
      ->allow_extra_args(false);
}

}  // namespace corpusc
