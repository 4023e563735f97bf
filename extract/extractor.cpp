#include "extract/extractor.h"

#include <re2/re2.h>

#include <cstdio>
#include <cstdlib>
#include <algorithm>
#include <cctype>
#include <set>
#include <tuple>

#include "extract/clause_context.h"
#include "extract/dates.h"
#include "extract/entities.h"
#include "extract/lexicon.h"
#include "extract/normalize.h"
#include "extract/quotations.h"
#include "extract/rules.h"
#include "extract/sentences.h"

namespace newsgraph {
namespace {

struct Marker {
  char kind;
  int index;
  std::size_t pos;  // byte offset of the marker in the tagged string
};

std::vector<Marker> markers_in(std::string_view s, std::size_t base = 0) {
  std::vector<Marker> out;
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    if (s[i] != '\x01') continue;
    char kind = s[i + 1];
    int v = 0;
    std::size_t j = i + 2;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') v = v * 10 + (s[j++] - '0');
    out.push_back({kind, v, base + i});
    i = j;
  }
  return out;
}

// No news sentence runs to thousands of bytes; text without punctuation (tables, feeds,
// binary junk) would otherwise make one huge "sentence" whose rules scan it over and over.
// Longer spans are cut at a space near every kMaxSentence bytes.
constexpr std::size_t kMaxSentence = 2000;

std::vector<SentenceSpan> limit_sentence_length(std::vector<SentenceSpan> spans, std::string_view text) {
  std::vector<SentenceSpan> out;
  out.reserve(spans.size());
  for (auto s : spans) {
    while (s.end - s.begin > kMaxSentence) {
      std::size_t cut = text.rfind(' ', s.begin + kMaxSentence);
      if (cut == std::string_view::npos || cut <= s.begin) cut = s.begin + kMaxSentence;
      // Never cut inside a UTF-8 sequence.
      while (cut > s.begin && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      if (cut <= s.begin) cut = s.begin + kMaxSentence;
      out.push_back({s.begin, cut});
      s.begin = cut;
      while (s.begin < s.end && text[s.begin] == ' ') ++s.begin;
    }
    if (s.end > s.begin) out.push_back(s);
  }
  return out;
}

// Per-document state while rules run over its sentences.
class DocumentExtraction {
 public:
  DocumentExtraction(const Document& doc, const RuleSet& rules)
      : doc_(doc), rules_(rules), text_(normalize_text(doc.text)), article_date_(parse_article_date(doc.date)) {
    debug_ = std::getenv("NEWSGRAPH_DEBUG") != nullptr;
    auto spans = limit_sentence_length(split_sentences(text_), text_.text);
    ents_ = find_entities(text_, spans);
  }

  std::vector<Relation> run() {
    for (const auto& ts : ents_.sentences) run_sentence(ts);
    drop_abbreviated_repeats();
    drop_affiliations_covered_by_offices();
    return std::move(out_);
  }

  // "ONGC's Mr Raha" after "Oil and Natural Gas Corporation chairman Subir Raha": holding an
  // office in an organisation is more than being affiliated with it.
  void drop_affiliations_covered_by_offices() {
    auto initials = [](const std::string& s) {
      std::string out;
      bool start = true;
      for (char c : s) {
        if (start && std::isupper(static_cast<unsigned char>(c))) out += c;
        start = c == ' ' || c == '-';
      }
      return out;
    };
    std::vector<std::pair<std::string, std::string>> offices;  // (person, org)
    for (const auto& r : out_)
      if (r.category == "office" && r.org) offices.emplace_back(r.subject, *r.org);
    std::erase_if(out_, [&](const Relation& r) {
      if (r.category != "affiliation" || !r.org) return false;
      for (const auto& [person, org] : offices) {
        if (person != r.subject) continue;
        if (org.find(*r.org) != std::string::npos || r.org->find(org) != std::string::npos) return true;
        if (r.org->size() >= 2 && initials(org) == *r.org) return true;
      }
      return false;
    });
  }

  // "PM Lee" after "Prime Minister Lee Hsien Loong": an abbreviated title is no second office
  // when the document gives the person another one.
  void drop_abbreviated_repeats() {
    auto abbreviated = [](const Relation& r) {
      std::string t = to_lower_ascii(r.title);
      return r.category == "office" && (t == "pm" || t == "dpm" || t == "deputy pm");
    };
    std::set<std::string> has_full_title;
    for (const auto& r : out_)
      if (r.category == "office" && !abbreviated(r)) has_full_title.insert(r.subject);
    std::erase_if(out_, [&](const Relation& r) { return abbreviated(r) && has_full_title.count(r.subject); });
  }

 private:
  void run_sentence(const TaggedSentence& ts) {
    sentence_index_ = static_cast<std::size_t>(&ts - ents_.sentences.data());
    // Every relation has a person in it, and meetings and calls have two: sentences with fewer
    // skip the rules (and the coarse view's rewrites) altogether.
    std::size_t persons = 0;
    for (const auto& m : ts.mentions) persons += m.kind == MentionKind::Person ? 1 : 0;
    if (persons == 0) return;
    // The coarse view serves rules with two persons; its rewrites are skipped when none of
    // those rules can match.
    bool coarse_view = persons >= 2 && rules_.coarse_may_match(ts.tagged);
    std::string coarse;
    if (coarse_view) {
      coarse = ts.tagged;
      for (const auto& w : rules_.collapse()) RE2::GlobalReplace(&coarse, *w.re, w.replace);
    }
    if (debug_) {
      // NEWSGRAPH_DEBUG=1 shows what the rules see, with markers made readable.
      auto show = [&](const std::string& s) {
        std::string o;
        for (char c : s) o += c == '\x01' ? '[' : c == '\x02' ? ']' : c;
        return o;
      };
      std::fprintf(stderr, "FINE   %s\nCOARSE %s\n", show(ts.tagged).c_str(), show(coarse).c_str());
    }
    for (auto view : {RuleView::Fine, RuleView::Coarse}) {
      if (view == RuleView::Coarse && !coarse_view) continue;
      const std::string& text = view == RuleView::Fine ? ts.tagged : coarse;
      rules_.candidates(view, text, candidates_);
      for (int idx : candidates_) {
        if (debug_) std::fprintf(stderr, "  candidate %s\n", rules_.rules()[idx]->id.c_str());
        apply(*rules_.rules()[idx], ts, text);
      }
    }
    for (const auto& [rule, persons] : pending_joins_) join_meeting(*rule, ts, persons);
    pending_joins_.clear();
  }

  void apply(const Rule& rule, const TaggedSentence& ts, const std::string& text) {
    const RE2& re = *rule.re;
    int n = re.NumberOfCapturingGroups() + 1;
    // Reused across rules and sentences: no allocation per apply().
    std::vector<re2::StringPiece>& g = captures_;
    g.assign(static_cast<std::size_t>(n), re2::StringPiece());
    const Rule::Slots& s = rule.slots;
    auto group = [&](int index) -> re2::StringPiece { return index < 0 ? re2::StringPiece() : g[index]; };
    std::size_t pos = 0;
    while (pos <= text.size() &&
           re.Match(text, pos, text.size(), RE2::UNANCHORED, g.data(), n)) {
      std::size_t mend = static_cast<std::size_t>(g[0].data() - text.data()) + g[0].size();
      pos = g[0].empty() ? mend + 1 : mend;
      if (rule.unless && RE2::PartialMatch(unless_text(g[0], group(s.b)), *rule.unless)) continue;
      if (!group(s.reject).empty()) continue;  // the rule matched a context it names as not a fact
      if (rule.names_only && is_pronoun(ts, text, rule.symmetric ? group(s.a) : group(s.p))) continue;
      // "If A meets B, ...": a meeting or call in a conditional clause is no fact.
      if (rule.symmetric && not_a_fact_before(text, static_cast<std::size_t>(g[0].data() - text.data()))) continue;
      if (rule.event == Rule::Event::Attends) {
        for (int pa : persons_in(group(s.a))) attend_meeting(pa);
        continue;
      }
      if (rule.event == Rule::Event::Joins) {
        // Joined once every rule has run on the sentence: the meeting it joins may be one a
        // later rule (of the coarse view) finds in this same sentence.
        pending_joins_.push_back({&rule, present_persons(group(s.b))});
        continue;
      }
      // What follows the persons, not the match: a pattern's last group may have eaten the
      // space or word after them ("... and B{NOTPOSS}").
      std::size_t after = mend;
      if (rule.symmetric) {
        std::size_t slots_end = 0;
        // The last marker's end: a list's " of Connecticut" tail may have taken "in a" from
        // "B in a phone call".
        for (re2::StringPiece slot : {group(s.a), group(s.b)}) {
          std::size_t last = std::string_view(slot.data(), slot.size()).rfind('\x02');
          if (last != std::string_view::npos)
            slots_end = std::max(slots_end, static_cast<std::size_t>(slot.data() - text.data()) + last + 1);
        }
        if (slots_end) after = slots_end;
      }
      // "A meeting between A and B was cancelled."
      if (rule.symmetric && called_off_after(text, after)) continue;
      // "A conferred with B by telephone", "A met B by video link": a call, not a meeting.
      bool by_call = rule.relation == "met_with" && remote_after(text, after);
      if (rule.symmetric)
        emit_pair(rule, ts, group(s.a), without_next_subject(text, group(s.b)), by_call ? "phoned" : rule.relation.c_str());
      else if (rule.relation == "holds_office" && !group(s.t).empty() &&
               candidacy_before(text, static_cast<std::size_t>(group(s.t).data() - text.data())))
        continue;  // "the Democratic nominee for governor, X": running for it, not holding it
      else if (rule.relation == "holds_office")
        emit_office(rule, ts, text, group(s.p), group(s.t), first_nonempty({group(s.o), group(s.o2), group(s.o3)}),
                    group(s.former));
      else
        emit_affiliation(rule, ts, text, group(s.p), first_nonempty({group(s.o), group(s.o2)}));
    }
  }

  // The match as the rule's "unless" reads it: without the " in May" a list's last person may
  // carry as a place ("Christopher Dodd of Connecticut"), which is no modal "may".
  re2::StringPiece unless_text(re2::StringPiece match, re2::StringPiece list) {
    if (list.empty()) return match;
    std::string_view l(list.data(), list.size());
    std::size_t last = l.rfind('\x02');
    if (last == std::string_view::npos || last + 1 == l.size()) return match;
    const char* cut = list.data() + last + 1;
    const char* list_end = list.data() + list.size();
    unless_buf_.assign(match.data(), cut);
    unless_buf_.append(list_end, match.data() + match.size());
    return unless_buf_;
  }

  // A list's last person who speaks next opens a clause of its own: "A called B, and C said he
  // would ..." names C as a speaker, not as one more person called.
  static re2::StringPiece without_next_subject(const std::string& text, re2::StringPiece list) {
    std::string_view l(list.data(), list.size());
    std::size_t last = l.rfind('\x01');
    if (last == std::string_view::npos || last == l.find('\x01')) return list;  // one person
    std::size_t end = static_cast<std::size_t>(list.data() - text.data()) + l.rfind('\x02') + 1;
    if (end >= text.size() || text[end] != ' ') return list;
    std::size_t w = end + 1;
    while (w < text.size() && std::isalpha(static_cast<unsigned char>(text[w]))) ++w;
    if (!is_speech_verb(to_lower_ascii(std::string_view(text).substr(end + 1, w - end - 1)))) return list;
    std::size_t cut = last;
    while (cut > 0 && (l[cut - 1] == ' ' || l[cut - 1] == ',')) --cut;
    if (cut >= 3 && l.substr(cut - 3, 3) == "and") cut -= 3;
    while (cut > 0 && (l[cut - 1] == ' ' || l[cut - 1] == ',')) --cut;
    return re2::StringPiece(list.data(), cut);
  }

  // Whether a slot starts at a resolved pronoun ("he") or title ("the prime minister"), in the
  // fine view where tagged bytes map back to the clean text.
  static bool is_pronoun(const TaggedSentence& ts, const std::string& text, re2::StringPiece slot) {
    if (&text != &ts.tagged || slot.empty()) return false;
    std::size_t at = ts.tagged_to_clean[static_cast<std::size_t>(slot.data() - text.data())];
    return std::any_of(ts.mentions.begin(), ts.mentions.end(), [&](const Mention& m) {
      return m.kind == MentionKind::Person && m.begin == at && (m.value == "pronoun" || m.value == "title-ref");
    });
  }

  // A slot that names countries and nothing else (no words outside the markers).
  static bool countries_only(re2::StringPiece o, const std::vector<Marker>& ms) {
    if (ms.empty() || !std::all_of(ms.begin(), ms.end(), [](const Marker& m) { return m.kind == 'C'; })) return false;
    bool in_marker = false;
    for (char c : o) {
      if (c == '\x01') in_marker = true;
      else if (c == '\x02') in_marker = false;
      else if (!in_marker && std::isalpha(static_cast<unsigned char>(c))) return false;
    }
    return true;
  }

  static re2::StringPiece first_nonempty(std::initializer_list<re2::StringPiece> groups) {
    for (auto g : groups)
      if (!g.empty()) return g;
    return {};
  }

  Relation base(const Rule& rule, const TaggedSentence& ts) {
    Relation r;
    r.doc = doc_.id;
    r.relation = rule.relation;
    r.category = rule.category;
    r.symmetric = rule.symmetric;
    auto [b, e] = text_.to_original(ts.span.begin, ts.span.end);
    r.span_begin = b;
    r.span_end = e;
    r.evidence = doc_.text.substr(b, e - b);
    r.rule = rule.id;
    r.date = event_date(ts);
    return r;
  }

  // A sentence's date is the same for all its records: resolved once.
  const std::optional<std::string>& event_date(const TaggedSentence& ts) {
    if (dated_ != &ts) {
      std::string_view sentence(text_.text.data() + ts.span.begin, ts.span.end - ts.span.begin);
      date_ = resolve_event_date(sentence, article_date_);
      dated_ = &ts;
    }
    return date_;
  }

  static int person_id(re2::StringPiece digits) {
    if (digits.empty()) return -1;
    int v = 0;
    for (char c : digits) {
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  }

  std::optional<std::string> place_of(const TaggedSentence& ts) {
    static const RE2 in_place("\\bin (\x01" "C(\\d+)\x02|([A-Z][a-z]+(?: [A-Z][a-z]+)?))");
    re2::StringPiece input(ts.tagged);
    std::string cidx, word;
    while (RE2::FindAndConsume(&input, in_place, (void*)nullptr, &cidx, &word)) {
      if (!cidx.empty()) {
        auto i = static_cast<std::size_t>(std::stoi(cidx));
        if (i < ts.mentions.size()) return ts.mentions[i].value;
      }
      if (!word.empty() && !Lexicon::builtin().is_non_name(to_lower_ascii(word))) return word;
      cidx.clear();
      word.clear();
    }
    return std::nullopt;
  }

  // Whether an organisation slot of one word and the word after it make a portfolio
  // ("National" + "security"): the capital was the sentence's, not an organisation's.
  static bool opens_portfolio(const std::string& text, re2::StringPiece o) {
    if (o.empty() || o.find(' ') != re2::StringPiece::npos || o.find('\x01') != re2::StringPiece::npos) return false;
    std::size_t at = static_cast<std::size_t>(o.data() - text.data()) + o.size();
    if (at >= text.size() || text[at] != ' ') return false;
    std::size_t end = at + 1;
    while (end < text.size() && (std::isalpha(static_cast<unsigned char>(text[end])) || text[end] == '-')) ++end;
    if (end == at + 1) return false;
    std::string phrase(o.data(), o.size());
    phrase += text.substr(at, end - at);
    return Lexicon::builtin().is_portfolio(to_lower_ascii(phrase));
  }

  static std::vector<int> persons_in(re2::StringPiece s) {
    std::vector<int> out;
    if (int id = person_id(s); id >= 0) return {id};
    for (const auto& m : markers_in(s))
      if (m.kind == 'P') out.push_back(m.index);
    return out;
  }

  // The meeting a sentence tells of, for "The meeting included X" in the sentences after it.
  struct MeetingEvent {
    std::size_t sentence;
    int center;  // the first person named as taking part: the guidelines' star is around them
  };

  // `person` took part in a meeting this sentence tells of; the first such person of the
  // sentence is its centre.
  void attend_meeting(int person) {
    if (!meeting_ || meeting_->sentence != sentence_index_) meeting_ = MeetingEvent{sentence_index_, person};
  }

  // How many sentences after the one that told of a meeting "the meeting" may still mean it:
  // the phrasings that join ("those attending the talks", "the meeting included") point back
  // to the article's meeting, which wire copy may tell of many paragraphs earlier.
  static constexpr std::size_t kMeetingReach = 20;

  // The persons a joining slot names, without possessors ("President Donald Trump's Commerce
  // Secretary Wilbur Ross": Trump was not there).
  static std::vector<int> present_persons(re2::StringPiece b) {
    std::vector<int> out;
    std::string_view s(b.data(), b.size());
    for (const auto& m : markers_in(s)) {
      if (m.kind != 'P') continue;
      std::size_t close = s.find('\x02', m.pos);
      if (close != std::string_view::npos && s.substr(close + 1).starts_with("'s")) continue;
      out.push_back(m.index);
    }
    return out;
  }

  void join_meeting(const Rule& rule, const TaggedSentence& ts, const std::vector<int>& persons) {
    if (!meeting_ || sentence_index_ - meeting_->sentence > kMeetingReach) return;
    int center = meeting_->center;
    for (int pb : persons)
      if (pb != center) emit_one_pair(rule, ts, center, pb, "met_with");  // joiners leave the centre as it is
  }

  // `relation` is the rule's, or "phoned" for a meeting rule whose match the text says was
  // held by telephone or video.
  void emit_pair(const Rule& rule, const TaggedSentence& ts, re2::StringPiece a, re2::StringPiece b,
                 const char* relation) {
    for (int pa : persons_in(a)) emit_pairs_from(rule, ts, pa, b, relation);
  }

  void emit_pairs_from(const Rule& rule, const TaggedSentence& ts, int pa, re2::StringPiece b, const char* relation) {
    for (int pb : persons_in(b)) {
      if (pb == pa) continue;
      if (std::string_view(relation) == "met_with") {
        attend_meeting(pa);
        attend_meeting(pb);
      }
      emit_one_pair(rule, ts, pa, pb, relation);
    }
  }

  void emit_one_pair(const Rule& rule, const TaggedSentence& ts, int pa, int pb, const char* relation) {
    int lo = std::min(pa, pb), hi = std::max(pa, pb);
    if (!seen_pairs_.insert({relation, lo, hi}).second) return;
    Relation r = base(rule, ts);
    if (r.relation != relation) {
      r.relation = relation;
      r.category = std::string(category_of(r.relation));
    }
    r.subject = ents_.persons[pa].name;
    r.object = ents_.persons[pb].name;
    r.place = place_of(ts);
    out_.push_back(std::move(r));
  }

  // The full name of an org slot that is one acronym the document defined, else nullopt.
  static std::optional<std::string> acronym_expansion(const TaggedSentence& ts, re2::StringPiece o) {
    auto ms = markers_in(o);
    if (ms.size() != 1 || ms[0].kind != 'O' || static_cast<std::size_t>(ms[0].index) >= ts.mentions.size())
      return std::nullopt;
    const auto& v = ts.mentions[ms[0].index].value;
    return v.empty() ? std::nullopt : std::optional<std::string>(v);
  }

  // The clean text an org slot covers. In the fine view every tagged byte maps back to the
  // clean text, so a slot may mix markers and plain words ("civil liberties group Liberty").
  std::optional<std::string> org_text(const TaggedSentence& ts, const std::string& text, re2::StringPiece o) {
    if (o.empty()) return std::nullopt;
    if (&text == &ts.tagged && o.data() >= text.data() && o.data() + o.size() <= text.data() + text.size()) {
      std::size_t gb = static_cast<std::size_t>(o.data() - text.data()), ge = gb + o.size();
      std::size_t cb = ts.tagged_to_clean[gb];
      std::size_t ce = ts.tagged_to_clean[ge - 1] + 1;
      if (text[ge - 1] == '\x02') {  // ends on a marker: up to the end of its mention
        auto ms = markers_in(std::string_view(text).substr(gb, ge - gb));
        if (!ms.empty()) {
          const auto& last = ms.back();
          if (last.kind == 'P' || static_cast<std::size_t>(last.index) >= ts.mentions.size()) return std::nullopt;
          ce = ts.mentions[last.index].end;
        }
      }
      auto ms = markers_in(o);
      // Orgs stay as written ("PCS leader"): a defined acronym is not expanded in the record.
      if (ms.size() == 1 && ms[0].kind == 'C' && o.size() <= 8 &&
          static_cast<std::size_t>(ms[0].index) < ts.mentions.size() && !ts.mentions[ms[0].index].value.empty())
        return ts.mentions[ms[0].index].value;
      if (ce <= cb) return std::nullopt;
      std::string s = text_.text.substr(cb, ce - cb);
      while (!s.empty() && (s.back() == ' ' || s.back() == ',')) s.pop_back();
      if (s.size() > 2 && s.compare(s.size() - 2, 2, "'s") == 0) s.resize(s.size() - 2);
      if (s.size() > 4 && to_lower_ascii(s.substr(0, 4)) == "the ") s = s.substr(4);
      if (s.empty()) return std::nullopt;
      return s;
    }
    auto ms = markers_in(o);
    std::vector<const Mention*> refs;
    for (const auto& m : ms)
      if (m.kind != 'P' && m.index >= 0 && static_cast<std::size_t>(m.index) < ts.mentions.size())
        refs.push_back(&ts.mentions[m.index]);
    (void)text;
    if (refs.empty()) {
      std::string raw(o.data(), o.size());
      if (raw.find('\x01') != std::string::npos || raw.empty()) return std::nullopt;
      return raw;
    }
    if (refs.size() == 1 && refs[0]->kind == MentionKind::Country) return refs[0]->value;
    std::string s = text_.text.substr(refs.front()->begin, refs.back()->end - refs.front()->begin);
    if (s.size() > 2 && s.compare(s.size() - 2, 2, "'s") == 0) s.resize(s.size() - 2);
    if (s.size() > 4 && to_lower_ascii(s.substr(0, 4)) == "the ") s = s.substr(4);
    return s;
  }

  void emit_office(const Rule& rule, const TaggedSentence& ts, const std::string& text, re2::StringPiece p,
                   re2::StringPiece t, re2::StringPiece o, re2::StringPiece former) {
    int tid = person_id(t);
    Mention fixed{MentionKind::Title, 0, 0, -1, {}};
    if (!rule.title.empty()) {
      tid = -1;
    } else if (tid < 0 || static_cast<std::size_t>(tid) >= ts.mentions.size()) {
      return;
    }
    const Mention& tm = tid >= 0 ? ts.mentions[tid] : fixed;
    if (tm.value == "elect") return;  // "President-elect": not in office yet
    std::string title = tid >= 0 ? text_.text.substr(tm.begin, tm.end - tm.begin) : rule.title;
    // "the first leader to meet him", "the third president to do so": a rank among those who
    // did something, not an office.
    if (tid >= 0 && text_.text.compare(tm.end, 4, " to ") == 0) {
      std::string lower = to_lower_ascii(title);
      for (const char* rank : {"first ", "second ", "third ", "fourth ", "fifth ", "only ", "last ", "latest "})
        if (lower.starts_with(rank)) return;
    }
    auto people = persons_in(p);
    // "Democratic Sens. A, B and C": only a plural title applies to every name of a list.
    std::string lower_title = to_lower_ascii(title);
    bool plural = lower_title.find("affairs") == std::string::npos &&
                  (lower_title.ends_with("s") || lower_title.ends_with("s.")) && !lower_title.ends_with("boss");
    if (!plural && people.size() > 1) people.erase(people.begin() + 1, people.end());
    for (int pid : people) emit_one_office(rule, ts, text, pid, tm, title, o, former);
  }

  void emit_one_office(const Rule& rule, const TaggedSentence& ts, const std::string& text, int pid, const Mention& tm,
                       const std::string& title, re2::StringPiece o, re2::StringPiece former) {
    Relation r = base(rule, ts);
    r.subject = ents_.persons[pid].name;
    r.title = title;
    r.org = org_text(ts, text, o);
    if (r.org && names_nothing(*r.org)) r.org.reset();  // "took over as finance minister in May."
    r.org_full = acronym_expansion(ts, o);
    r.former = tm.value == "former" || !former.empty();
    r.object = r.org ? title + " of " + *r.org : title;
    // One office per (person, title, org); an org repeated with its acronym in brackets
    // ("Communist Party of China (CPC) Central Committee") is the same org.
    static const RE2 bracketed(" ?\\([^)]*\\)");
    std::string org_key = r.org ? to_lower_ascii(*r.org) : "";
    RE2::GlobalReplace(&org_key, bracketed, "");
    auto key = std::make_tuple(std::string("office"), pid, to_lower_ascii(title) + "|" + org_key);
    if (!seen_other_.insert(key).second) return;
    out_.push_back(std::move(r));
  }

  void emit_affiliation(const Rule& rule, const TaggedSentence& ts, const std::string& text, re2::StringPiece p,
                        re2::StringPiece o) {
    // A list slot ("candidates A and B") gives each person the same organisation.
    std::vector<int> pids = persons_in(p);
    if (pids.empty()) return;
    std::optional<std::string> org;
    auto ms = markers_in(o);
    if (!rule.org.empty())
      org = rule.org;
    else if (ms.size() == 1 && ms[0].kind == 'A' && static_cast<std::size_t>(ms[0].index) < ts.mentions.size())
      org = ts.mentions[ms[0].index].value;
    else
      org = org_text(ts, text, o);
    if (!org || org->empty()) return;
    if (Lexicon::builtin().is_portfolio(to_lower_ascii(*org))) return;  // "Homeland Security Adviser": a domain
    if (rule.org.empty() && !names_an_employer(*org, o, ms)) return;
    if (opens_portfolio(text, o)) return;  // "National security adviser X": a domain, capitalised
    for (int pid : pids) {
      auto key = std::make_tuple(rule.relation, pid, to_lower_ascii(*org));
      if (!seen_other_.insert(key).second) continue;
      Relation r = base(rule, ts);
      r.subject = ents_.persons[pid].name;
      r.object = *org;
      r.org = org;
      r.org_full = acronym_expansion(ts, o);
      out_.push_back(std::move(r));
    }
  }

  // Whether an organisation slot the text filled names someone a person can work for.
  bool names_an_employer(const std::string& org, re2::StringPiece o, const std::vector<Marker>& ms) const {
    if (countries_only(o, ms)) return false;  // "Russian lawyer X": a nationality
    if (names_nothing(org)) return false;     // "Former national security adviser X"
    // "a Chicago-based lawyer", "an Obama-era official": a place or a time.
    for (const char* suffix : {"-based", "-era", "-led", "-backed"})
      if (org.ends_with(suffix)) return false;
    if (names_a_person(org)) return false;  // "former Trump strategist X": a person's, no org
    // "Deputy National Security Adviser X": a rank and a domain, no organisation.
    if (Lexicon::builtin().is_domain(to_lower_ascii(org))) return false;
    // "New York attorney": where the person works, not for whom ("Downing Street" does employ).
    return !Lexicon::builtin().is_plain_place(to_lower_ascii(org));
  }

  // Whether an organisation slot is one common word that names no organisation: "Former"
  // opening a sentence, "May." after "in". Organisation words ("Reuters") do name one.
  static bool names_nothing(std::string org) {
    while (!org.empty() && (org.back() == '.' || org.back() == ',')) org.pop_back();
    if (org.empty()) return true;
    if (org.find(' ') != std::string::npos) {
      // Words in capitals from a shouted line ("CHIEF MARKET", "TD SECURITIES IN NEW").
      return std::none_of(org.begin(), org.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    }
    const auto& lex = Lexicon::builtin();
    std::string lower = to_lower_ascii(org);
    return (lex.is_non_name(lower) && !lex.is_org_word(lower)) || lex.is_title_modifier(lower);
  }

  // Whether a one-word `org` is a word of the full name of a person of this document ("Trump"
  // of "Donald Trump"). Longer names are left alone: an unknown firm ("Fusion GPS") may have
  // been read as a person elsewhere in the document.
  bool names_a_person(const std::string& org) const {
    if (org.find(' ') != std::string::npos) return false;
    for (const auto& p : ents_.persons) {
      if (p.name.find(' ') == std::string::npos) continue;
      std::size_t at = p.name.find(org);
      while (at != std::string::npos) {
        bool starts = at == 0 || p.name[at - 1] == ' ';
        bool ends = at + org.size() == p.name.size() || p.name[at + org.size()] == ' ';
        if (starts && ends) return true;
        at = p.name.find(org, at + 1);
      }
    }
    return false;
  }

  std::size_t sentence_index_ = 0;          // the sentence run_sentence() is on
  std::optional<MeetingEvent> meeting_;      // the last meeting told of
  std::vector<std::pair<const Rule*, std::vector<int>>> pending_joins_;  // this sentence's joiners
  const TaggedSentence* dated_ = nullptr;   // the sentence date_ belongs to
  std::optional<std::string> date_;
  std::vector<int> candidates_;              // run_sentence()'s, reused
  std::vector<re2::StringPiece> captures_;
  std::string unless_buf_;  // unless_text's copy, reused  // apply()'s capture array
  bool debug_ = false;
  const Document& doc_;
  const RuleSet& rules_;
  NormalizedText text_;
  std::optional<std::string> article_date_;
  DocumentEntities ents_;
  std::vector<Relation> out_;
  std::set<std::tuple<std::string, int, int>> seen_pairs_;
  std::set<std::tuple<std::string, int, std::string>> seen_other_;
};

}  // namespace

Extractor::Extractor() : rules_(RuleSet::builtin()) {}
Extractor::Extractor(std::shared_ptr<const RuleSet> rules) : rules_(std::move(rules)) {}
Extractor::~Extractor() = default;

std::vector<Relation> Extractor::extract(const Document& doc) const {
  return DocumentExtraction(doc, *rules_).run();
}

}  // namespace newsgraph
