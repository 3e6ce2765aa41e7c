// One function per subcommand registers it with CLI11; the chosen one's runner is
// stored in `run` and called by main() after parsing.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

namespace corpusc {

using Runner = std::function<int()>;

void add_build_command(CLI::App& app, Runner& run);
void add_inspect_command(CLI::App& app, Runner& run);
void add_cat_command(CLI::App& app, Runner& run);
void add_verify_command(CLI::App& app, Runner& run);
void add_embed_command(CLI::App& app, Runner& run);
void add_query_command(CLI::App& app, Runner& run);
void add_complete_command(CLI::App& app, Runner& run);

}  // namespace corpusc
