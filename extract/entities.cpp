#include "extract/entities.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "extract/lexicon.h"
#include "extract/quotations.h"
#include "extract/sentence_scan.h"

namespace newsgraph {
namespace {

// ---------------------------------------------------------------------------------------
// Person resolution across the document.

std::vector<std::string> name_words(std::string_view name) {
  std::vector<std::string> w;
  std::size_t i = 0;
  while (i < name.size()) {
    auto j = name.find(' ', i);
    if (j == std::string_view::npos) j = name.size();
    if (j > i) w.emplace_back(name.substr(i, j - i));
    i = j + 1;
  }
  return w;
}

bool is_initial(const std::string& w) { return w.size() <= 2 && (w.size() == 1 || w.back() == '.'); }

// "George W. Bush" and "George Bush" are one person: same words once initials are dropped.
std::string person_key(const std::vector<std::string>& words) {
  std::string k;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0 && i + 1 < words.size() && is_initial(words[i])) continue;
    if (!k.empty()) k += ' ';
    k += words[i];
  }
  return k;
}

class PersonTable {
 public:
  int add_full(const std::string& name) {
    auto words = name_words(name);
    auto key = person_key(words);
    auto it = by_key_.find(key);
    if (it != by_key_.end()) {
      auto& p = persons_[it->second];
      if (words.size() > name_words(p.name).size()) {
        p.aliases.push_back(p.name);
        p.name = name;
        ends_[it->second] = ends_of(words);
      } else if (name != p.name && std::find(p.aliases.begin(), p.aliases.end(), name) == p.aliases.end()) {
        p.aliases.push_back(name);
      }
      return it->second;
    }
    int id = static_cast<int>(persons_.size());
    persons_.push_back({name, {}});
    ends_.push_back(ends_of(words));
    by_key_[key] = id;
    return id;
  }

  // A one-word form: the person whose last word (else first word) it is; ties go to the person
  // seen first (on the development set, more often right than the one named last). -1 when none.
  int resolve_short(const std::string& word) const {
    for (bool last : {true, false}) {
      for (std::size_t id = 0; id < ends_.size(); ++id) {
        if (!ends_[id].multi) continue;
        if (last ? ends_[id].has_last(word) : ends_[id].first == word) return static_cast<int>(id);
      }
    }
    return -1;
  }

  // Whether `word` is the last word of some person's name of two words or more.
  bool is_surname(const std::string& word) const {
    return std::any_of(ends_.begin(), ends_.end(), [&](const Ends& e) { return e.multi && e.has_last(word); });
  }

  // Whether `word` is the first or last word of person id's canonical name.
  bool name_has_word(int id, const std::string& word) const {
    const auto& e = ends_[static_cast<std::size_t>(id)];
    return e.multi && (e.first == word || e.has_last(word));
  }

  int find_exact(const std::string& name) const {
    auto it = by_key_.find(person_key(name_words(name)));
    return it == by_key_.end() ? -1 : it->second;
  }

  std::vector<PersonEntity>& persons() { return persons_; }

 private:
  // First and last word of each canonical name: short forms are looked up for every mention.
  struct Ends {
    std::string first, last;
    bool multi = false;  // two words or more
    std::string bare_last;  // "Assad" for "al-Assad": the article glued to a surname dropped
    bool has_last(const std::string& w) const { return last == w || (!bare_last.empty() && bare_last == w); }
  };
  static Ends ends_of(const std::vector<std::string>& words) {
    if (words.empty()) return {};
    Ends e{words.front(), words.back(), words.size() >= 2, {}};
    for (const char* article : {"al-", "Al-", "el-", "El-"}) {
      std::string_view a(article);
      if (e.last.size() > a.size() + 1 && e.last.compare(0, a.size(), a) == 0) e.bare_last = e.last.substr(a.size());
    }
    return e;
  }

  std::vector<PersonEntity> persons_;
  std::vector<Ends> ends_;
  std::unordered_map<std::string, int> by_key_;
};

// The first two persons of a sentence's mentions when only "and" (or "and his wife") stands
// between them: "Trump and his wife Melania".
std::optional<std::pair<int, int>> joined_pair(const std::vector<Mention>& mentions, std::string_view clean) {
  for (std::size_t i = 0; i + 1 < mentions.size(); ++i) {
    const Mention& a = mentions[i];
    if (a.kind != MentionKind::Person || a.value == "pronoun" || a.value == "pair") continue;
    // "President Barack Obama and first lady Michelle Obama": a title may stand before the second.
    std::size_t next = i + 1;
    std::size_t gap_end = mentions[next].begin;
    if (mentions[next].kind == MentionKind::Title && next + 1 < mentions.size() &&
        mentions[next + 1].kind == MentionKind::Person && mentions[next + 1].begin <= mentions[next].end + 1)
      ++next;
    const Mention& b = mentions[next];
    if (b.kind != MentionKind::Person || b.value == "pronoun" || b.value == "pair" || b.begin < a.end) return std::nullopt;
    std::string gap = to_lower_ascii(clean.substr(a.end, gap_end - a.end));
    static const char* kJoins[] = {" and ",         " and his wife ",   " and her husband ", " and his wife, ",
                                   " and her husband, ", " and first lady ", " and his wife, first lady "};
    for (const char* j : kJoins)
      if (gap == j && a.entity != b.entity) return std::make_pair(a.entity, b.entity);
    return std::nullopt;
  }
  return std::nullopt;
}

void add_alias(PersonEntity& p, const std::string& form) {
  if (form != p.name && std::find(p.aliases.begin(), p.aliases.end(), form) == p.aliases.end()) p.aliases.push_back(form);
}

}  // namespace

DocumentEntities find_entities(const NormalizedText& text, const std::vector<SentenceSpan>& sentences) {
  const Lexicon& lex = Lexicon::builtin();
  std::string_view clean = text.text;
  std::vector<ScannedSentence> scanned;
  scanned.reserve(sentences.size());
  const std::string lower = to_lower_ascii(clean);
  auto low = [&](const Token& t) { return std::string_view(lower).substr(t.begin, t.end - t.begin); };
  for (const auto& s : sentences) scanned.push_back(scan_sentence(lex, clean, lower, s));

  // Headlines capitalise every word: "End Bush 'denial'" opens with a verb, not a first name.
  // A sentence-initial name whose first word appears nowhere else in the document, while its
  // last word does (as a name word elsewhere), loses that first word.
  {
    // Uses of each word in person names, counted only when a headline needs them.
    std::unordered_map<std::string, int> name_word_uses;
    bool counted = false;
    auto uses = [&](const std::string& word) {
      if (!counted) {
        counted = true;
        for (auto& s : scanned)
          for (auto& c : s.chunks)
            if (c.kind == MentionKind::Person)
              for (std::size_t k = c.name_tb; k < c.te; ++k)
                if (s.tokens[k].word) ++name_word_uses[std::string(s.tokens[k].text)];
      }
      auto it = name_word_uses.find(word);
      return it == name_word_uses.end() ? 0 : it->second;
    };
    // Only a headline: the document's first line, without a full stop.
    if (!scanned.empty() && !scanned[0].tokens.empty() && scanned[0].tokens.back().text != "." &&
        scanned[0].tokens.back().text != "!" && scanned[0].tokens.back().text != "?") {
      auto& s = scanned[0];
      for (auto& c : s.chunks) {
        if (c.kind != MentionKind::Person || c.anchored || c.te - c.name_tb != 2) continue;
        std::size_t first_word = 0;
        while (first_word < s.tokens.size() && !s.tokens[first_word].word) ++first_word;
        if (c.name_tb != first_word) continue;
        std::string head(s.tokens[c.name_tb].text), last(s.tokens[c.te - 1].text);
        std::size_t at = s.tokens[c.name_tb].begin;
        std::size_t after = s.tokens[c.te - 1].end;  // the name may end the headline
        bool head_elsewhere = clean.find(head, after) != std::string_view::npos ||
                              clean.substr(0, at).find(head) != std::string_view::npos;
        if (uses(head) == 1 && uses(last) >= 2 && !head_elsewhere) {
          c.name_tb += 1;
          c.tb = c.name_tb;
        }
      }
    }
  }

  // Pass 1: names of two or more words are persons; one-word names wait for pass 2. A title
  // right before a full name is remembered, so that "Sen. Dole" later is the Dole who was
  // called "Sen." and not another one.
  PersonTable table;
  // The entity pass 1 gave each full name, so that pass 2 need not split and key it again.
  std::vector<std::vector<int>> full_id(scanned.size());
  std::map<std::string, bool> anchored_single;
  std::map<std::string, std::vector<int>> title_of_full;  // lower-cased title -> persons
  auto title_before = [&](const ScannedSentence& s, std::size_t ci) -> std::string {
    if (ci == 0) return {};
    const auto& prev = s.chunks[ci - 1];
    if (prev.kind != MentionKind::Title || prev.te != s.chunks[ci].tb) return {};
    return to_lower_ascii(join_tokens(s.tokens, prev.tb, prev.te, clean));
  };
  for (std::size_t si = 0; si < scanned.size(); ++si) {
    auto& s = scanned[si];
    full_id[si].assign(s.chunks.size(), -1);
    for (std::size_t ci = 0; ci < s.chunks.size(); ++ci) {
      auto& c = s.chunks[ci];
      if (c.kind != MentionKind::Person) continue;
      std::size_t words = 0;
      for (std::size_t k = c.name_tb; k < c.te; ++k) words += s.tokens[k].word ? 1 : 0;
      std::string name = join_tokens(s.tokens, c.name_tb, c.te, clean);
      if (words >= 2) {
        int id = table.add_full(name);
        full_id[si][ci] = id;
        if (auto title = title_before(s, ci); !title.empty()) title_of_full[title].push_back(id);
      } else if (c.anchored) {
        anchored_single[name] = true;
      }
    }
  }

  for (auto& s : scanned)
    for (auto& c : s.chunks)
      if (c.kind == MentionKind::Org && c.value == kTentativeOrg) {
        c.value.clear();
        std::string name = join_tokens(s.tokens, c.tb, c.te, clean);
        if (c.te == c.tb + 1 ? table.resolve_short(name) >= 0 : table.find_exact(name) >= 0) c.kind = MentionKind::Person;
      }
  // A one-word country that the document also uses as a person's surname ("Ms. English", then
  // "English told reporters") is that person.
  for (auto& s : scanned)
    for (auto& c : s.chunks)
      if (c.kind == MentionKind::Country && c.te == c.tb + 1 && s.tokens[c.tb].cap) {
        std::string word(s.tokens[c.tb].text);
        if (anchored_single.count(word) || table.is_surname(word)) {
          c.kind = MentionKind::Person;
          c.value.clear();
        }
      }

  DocumentEntities out;
  // Pass 2: resolve every person chunk to an entity; drop unanchored unknown single words.
  std::vector<std::vector<int>> chunk_entity(scanned.size());
  for (std::size_t si = 0; si < scanned.size(); ++si) {
    auto& s = scanned[si];
    chunk_entity[si].assign(s.chunks.size(), -1);
    for (std::size_t ci = 0; ci < s.chunks.size(); ++ci) {
      auto& c = s.chunks[ci];
      if (c.kind != MentionKind::Person) continue;
      std::size_t words = 0;
      for (std::size_t k = c.name_tb; k < c.te; ++k) words += s.tokens[k].word ? 1 : 0;
      int id = -1;
      if (words >= 2 && full_id[si][ci] >= 0) {
        chunk_entity[si][ci] = full_id[si][ci];  // keys are never removed: the id stays right
        continue;
      }
      std::string name = join_tokens(s.tokens, c.name_tb, c.te, clean);
      if (words >= 2) {
        id = table.find_exact(name);
      } else {
        id = table.resolve_short(name);
        // Of several persons with this name, the one the same title was given to.
        if (auto title = title_before(s, ci); id >= 0 && !title.empty()) {
          auto it = title_of_full.find(title);
          if (it != title_of_full.end())
            for (int holder : it->second)
              if (holder != id && table.name_has_word(holder, name)) {
                id = holder;
                break;
              }
        }
        if (id < 0 && anchored_single.count(name)) id = table.add_full(name);
        if (id >= 0) add_alias(table.persons()[id], name);
      }
      chunk_entity[si][ci] = id;
    }
  }

  // Acronyms defined in the text: "Communist Party of Vietnam (CPV) ...", "... Fund, or RDIF".
  // A later bare "CPV" is that organisation.
  std::unordered_map<std::string, std::string> acronyms;
  for (auto& s : scanned) {
    for (std::size_t ci = 0; ci < s.chunks.size(); ++ci) {
      auto& c = s.chunks[ci];
      if (c.kind != MentionKind::Org) continue;
      for (std::size_t k = c.tb + 1; k + 2 < c.te + 1 && k + 2 <= s.tokens.size(); ++k) {
        if (s.tokens[k].text != "(" || k + 2 >= s.tokens.size() || s.tokens[k + 2].text != ")") continue;
        const auto& acr = s.tokens[k + 1];
        if (!acr.allcaps) continue;
        acronyms.emplace(std::string(acr.text), join_tokens(s.tokens, c.tb, k, clean));
      }
      // "..., or RDIF,": an acronym chunk right after an org and ", or".
      if (ci + 1 < s.chunks.size() && s.chunks[ci + 1].kind == MentionKind::Org && s.chunks[ci + 1].tb == c.te + 2 &&
          c.te + 1 < s.tokens.size() && s.tokens[c.te].text == "," && low(s.tokens[c.te + 1]) == "or" &&
          s.chunks[ci + 1].te == s.chunks[ci + 1].tb + 1 && s.tokens[s.chunks[ci + 1].tb].allcaps)
        acronyms.emplace(std::string(s.tokens[s.chunks[ci + 1].tb].text), join_tokens(s.tokens, c.tb, c.te, clean));
    }
  }

  // Titles right before a person ("Chancellor Gordon Brown") or in apposition to one ("Russia's
  // then-ambassador, Sergei Kislyak"; "Sergei Kislyak, Russia's ambassador") let "the chancellor"
  // and "the Russian ambassador" refer back. A holder keeps the country written with the title.
  // A title's own words, lower-cased: "then-ambassador" is held as "ambassador".
  auto title_key = [&](const ScannedSentence& s, const Chunk& c) {
    std::string key = to_lower_ascii(join_tokens(s.tokens, c.tb, c.te, clean));
    if (c.text_begin > s.tokens[c.tb].begin) key.erase(0, std::min(key.size(), c.text_begin - s.tokens[c.tb].begin));
    return key;
  };
  struct Holder {
    int person;
    std::string country;
  };
  std::map<std::string, std::vector<Holder>> holders;
  std::set<std::pair<std::size_t, std::size_t>> naming_titles;  // (sentence, chunk) of titles that name a holder
  for (std::size_t si = 0; si < scanned.size(); ++si) {
    auto& s = scanned[si];
    auto country_before = [&](std::size_t ci) -> std::string {  // "Russian ambassador", "Russia's ambassador"
      if (ci == 0 || s.chunks[ci - 1].kind != MentionKind::Country) return {};
      const auto& k = s.chunks[ci - 1];
      std::size_t tb = s.chunks[ci].tb;
      if (k.te == tb || (k.te + 1 == tb && s.tokens[k.te].text == "'s")) return k.value;
      return {};
    };
    auto note = [&](std::size_t ti, int person) {
      if (person < 0) return;
      naming_titles.emplace(si, ti);
      auto& v = holders[title_key(s, s.chunks[ti])];
      std::string country = country_before(ti);
      for (const auto& h : v)
        if (h.person == person && h.country == country) return;
      v.push_back({person, std::move(country)});
    };
    auto comma_between = [&](std::size_t a, std::size_t b) {
      return s.chunks[a].te + 1 == s.chunks[b].tb && s.tokens[s.chunks[a].te].text == ",";
    };
    // An apposition is closed by a comma or the sentence's end; without that, "Before meeting
    // Bush, the Crown Prince paid a call" would make Bush the crown prince.
    auto closed_after = [&](std::size_t te) {
      if (te >= s.tokens.size()) return true;
      std::string_view w = s.tokens[te].text;
      return w == "," || ((w == "." || w == ";") && te + 1 == s.tokens.size());
    };
    for (std::size_t ci = 0; ci + 1 < s.chunks.size(); ++ci) {
      auto& c = s.chunks[ci];
      auto& n = s.chunks[ci + 1];
      if (c.kind == MentionKind::Title && n.kind == MentionKind::Person &&
          (n.tb == c.te || (comma_between(ci, ci + 1) && !country_before(ci).empty() && closed_after(n.te))))
        note(ci, chunk_entity[si][ci + 1]);
      if (c.kind == MentionKind::Person && chunk_entity[si][ci] >= 0 && c.te + 1 < s.tokens.size() &&
          s.tokens[c.te].text == ",") {
        // "Sergei Kislyak, Russia's ambassador," / "Gordon Brown, the chancellor,"
        std::size_t k = ci + 1;
        if (s.chunks[k].kind == MentionKind::Country && k + 1 < s.chunks.size()) ++k;
        const auto& t = s.chunks[k];
        std::size_t first = s.chunks[ci + 1].tb;
        bool article = first == c.te + 2 && low(s.tokens[c.te + 1]) == "the";
        if (t.kind == MentionKind::Title && (first == c.te + 1 || article) && closed_after(t.te) &&
            (k == ci + 1 || !country_before(k).empty()))
          note(k, chunk_entity[si][ci]);
      }
    }
  }
  // The one person a reference to a title can mean: with a country ("the Russian ambassador"),
  // the one holder the text gave that country; without one, the title's only holder.
  auto title_holder = [&](const std::string& title, const std::string* country) {
    auto it = holders.find(title);
    if (it == holders.end()) return -1;
    int found = -1;
    for (const auto& h : it->second) {
      if (country && h.country != *country) continue;
      if (found >= 0 && found != h.person) return -1;
      found = h.person;
    }
    return found;
  };

  // Each person's sex as the text gives it (see sex_of_word). Pronouns are not resolved to a
  // person the text gives the other sex; unknown fits both.
  std::vector<Sex> sex(table.persons().size(), Sex::kUnknown);
  auto note_sex = [&](int id, Sex x) {
    if (id < 0 || x == Sex::kUnknown) return;
    if (static_cast<std::size_t>(id) >= sex.size()) sex.resize(static_cast<std::size_t>(id) + 1, Sex::kUnknown);
    Sex& cur = sex[static_cast<std::size_t>(id)];
    cur = cur == Sex::kUnknown || cur == x ? x : Sex::kBoth;
  };
  for (std::size_t si = 0; si < scanned.size(); ++si) {
    const auto& s = scanned[si];
    for (std::size_t ci = 0; ci < s.chunks.size(); ++ci) {
      const auto& c = s.chunks[ci];
      int id = chunk_entity[si][ci];
      if (c.kind != MentionKind::Person || id < 0) continue;
      if (c.name_tb > c.tb) note_sex(id, sex_of_word(low(s.tokens[c.tb])));  // the honorific's first word
      else if (c.tb > 0 && s.tokens[c.tb - 1].word) note_sex(id, sex_of_word(low(s.tokens[c.tb - 1])));
    }
  }
  // Failing those, a first name that tells the sex ("Hillary Clinton", "Donald Trump").
  for (std::size_t id = 0; id < table.persons().size(); ++id) {
    if (id < sex.size() && sex[id] != Sex::kUnknown) continue;
    const std::string& name = table.persons()[id].name;
    std::size_t space = name.find(' ');
    if (space == std::string::npos) continue;
    std::uint32_t f = lex.flags(to_lower_ascii(name.substr(0, space)));
    if ((f & kFemaleName) && !(f & kMaleName)) note_sex(static_cast<int>(id), Sex::kFemale);
    if ((f & kMaleName) && !(f & kFemaleName)) note_sex(static_cast<int>(id), Sex::kMale);
  }
  auto fits = [&](int id, std::string_view pronoun) {
    if (id < 0 || static_cast<std::size_t>(id) >= sex.size()) return true;
    Sex x = sex[static_cast<std::size_t>(id)];
    bool female = pronoun == "she" || pronoun == "her";
    return !(female ? x == Sex::kMale : x == Sex::kFemale);
  };
  // The person to read a pronoun as: `ref` when the sexes fit, else the most recent person of this
  // sentence, then of the sentences before, who fits; -1 when none does.
  auto fitting = [&](int ref, std::string_view pronoun, const std::vector<int>& in_sentence,
                     const std::vector<int>& recent) {
    if (fits(ref, pronoun)) return ref;
    for (auto it = in_sentence.rbegin(); it != in_sentence.rend(); ++it)
      if (*it != ref && fits(*it, pronoun)) return *it;
    for (int r : recent)
      if (r != ref && fits(r, pronoun)) return r;
    return -1;
  };

  // Pass 3: tagged strings, with subject pronouns and "the <title>" resolved.
  int salient = -1;
  const auto quotations = find_quotations(scanned, chunk_entity, clean, lower);
  std::vector<int> recent;  // persons, most recently mentioned first (up to the sentence start)
  std::pair<int, int> previous_pair{-1, -1};  // the pair that opened the sentence before, if any
  for (std::size_t si = 0; si < scanned.size(); ++si) {
    auto& s = scanned[si];
    TaggedSentence ts;
    ts.span = s.span;
    std::size_t first_word = 0;
    while (first_word < s.tokens.size() && !s.tokens[first_word].word) ++first_word;
    int first_person = -1;
    std::vector<int> in_sentence;  // persons named so far in this sentence, in order
    std::size_t ci = 0;
    std::size_t prev_end = s.span.begin;
    ts.tagged.reserve(s.span.end - s.span.begin + 16);
    ts.tagged_to_clean.reserve(s.span.end - s.span.begin + 17);
    auto emit_gap = [&](std::size_t upto) {
      if (upto <= prev_end) return;
      ts.tagged.append(clean.substr(prev_end, upto - prev_end));
      std::size_t at = ts.tagged_to_clean.size();
      ts.tagged_to_clean.resize(at + (upto - prev_end));
      for (std::size_t p = prev_end; p < upto; ++p) ts.tagged_to_clean[at++] = p;
    };
    auto emit_marker = [&](char kind, int index, std::size_t b) {
      std::string m = "\x01";
      m += kind;
      m += std::to_string(index);
      m += '\x02';
      for (char ch : m) {
        ts.tagged.push_back(ch);
        ts.tagged_to_clean.push_back(b);
      }
    };
    // Bytes the rules read that the text does not have, mapped to where they stand in for it.
    auto emit_word = [&](std::string_view w, std::size_t at) {
      for (char ch : w) {
        ts.tagged.push_back(ch);
        ts.tagged_to_clean.push_back(at);
      }
    };
    // "He's told me", "she's met": after a subject pronoun "'s" is "has" (or "is"), never a
    // possessive; the rules read "has". Returns the token index the loop goes on from.
    auto expand_has = [&](std::size_t k) {
      if (k + 1 < s.tokens.size() && s.tokens[k + 1].begin == s.tokens[k].end && low(s.tokens[k + 1]) == "'s") {
        emit_word(" has", s.tokens[k + 1].begin);
        prev_end = s.tokens[k + 1].end;
        return k + 1;
      }
      return k;
    };
    for (std::size_t ti = 0; ti < s.tokens.size();) {
      const auto& tok = s.tokens[ti];
      if (ci < s.chunks.size() && s.chunks[ci].tb == ti) {
        auto& c = s.chunks[ci];
        std::size_t b = s.tokens[c.tb].begin, e = s.tokens[c.te - 1].end;
        int ent = c.kind == MentionKind::Person ? chunk_entity[si][ci] : -1;
        if (c.kind == MentionKind::Person && ent < 0) {  // not a person after all: plain text
          ++ci;
          continue;
        }
        emit_gap(b);
        Mention m{c.kind, b, e, ent, {}};
        if (c.kind == MentionKind::Title) {
          m.begin = c.text_begin ? c.text_begin : b;
          m.value = c.former ? "former" : c.elect ? "elect" : "";
        } else if (c.kind == MentionKind::Country || c.kind == MentionKind::Party) {
          m.value = c.value;
        } else if (c.kind == MentionKind::Org && c.te == c.tb + 1) {
          // A bare acronym the text defined reads as the full name.
          auto it = acronyms.find(std::string(s.tokens[c.tb].text));
          if (it != acronyms.end()) m.value = it->second;
        } else if (c.kind == MentionKind::Person) {
          m.begin = s.tokens[c.name_tb].begin;
          if (first_person < 0) first_person = ent;
          in_sentence.push_back(ent);
        }
        // "the chancellor" alone refers to the one person the document gave that title.
        bool referring = false;
        if (c.kind == MentionKind::Title && c.tb > 0 && low(s.tokens[c.tb - 1]) == "the" &&
            !(ci + 1 < s.chunks.size() && s.chunks[ci + 1].tb == c.te) && !naming_titles.count({si, ci})) {
          int holder = title_holder(title_key(s, c), nullptr);
          if (holder >= 0) {
            emit_marker('P', holder, b);
            ts.mentions.push_back({MentionKind::Person, b, e, holder, "title-ref"});
            referring = true;
          }
        }
        // "the Russian ambassador", "Russia's ambassador" with no name after it: one marker for both.
        if (c.kind == MentionKind::Country && ci + 1 < s.chunks.size() && s.chunks[ci + 1].kind == MentionKind::Title) {
          const auto& t = s.chunks[ci + 1];
          bool possessive = c.te + 1 == t.tb && s.tokens[c.te].text == "'s";
          bool article = c.te == t.tb && c.tb > 0 && low(s.tokens[c.tb - 1]) == "the";
          bool named = ci + 2 < s.chunks.size() && s.chunks[ci + 2].tb <= t.te + 1;
          if ((possessive || article) && !named && !naming_titles.count({si, ci + 1})) {
            int holder = title_holder(title_key(s, t), &c.value);
            if (holder >= 0) {
              std::size_t te = s.tokens[t.te - 1].end;
              emit_marker('P', holder, b);
              ts.mentions.push_back({MentionKind::Person, b, te, holder, "title-ref"});
              prev_end = te;
              ti = t.te;
              ci += 2;
              continue;
            }
          }
        }
        if (!referring) {
          emit_marker(static_cast<char>(c.kind), c.kind == MentionKind::Person ? ent : static_cast<int>(ts.mentions.size()), b);
          ts.mentions.push_back(std::move(m));
        }
        prev_end = e;
        ti = c.te;
        ++ci;
        continue;
      }
      if (ci < s.chunks.size() && s.chunks[ci].tb < ti) {
        ++ci;
        continue;
      }
      // Every word looked at below ("they", "the", "both", "him", "her", "he", "she") is short.
      if (!tok.word || tok.end - tok.begin > 4) {
        ++ti;
        continue;
      }
      // "Trump and his wife Melania were whisked off, where they were met by ...": "they" after
      // two persons joined by "and" in this sentence, or opening a sentence that follows one
      // which opened with such a pair, is that pair. Any other "they" stays unresolved.
      if (tok.word && low(tok) == "they") {
        auto pair = joined_pair(ts.mentions, clean);
        if (!pair && ti == first_word && previous_pair.first >= 0) pair = previous_pair;
        if (pair) {
          emit_gap(tok.begin);
          emit_marker('P', pair->first, tok.begin);
          emit_word(" and ", tok.begin);
          emit_marker('P', pair->second, tok.begin);
          ts.mentions.push_back({MentionKind::Person, tok.begin, tok.end, pair->first, "pair"});
          ts.mentions.push_back({MentionKind::Person, tok.begin, tok.end, pair->second, "pair"});
          prev_end = tok.end;
          ++ti;
          continue;
        }
      }
      // "the pair", "the two men": the last two persons this sentence named so far ("... Mahathir's
      // office released a video showing the two men meeting"), else the two mentioned most
      // recently before it.
      if (tok.word && (low(tok) == "the" || low(tok) == "both")) {
        std::size_t len = 0;
        auto w = [&](std::size_t k) { return ti + k < s.tokens.size() ? low(s.tokens[ti + k]) : std::string_view(); };
        if (w(0) == "the" && w(1) == "pair") len = 2;
        if (w(0) == "the" && w(1) == "two" && (w(2) == "men" || w(2) == "leaders" || w(2) == "women")) len = 3;
        // "the two had a phone conversation", "the two met in 2015": "the two" as a subject.
        static const std::set<std::string_view> kPairVerbs = {"had", "have", "met", "meet", "spoke", "talked", "held",
                                                               "discussed", "agreed", "shook", "dined", "chatted"};
        if (!len && w(0) == "the" && w(1) == "two" && kPairVerbs.count(w(2))) len = 2;
        if (w(0) == "both" && (w(1) == "men" || w(1) == "leaders")) len = 2;
        std::pair<int, int> two{-1, -1};  // older, newer
        for (auto it = in_sentence.rbegin(); len && it != in_sentence.rend() && two.first < 0; ++it) {
          if (two.second < 0) two.second = *it;
          else if (*it != two.second) two.first = *it;
        }
        if (len && two.first < 0 && recent.size() >= 2) two = {recent[1], recent[0]};
        if (two.first >= 0) {
          const auto& last = s.tokens[ti + len - 1];
          emit_gap(tok.begin);
          emit_marker('P', two.first, tok.begin);
          emit_word(" and ", tok.begin);
          emit_marker('P', two.second, tok.begin);
          ts.mentions.push_back({MentionKind::Person, tok.begin, last.end, two.first, "pair"});
          ts.mentions.push_back({MentionKind::Person, tok.begin, last.end, two.second, "pair"});
          prev_end = last.end;
          ti += len;
          continue;
        }
      }
      // Subject pronouns: the person this sentence is about so far, else the salient one.
      // Object pronouns ("talks with her yesterday"): the salient person of the sentences
      // before, when that is someone else than this sentence's first person.
      std::string_view lower_tok = tok.word ? low(tok) : std::string_view();
      bool object_pronoun = false;
      if (lower_tok == "him" || lower_tok == "her") {
        std::size_t nx = ti + 1;
        bool ends = nx >= s.tokens.size() || !s.tokens[nx].word ||
                    lex.is_non_name(low(s.tokens[nx]));
        object_pronoun = ends && (lower_tok == "him" || nx >= s.tokens.size() || !s.tokens[nx].word ||
                                  low(s.tokens[nx]) != "own");
      }
      if (object_pronoun) {
        // The object of a clause is not its subject, which is the person named last before it:
        // "Cable said Darling had phoned him" -> Cable; with one person before, the salient one.
        int ref = -1;
        if (!in_sentence.empty()) {
          int last = in_sentence.back();
          for (auto it = in_sentence.rbegin(); it != in_sentence.rend() && ref < 0; ++it)
            if (*it != last) ref = *it;
          if (ref < 0 && salient != last) ref = salient;
        } else {
          ref = salient;
        }
        // "A and B visited her": the object is neither of a subject pair.
        if (auto pair = joined_pair(ts.mentions, clean); pair && (ref == pair->first || ref == pair->second))
          ref = salient != pair->first && salient != pair->second ? salient : -1;
        if (ref >= 0) ref = fitting(ref, lower_tok, in_sentence, recent);
        if (ref >= 0) {
          emit_gap(tok.begin);
          emit_marker('P', ref, tok.begin);
          ts.mentions.push_back({MentionKind::Person, tok.begin, tok.end, ref, "pronoun"});
          prev_end = tok.end;
        }
      } else if (tok.word &&
                 (lower_tok == "i" || lower_tok == "we" || lower_tok == "me" || lower_tok == "us" ||
                  lower_tok == "i've" || lower_tok == "we've") &&
                 speaker_at(quotations[si], ti) >= 0) {
        // "We met with Senator Sessions," Trump said: the speaker's own words.
        int speaker = speaker_at(quotations[si], ti);
        emit_gap(tok.begin);
        emit_marker('P', speaker, tok.begin);
        ts.mentions.push_back({MentionKind::Person, tok.begin, tok.end, speaker, "pronoun"});
        prev_end = tok.end;
        if (lower_tok.ends_with("'ve")) emit_word(" have", tok.begin);
        if (first_person < 0 && lower_tok != "me" && lower_tok != "us") first_person = speaker;
        ti = expand_has(ti);
      } else if (tok.word && is_pronoun_subject(lower_tok)) {
        int ref = first_person >= 0 ? first_person : salient;
        // "the seat vacated by Jeff Sessions when he became attorney general": after a
        // subordinator that follows a named person, the pronoun is that person.
        if (ti >= 2 && !in_sentence.empty() && s.tokens[ti - 1].word) {
          std::string_view prev = low(s.tokens[ti - 1]);
          bool subordinator = prev == "when" || prev == "while" || prev == "until" || prev == "because";
          if (subordinator && !s.tokens[ti - 2].word && s.tokens[ti - 2].text == ",") subordinator = false;
          if (subordinator && !ts.mentions.empty() && ts.mentions.back().kind == MentionKind::Person &&
              ts.mentions.back().value.empty() && ts.mentions.back().end == s.tokens[ti - 2].end)
            ref = in_sentence.back();
        }
        // In a speaker's own words "he" is someone else: the person named last before.
        if (int speaker = speaker_at(quotations[si], ti); speaker >= 0 && ref == speaker) {
          ref = -1;
          for (auto it = in_sentence.rbegin(); it != in_sentence.rend() && ref < 0; ++it)
            if (*it != speaker) ref = *it;
          for (auto it = recent.begin(); it != recent.end() && ref < 0; ++it)
            if (*it != speaker) ref = *it;
        }
        if (ref >= 0) ref = fitting(ref, lower_tok, in_sentence, recent);
        if (ref >= 0) {
          emit_gap(tok.begin);
          emit_marker('P', ref, tok.begin);
          ts.mentions.push_back({MentionKind::Person, tok.begin, tok.end, ref, "pronoun"});
          prev_end = tok.end;
          if (first_person < 0) first_person = ref;
          ti = expand_has(ti);
        }
      }
      ++ti;
    }
    emit_gap(s.span.end);
    ts.tagged_to_clean.push_back(s.span.end);
    if (first_person >= 0) salient = first_person;
    previous_pair = {-1, -1};
    // The pair opens the sentence, maybe after an opening phrase ("In the afternoon, A and B ...").
    if (auto pair = joined_pair(ts.mentions, clean); pair && first_word < s.tokens.size()) {
      std::size_t opener = first_word;
      for (std::size_t k = first_word; k < s.tokens.size() && k < first_word + 8; ++k)
        if (s.tokens[k].text == ",") {
          opener = k + 1;
          break;
        }
      std::size_t front = ts.mentions.front().begin;
      if (front == s.tokens[first_word].begin || (opener < s.tokens.size() && front == s.tokens[opener].begin))
        previous_pair = *pair;
    }
    for (const auto& m : ts.mentions) {
      if (m.kind != MentionKind::Person || m.value == "pair") continue;
      std::erase(recent, m.entity);
      recent.insert(recent.begin(), m.entity);
    }
    out.sentences.push_back(std::move(ts));
  }
  out.persons = std::move(table.persons());
  return out;
}

}  // namespace newsgraph

