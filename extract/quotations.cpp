#include "extract/quotations.h"

#include <algorithm>

namespace newsgraph {
namespace {

// A quote mark, and whether it opens a quotation: it opens when a space (or the text's start,
// or an opening bracket) stands before it and none after it.
struct Mark {
  std::size_t sentence, token;
  bool opens;
};

// A quotation from an opening mark to its closing mark (or to the next opening mark when a
// quotation of several paragraphs leaves its paragraphs open).
struct Span {
  Mark open;
  Mark close;  // close.sentence == npos: never closed
  int speaker = -1;
  bool attributed_after = false;  // '"...," Trump said': the attribution follows the close
};

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

}  // namespace

std::vector<std::vector<QuotedStretch>> find_quotations(const std::vector<ScannedSentence>& sentences,
                                                        const std::vector<std::vector<int>>& chunk_entity,
                                                        std::string_view clean, std::string_view lower) {
  std::vector<std::vector<QuotedStretch>> out(sentences.size());
  std::vector<Mark> marks;
  for (std::size_t si = 0; si < sentences.size(); ++si) {
    const auto& toks = sentences[si].tokens;
    for (std::size_t k = 0; k < toks.size(); ++k) {
      if (toks[k].word || toks[k].text != "\"") continue;
      std::size_t at = toks[k].begin;
      bool space_before = at == 0 || clean[at - 1] == ' ' || clean[at - 1] == '\n' || clean[at - 1] == '(';
      bool space_after = at + 1 >= clean.size() || clean[at + 1] == ' ' || clean[at + 1] == '\n';
      marks.push_back({si, k, space_before && !space_after});
    }
  }
  if (marks.empty()) return out;

  auto word = [&](std::size_t si, std::size_t k) {
    const auto& t = sentences[si].tokens;
    return k < t.size() && t[k].word ? lower.substr(t[k].begin, t[k].end - t[k].begin) : std::string_view();
  };
  // The person chunk of sentence si starting (or ending) at token k: its entity and other end.
  auto person_from = [&](std::size_t si, std::size_t k) -> std::pair<int, std::size_t> {
    const auto& cs = sentences[si].chunks;
    for (std::size_t c = 0; c < cs.size(); ++c)
      if (cs[c].tb == k && cs[c].kind == MentionKind::Person && chunk_entity[si][c] >= 0) return {chunk_entity[si][c], cs[c].te};
    return {-1, 0};
  };
  auto person_to = [&](std::size_t si, std::size_t k) {
    const auto& cs = sentences[si].chunks;
    for (std::size_t c = 0; c < cs.size(); ++c)
      if (cs[c].te == k && cs[c].kind == MentionKind::Person && chunk_entity[si][c] >= 0) return chunk_entity[si][c];
    return -1;
  };

  std::vector<Span> spans;
  for (std::size_t m = 0; m < marks.size(); ++m) {
    if (!marks[m].opens) continue;
    Span sp{marks[m], {kNone, 0, false}};
    if (m + 1 < marks.size() && !marks[m + 1].opens) sp.close = marks[++m];
    spans.push_back(sp);
  }
  for (auto& sp : spans) {
    if (sp.close.sentence != kNone) {
      // '"...," Trump said' / '"...," said Trump'
      std::size_t si = sp.close.sentence, k = sp.close.token + 1;
      auto [who, after] = person_from(si, k);
      if (who >= 0 && is_speech_verb(word(si, after))) {
        sp.speaker = who;
      } else if (is_speech_verb(word(si, k))) {
        sp.speaker = person_from(si, k + 1).first;
      }
      sp.attributed_after = sp.speaker >= 0;
    }
    if (sp.speaker < 0 && sp.open.token >= 2) {
      // 'Trump said: "...' / 'Trump told reporters, "...' (one word between verb and mark at most)
      std::size_t si = sp.open.sentence, v = sp.open.token - 1;
      const auto& t = sentences[si].tokens;
      if (!t[v].word && (t[v].text == ":" || t[v].text == ",") && v > 0) --v;
      for (int hop = 0; hop < 2 && sp.speaker < 0 && v > 0; ++hop, --v)
        if (is_speech_verb(word(si, v))) sp.speaker = person_to(si, v);
    }
  }
  // A quotation left open (its paragraph ends, the next one opens again) is the next one's.
  for (std::size_t i = spans.size(); i-- > 1;)
    if (spans[i - 1].close.sentence == kNone && spans[i - 1].speaker < 0) spans[i - 1].speaker = spans[i].speaker;
  // '"...," Trump said. "I can only ...': a quotation that opens a sentence right after one
  // attributed at its end goes on in the same voice.
  for (std::size_t i = 1; i < spans.size(); ++i) {
    auto& sp = spans[i];
    const auto& prev = spans[i - 1];
    if (sp.speaker < 0 && sp.open.token == 0 && prev.attributed_after && prev.close.sentence + 1 == sp.open.sentence)
      sp.speaker = prev.speaker;
  }

  for (const auto& sp : spans) {
    if (sp.speaker < 0) continue;
    std::size_t last = sp.close.sentence != kNone ? sp.close.sentence : sp.open.sentence;
    for (std::size_t si = sp.open.sentence; si <= last; ++si) {
      std::size_t b = si == sp.open.sentence ? sp.open.token + 1 : 0;
      std::size_t e = si == last && sp.close.sentence != kNone ? sp.close.token : sentences[si].tokens.size();
      if (b < e) out[si].push_back({b, e, sp.speaker});
    }
  }
  return out;
}

bool is_speech_verb(std::string_view w) {
  static const std::string_view kVerbs[] = {"said",  "says",     "say",     "told",     "tells",  "added",
                                            "adds",  "wrote",    "writes",  "recalled", "recalls", "insisted",
                                            "noted", "declared", "argued",  "warned"};
  return std::find(std::begin(kVerbs), std::end(kVerbs), w) != std::end(kVerbs);
}

int speaker_at(const std::vector<QuotedStretch>& stretches, std::size_t t) {
  for (const auto& q : stretches)
    if (t >= q.begin && t < q.end) return q.speaker;
  return -1;
}

}  // namespace newsgraph
