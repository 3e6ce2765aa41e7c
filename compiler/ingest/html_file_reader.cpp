// HTML input is read by the HTML reader (ingest/html_reader.*); until it is linked
// in, HTML files are reported, never silently dropped.
#include "ingest/article_reader.hpp"

namespace corpusc {

ReadResult read_html_file(const InputFile& file, Diagnostics& diag) {
  ReadResult r;
  diag.warn(file.path, 0, "skipped: HTML input is not supported by this build");
  r.skipped = 1;
  return r;
}

}  // namespace corpusc
