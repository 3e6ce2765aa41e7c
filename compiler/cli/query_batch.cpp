#include "cli/query_batch.hpp"

#include <cstdio>
#include <fstream>

#include <nlohmann/json.hpp>

#include "cli/exit_codes.hpp"

namespace corpusc {

int for_each_batch_query(const std::string& path,
                         const std::function<int(const std::string& id, const std::string& text)>& each) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "corpusc: %s: cannot open\n", path.c_str());
    return kExitInput;
  }
  int code = kExitOk;
  size_t line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (line.empty()) continue;
    std::string id = std::to_string(line_no), text = line;
    if (line[0] == '{') {
      nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_object() && j.contains("text") && j["text"].is_string()) {
        text = j["text"].get<std::string>();
        if (j.contains("_id")) id = j["_id"].is_string() ? j["_id"].get<std::string>() : j["_id"].dump();
      }
    }
    const int c = each(id, text);
    if (c != kExitOk) code = c;
  }
  return code;
}

}  // namespace corpusc
