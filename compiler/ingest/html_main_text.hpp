// Main-text extraction from a parsed HTML page, without per-site rules.
//
// Algorithm ("best subtree"):
//  1. Text blocks: the page's visible text is cut into blocks at block-level elements
//     (p, div, li, h1-h6, td, br, ...). Non-content elements are skipped entirely (script,
//     style, nav, header, footer, aside, form controls, iframes, hidden elements). Each
//     block knows its length in non-space code points and how many sit inside links.
//  2. Block value: a block of real prose (>= kMinProseChars, link density < 0.3) is worth
//     its non-link characters; a link-dominated block (density > 0.5) costs its length;
//     a short block costs a fraction of it (menus, buttons, bylines, teasers).
//  3. The article is the element whose subtree has the largest total value: the DOM
//     analogue of a maximum-sum segment. It grows to include every container of prose and
//     stops where the surrounding navigation/teaser text outweighs what it would add.
//     Exception: an element the page itself marks as the body (schema.org microdata
//     itemprop="articleBody") is taken when its subtree has positive value.
//  4. Output: that subtree's blocks in document order, minus link-dominated blocks and
//     h1 headlines (the title is metadata, not body) and minus short blocks (< kMinEdgeChars)
//     before the first / after the last prose block (bylines, share and tag lists);
//     paragraphs separated by "\n\n".
#pragma once

#include <string>

#include <gumbo.h>

namespace corpusc {

// Plain UTF-8 main text of the page rooted at `root` (a gumbo document or element);
// empty when the page has no text.
std::string extract_main_text(const GumboNode* root);

}  // namespace corpusc
