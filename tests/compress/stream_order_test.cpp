#include <catch.hpp>

#include <algorithm>
#include <numeric>
#include <string>
#include <vector>

#include "compress/stream_order.hpp"

using corpusc::order_texts;

namespace {

std::vector<const std::string*> pointers(const std::vector<std::string>& texts) {
  std::vector<const std::string*> out;
  for (const auto& t : texts) out.push_back(&t);
  return out;
}

// Position of each text in `order`.
std::vector<size_t> positions(const std::vector<uint32_t>& order) {
  std::vector<size_t> pos(order.size());
  for (size_t i = 0; i < order.size(); ++i) pos[order[i]] = i;
  return pos;
}

}  // namespace

TEST_CASE("order_texts returns a permutation, the same one every time") {
  std::vector<std::string> texts;
  for (int i = 0; i < 50; ++i)
    texts.push_back("report " + std::to_string(i % 7) + " about topic" + std::to_string(i % 5) + " and place" +
                    std::to_string(i % 3));
  texts.push_back("");  // no words
  std::vector<uint32_t> order = order_texts(pointers(texts));
  std::vector<uint32_t> sorted = order;
  std::sort(sorted.begin(), sorted.end());
  std::vector<uint32_t> expect(texts.size());
  std::iota(expect.begin(), expect.end(), 0u);
  CHECK(sorted == expect);
  CHECK(order_texts(pointers(texts)) == order);
  CHECK(order_texts({}).empty());
}

TEST_CASE("texts that share story words are placed next to each other") {
  // Two interleaved stories: ids 0,2,4 share rare names, so do 1,3,5.
  const std::string a = "Jaynes DeGroot Rutkowski spam trial in Virginia ";
  const std::string b = "Glazer Manchester takeover bid shareholders ";
  std::vector<std::string> texts;
  for (int i = 0; i < 6; ++i) texts.push_back((i % 2 ? b : a) + "update number " + std::to_string(i));
  std::vector<size_t> pos = positions(order_texts(pointers(texts)));
  // Starts at text 0; each story's three texts are consecutive.
  CHECK(pos[0] == 0);
  for (int story = 0; story < 2; ++story) {
    std::vector<size_t> p{pos[story], pos[story + 2], pos[story + 4]};
    std::sort(p.begin(), p.end());
    CHECK(p[2] - p[0] == 2);
  }
}
