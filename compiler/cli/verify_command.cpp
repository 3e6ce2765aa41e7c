// `corpusc verify FILE`: the runtime's full check; exit 0 or 4 with what is wrong.
#include <cstdio>

#include "cli/blob_file.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/volume_commands.hpp"
#include "corpus/verify.hpp"

namespace corpusc {

static int run_verify(const std::string& path, bool quiet) {
  BlobFile file;
  if (!file.open(path)) {
    std::fprintf(stderr, "corpusc: %s\n", file.error().c_str());
    return file.data() || file.size() || file.status() != corpus::Status::ok ? kExitBadBlob : kExitError;
  }
  corpus::VerifyReport rep = corpus::verify(file.data(), file.size(), file.workspace(), file.workspace_size());
  if (rep.status != corpus::Status::ok) {
    std::fprintf(stderr, "corpusc: %s: %s (in %s", path.c_str(), corpus::status_message(rep.status), rep.section);
    if (rep.item != corpus::kNone) std::fprintf(stderr, ", item %u", rep.item);
    std::fprintf(stderr, ")\n");
    return kExitBadBlob;
  }
  if (!quiet) {
    std::printf("%s: ok (%u articles, %u frames, %zu bytes)\n", path.c_str(), file.blob().article_count(),
                file.blob().frame_count(), file.size());
  }
  return kExitOk;
}

void add_verify_command(CLI::App& app, Runner& run) {
  auto path = std::make_shared<std::string>();
  auto quiet = std::make_shared<bool>(false);
  auto volumes = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd = app.add_subcommand("verify", "Full integrity check of a blob");
  cmd->footer("Checks the structure, the whole-blob seal and section checksums, every\n"
              "reference, and that every frame decompresses. Exit 0 if sound, 4 if not.");
  cmd->add_option("file", *path, "Blob to check")->required();
  cmd->add_flag("-q,--quiet", *quiet, "Print nothing when the blob is sound");
  add_volume_option(cmd, *volumes);
  cmd->callback([=, &run] {
    run = [=] {
      if (volumes->empty()) return run_verify(*path, *quiet);
      std::vector<std::string> paths{*path};
      paths.insert(paths.end(), volumes->begin(), volumes->end());
      return run_volume_verify(paths, *quiet);
    };
  });
}

}  // namespace corpusc
