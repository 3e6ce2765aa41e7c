#include "ingest/html_main_text.hpp"

#include "ingest/html_nesting.hpp"

#include <cstring>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace corpusc {
namespace {

constexpr int kMinProseChars = 50;  // ~8 English words, or a CJK sentence
constexpr int kMinEdgeChars = 35;   // shorter blocks at the start/end of the article are dropped
constexpr std::size_t kMaxDepth = kMaxHtmlTreeDepth;  // deeper subtrees are ignored (malformed pages)

struct Block {
  std::string text;
  int words = 0;       // whitespace-separated tokens
  int chars = 0;       // non-space code points: the length measure, fair to CJK text
  int link_chars = 0;  // of which inside <a>
  const GumboNode* owner = nullptr;  // innermost block-level element holding the text
  bool headline = false;             // inside <h1>
};

bool is_skipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT: case GUMBO_TAG_NAV:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_HEAD:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_MAP: case GUMBO_TAG_MENU:
    case GUMBO_TAG_LABEL: case GUMBO_TAG_FIGCAPTION:
      return true;
    default:
      return false;
  }
}

bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_LI: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_BR: case GUMBO_TAG_HR: case GUMBO_TAG_FORM: case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY: case GUMBO_TAG_BODY: case GUMBO_TAG_HTML:
      return true;
    default:
      return false;
  }
}

const char* attribute(const GumboNode* node, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? a->value : nullptr;
}

bool contains_ci(std::string_view hay, std::string_view needle) {
  for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    bool match = true;
    for (std::size_t j = 0; j < needle.size() && match; ++j) {
      char c = hay[i + j];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      match = c == needle[j];
    }
    if (match) return true;
  }
  return false;
}

bool is_hidden(const GumboNode* node) {
  if (attribute(node, "hidden")) return true;
  if (const char* aria = attribute(node, "aria-hidden"); aria && std::strcmp(aria, "true") == 0) return true;
  if (const char* style = attribute(node, "style")) {
    std::string compact;
    for (const char* p = style; *p; ++p)
      if (*p != ' ') compact.push_back(*p);
    if (contains_ci(compact, "display:none") || contains_ci(compact, "visibility:hidden")) return true;
  }
  return false;
}

class BlockCollector {
 public:
  std::vector<Block> blocks;

  void walk(const GumboNode* node, std::size_t depth, bool in_link, const GumboNode* owner,
            bool in_h1) {
    if (depth > kMaxDepth) return;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
        node->type == GUMBO_NODE_WHITESPACE) {
      append_text(node->v.text.text, in_link, owner, in_h1);
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT &&
        node->type != GUMBO_NODE_TEMPLATE)
      return;
    const GumboVector* children = node->type == GUMBO_NODE_DOCUMENT
                                      ? &node->v.document.children
                                      : &node->v.element.children;
    bool block = node->type == GUMBO_NODE_DOCUMENT;
    if (node->type != GUMBO_NODE_DOCUMENT) {
      const GumboTag tag = node->v.element.tag;
      if (is_skipped(tag) || is_hidden(node)) return;
      block = is_block(tag);
      in_link = in_link || tag == GUMBO_TAG_A;
      in_h1 = in_h1 || tag == GUMBO_TAG_H1;
    }
    if (block) {
      flush();
      owner = node;
    }
    for (unsigned i = 0; i < children->length; ++i)
      walk(static_cast<const GumboNode*>(children->data[i]), depth + 1, in_link, owner, in_h1);
    if (block) flush();
  }

  void flush() {
    while (!current_.text.empty() && current_.text.back() == ' ') current_.text.pop_back();
    if (current_.chars > 0) blocks.push_back(std::move(current_));
    current_ = Block{};
    pending_space_ = false;
  }

 private:
  void append_text(const char* text, bool in_link, const GumboNode* owner, bool in_h1) {
    current_.owner = owner;
    current_.headline = current_.headline || in_h1;
    for (const char* p = text; *p; ++p) {
      const char c = *p;
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
        pending_space_ = !current_.text.empty();
        continue;
      }
      const bool word_start = current_.text.empty() || pending_space_;
      if (pending_space_) current_.text.push_back(' ');
      pending_space_ = false;
      current_.text.push_back(c);
      if (word_start) ++current_.words;
      if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {  // first byte of a code point
        ++current_.chars;
        if (in_link) ++current_.link_chars;
      }
    }
  }

  Block current_;
  bool pending_space_ = false;
};

double link_density(const Block& b) { return b.chars ? static_cast<double>(b.link_chars) / b.chars : 0.0; }

double block_value(const Block& b) {
  const double density = link_density(b);
  if (density > 0.5) return -b.chars;
  if (b.chars >= kMinProseChars && density < 0.3) return b.chars - b.link_chars;
  return -0.3 * b.chars;
}

// Sums block values per subtree and remembers the best element (first in document order
// on ties, so the result is deterministic).
class SubtreeScorer {
 public:
  explicit SubtreeScorer(const std::unordered_map<const GumboNode*, double>& own) : own_(own) {}

  double score(const GumboNode* node, std::size_t depth) {
    if (depth > kMaxDepth) return 0;
    const GumboVector* children = nullptr;
    if (node->type == GUMBO_NODE_DOCUMENT) children = &node->v.document.children;
    else if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) children = &node->v.element.children;
    else return 0;
    auto it = own_.find(node);
    double total = it == own_.end() ? 0 : it->second;
    for (unsigned i = 0; i < children->length; ++i)
      total += score(static_cast<const GumboNode*>(children->data[i]), depth + 1);
    if (node->type == GUMBO_NODE_ELEMENT && total > article_body_score_) {
      const GumboAttribute* prop = gumbo_get_attribute(&node->v.element.attributes, "itemprop");
      if (prop && std::strcmp(prop->value, "articleBody") == 0) {
        article_body_ = node;
        article_body_score_ = total;
      }
    }
    if (best_ == nullptr || total > best_score_) {  // post-order: on ties the inner node stays
      best_score_ = total;
      best_ = node;
    }
    return total;
  }

  const GumboNode* best() const {
    return article_body_ && article_body_score_ > 0 ? article_body_ : best_;
  }

 private:
  const std::unordered_map<const GumboNode*, double>& own_;
  const GumboNode* best_ = nullptr;
  double best_score_ = 0;
  const GumboNode* article_body_ = nullptr;  // best-scoring schema.org itemprop="articleBody"
  double article_body_score_ = 0;
};

bool is_inside(const GumboNode* node, const GumboNode* ancestor) {
  for (; node; node = node->parent)
    if (node == ancestor) return true;
  return false;
}

}  // namespace

std::string extract_main_text(const GumboNode* root) {
  BlockCollector collector;
  collector.walk(root, 0, false, root, false);
  collector.flush();
  const std::vector<Block>& blocks = collector.blocks;

  std::unordered_map<const GumboNode*, double> own;  // looked up only, never iterated
  for (const Block& b : blocks) own[b.owner] += block_value(b);
  SubtreeScorer scorer(own);
  scorer.score(root, 0);
  const GumboNode* best = scorer.best();

  std::vector<const Block*> kept;
  for (const Block& b : blocks)
    if (is_inside(b.owner, best) && !b.headline && link_density(b) <= 0.5) kept.push_back(&b);
  // Short blocks before the first and after the last prose block are the article's
  // furniture (byline, date line, share/tag lists), not its text.
  auto prose = [](const Block* b) { return b->chars >= kMinEdgeChars && link_density(*b) < 0.3; };
  std::size_t first = 0, last = kept.size();
  while (first < last && !prose(kept[first])) ++first;
  while (last > first && !prose(kept[last - 1])) --last;
  std::string out;
  for (std::size_t i = first; i < last; ++i) {
    if (!out.empty()) out += "\n\n";
    out += kept[i]->text;
  }
  return out;
}

}  // namespace corpusc
