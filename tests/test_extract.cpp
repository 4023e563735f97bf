// Extraction rules, one family at a time, on sentences written for these tests: what must be
// found, and what must not (planned, refused and hypothetical meetings, unnamed parties,
// companies, "counterpart"). Regression tests for false relations found in real news are named
// after the pattern they guard.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "extract/rules.h"

namespace {

using newsgraph::Document;
using newsgraph::Relation;

std::vector<Relation> extract(const std::string& text, const std::string& date = "") {
  static const newsgraph::Extractor extractor;
  return extractor.extract(Document{"t", date, "", text, ""});
}

bool has_pair(const std::vector<Relation>& rs, const std::string& rel, const std::string& a, const std::string& b) {
  return std::any_of(rs.begin(), rs.end(), [&](const Relation& r) {
    return r.relation == rel && ((r.subject == a && r.object == b) || (r.subject == b && r.object == a));
  });
}

std::size_t count(const std::vector<Relation>& rs, const std::string& rel) {
  return std::count_if(rs.begin(), rs.end(), [&](const Relation& r) { return r.relation == rel; });
}

const Relation* office(const std::vector<Relation>& rs, const std::string& person, const std::string& title) {
  for (const auto& r : rs)
    if (r.relation == "holds_office" && r.subject == person && r.title == title) return &r;
  return nullptr;
}

bool has_affiliation(const std::vector<Relation>& rs, const std::string& rel, const std::string& person,
                     const std::string& org) {
  return std::any_of(rs.begin(), rs.end(), [&](const Relation& r) {
    return r.relation == rel && r.subject == person && r.org && *r.org == org;
  });
}

}  // namespace

TEST_CASE("meetings: verbs and nominal forms") {
  CHECK(has_pair(extract("Prime Minister Kenji Sato met Park Min-jun in Seoul."), "met_with", "Kenji Sato", "Park Min-jun"));
  CHECK(has_pair(extract("Kenji Sato held talks on Monday with Park Min-jun."), "met_with", "Kenji Sato", "Park Min-jun"));
  CHECK(has_pair(extract("Talks between Kenji Sato and Park Min-jun ended late."), "met_with", "Kenji Sato",
                 "Park Min-jun"));
  CHECK(has_pair(extract("Speaking after a meeting with Park Min-jun, Kenji Sato said trade would grow."), "met_with",
                 "Kenji Sato", "Park Min-jun"));
  CHECK(has_pair(extract("David Hale spoke. Hale told visiting Foreign Minister Arjun Rao that trade would grow."),
                 "met_with", "David Hale", "Arjun Rao"));
  CHECK(has_pair(extract("Anne Morel and David Hale held talks in Paris last year."), "met_with", "Anne Morel",
                 "David Hale"));
}

TEST_CASE("meetings: one subject and a list give a star, not a clique") {
  auto rs = extract("Ana Lopez met Ravi Kumar, Omar Haddad and Lena Fischer on Tuesday.");
  CHECK(has_pair(rs, "met_with", "Ana Lopez", "Ravi Kumar"));
  CHECK(has_pair(rs, "met_with", "Ana Lopez", "Omar Haddad"));
  CHECK(has_pair(rs, "met_with", "Ana Lopez", "Lena Fischer"));
  CHECK_FALSE(has_pair(rs, "met_with", "Ravi Kumar", "Omar Haddad"));
  CHECK(count(rs, "met_with") == 3);
}

TEST_CASE("meetings: counterpart is a person to meet but no office") {
  auto rs = extract("Foreign Minister Wang Lei met with his Vietnamese counterpart, Bui Van An, on Thursday.");
  CHECK(has_pair(rs, "met_with", "Wang Lei", "Bui Van An"));
  CHECK(office(rs, "Wang Lei", "Foreign Minister") != nullptr);
  CHECK(std::none_of(rs.begin(), rs.end(), [](const Relation& r) {
    return r.relation == "holds_office" && r.subject == "Bui Van An";
  }));
}

TEST_CASE("meetings: what is not a fact is not extracted") {
  CHECK(count(extract("Foreign Minister Ana Lopez will meet Premier Li Qiang next week."), "met_with") == 0);
  CHECK(count(extract("Ana Lopez is due to hold talks with Ravi Kumar on Friday."), "met_with") == 0);
  CHECK(count(extract("President Maria Silva refused to meet Governor John Carter."), "met_with") == 0);
  CHECK(count(extract("John Carter could help arrange a meeting with Maria Silva."), "met_with") == 0);
  CHECK(count(extract("Ana Lopez is expected to hold talks with Ravi Kumar."), "met_with") == 0);
  CHECK(count(extract("Ana Lopez hopes to meet Ravi Kumar soon."), "met_with") == 0);
}

TEST_CASE("meetings: unnamed parties and companies are not persons") {
  CHECK(count(extract("German Chancellor Olaf Brandt met with senior Chinese officials in Beijing."), "met_with") == 0);
  CHECK(count(extract("Acme Corp held talks with Globex Inc about a merger."), "met_with") == 0);
  CHECK(count(extract("Five unions met Deputy Prime Minister John Parker at the conference."), "met_with") == 0);
}

TEST_CASE("regression: 'was met with' is a reaction, not a meeting") {
  CHECK(count(extract("The plan was met with anger by Senator Tom Hardy."), "met_with") == 0);
}

TEST_CASE("regression: 'welcomed X's announcement' is no meeting") {
  CHECK(count(extract("Senator Marco Diaz welcomed President Ann Lee's announcement on Monday."), "met_with") == 0);
}

TEST_CASE("calls: telephone and video, not spoken-with alone") {
  CHECK(has_pair(extract("David Hale spoke by telephone with French President Anne Morel on Sunday."), "phoned",
                 "David Hale", "Anne Morel"));
  CHECK(has_pair(extract("Schumer called Franken immediately after the story broke."), "phoned", "Schumer", "Franken") ==
        false);  // one-word names with no anchor in the text are not persons
  CHECK(has_pair(extract("Senator Chuck Adams called Senator Al Brooks immediately after the story broke."), "phoned",
                 "Chuck Adams", "Al Brooks"));
  CHECK(has_pair(extract("Ana Lopez held a telephone conversation with Ravi Kumar."), "phoned", "Ana Lopez",
                 "Ravi Kumar"));
  CHECK(count(extract("Ana Lopez held a telephone conversation with Ravi Kumar."), "met_with") == 0);
  CHECK(count(extract("Ana Lopez said she had spoken with Ravi Kumar about it."), "phoned") == 0);
  CHECK(count(extract("Ana Lopez tried to call Ravi Kumar twice."), "phoned") == 0);
}

TEST_CASE("offices: title before a name, with country and party modifiers") {
  auto rs = extract("Chinese President Xi Ming and Tory leader Michael Howe spoke.");
  const Relation* xi = office(rs, "Xi Ming", "President");
  REQUIRE(xi != nullptr);
  CHECK(xi->org == std::optional<std::string>("China"));
  CHECK(xi->object == "President of China");
  const Relation* howe = office(rs, "Michael Howe", "leader");
  REQUIRE(howe != nullptr);
  CHECK(howe->org == std::optional<std::string>("Tory"));
}

TEST_CASE("offices: possessive, apposition, copula and former") {
  auto rs = extract("Brazil's Finance Minister Dilson Rocha resigned.");
  REQUIRE(office(rs, "Dilson Rocha", "Finance Minister") != nullptr);
  CHECK(office(rs, "Dilson Rocha", "Finance Minister")->org == std::optional<std::string>("Brazil"));

  rs = extract("Peter Wu, chief executive of Orion Bank, said profits rose.");
  REQUIRE(office(rs, "Peter Wu", "chief executive") != nullptr);
  CHECK(office(rs, "Peter Wu", "chief executive")->org == std::optional<std::string>("Orion Bank"));

  rs = extract("Former foreign secretary Robin Crook says the advice should be published.");
  REQUIRE(office(rs, "Robin Crook", "foreign secretary") != nullptr);
  CHECK(office(rs, "Robin Crook", "foreign secretary")->former);

  rs = extract("Lena Fischer, who chairs the Banking Committee, disagreed.");
  CHECK(rs.size() <= 2);  // "chairs" with a lowercase verb is not a title lookup; nothing invented
}

TEST_CASE("offices: an abbreviated repeat is no second office") {
  auto rs = extract("Prime Minister Lee Wei Ming spoke on Monday. PM Lee said trade matters.");
  CHECK(office(rs, "Lee Wei Ming", "Prime Minister") != nullptr);
  CHECK(office(rs, "Lee Wei Ming", "PM") == nullptr);
}

TEST_CASE("offices: advisers and candidates hold no office") {
  auto rs = extract("Homeland Security Adviser Tom Boss called the minister.");
  CHECK(std::none_of(rs.begin(), rs.end(), [](const Relation& r) { return r.relation == "holds_office"; }));
  rs = extract("Republican Senate candidate Roy Mills lost.");
  CHECK(std::none_of(rs.begin(), rs.end(), [](const Relation& r) { return r.relation == "holds_office"; }));
  CHECK(has_affiliation(rs, "member_of", "Roy Mills", "Republican Party"));
}

TEST_CASE("membership and affiliation") {
  CHECK(has_affiliation(extract("Democrat Lisa Grant criticised the deal."), "member_of", "Lisa Grant",
                        "Democratic Party"));
  CHECK(has_affiliation(extract("Sen. John Dale, a Missouri Republican, said no."), "member_of", "John Dale",
                        "Republican Party"));
  CHECK(has_affiliation(extract("Arjun Rao, a professor at Delhi University, said the talks went well."),
                        "affiliated_with", "Arjun Rao", "Delhi University"));
  CHECK(has_affiliation(extract("BBC political correspondent Vicky Yates said it was likely."), "affiliated_with",
                        "Vicky Yates", "BBC"));
}

TEST_CASE("names resolve to the most complete form in the document") {
  auto rs = extract("Chinese President Xi Ming arrived on Monday. Xi met Vo Van Tam in Hanoi.");
  CHECK(has_pair(rs, "met_with", "Xi Ming", "Vo Van Tam"));
  rs = extract("Prime Minister Tony Blaire spoke. Later Mr Blaire met Gordon Browne.");
  CHECK(has_pair(rs, "met_with", "Tony Blaire", "Gordon Browne"));
}

TEST_CASE("a subject pronoun resolves to the person the text is about") {
  auto rs = extract("Vuong Dinh Hoa arrived in Beijing. He also held talks on Monday with Zhao Leming.");
  CHECK(has_pair(rs, "met_with", "Vuong Dinh Hoa", "Zhao Leming"));
}

TEST_CASE("records carry evidence, span, rule, date and place") {
  std::string text = "Intro line.\nWang Yu also met with Tran Quang, deputy prime minister of Vietnam,\nin Beijing on Monday.";
  auto rs = extract(text, "2024-04-10");
  auto it = std::find_if(rs.begin(), rs.end(), [](const Relation& r) { return r.relation == "met_with"; });
  REQUIRE(it != rs.end());
  CHECK(text.substr(it->span_begin, it->span_end - it->span_begin) == it->evidence);
  CHECK(it->evidence.find("Wang Yu also met") == 0);
  CHECK(it->rule == "meeting.met");
  CHECK(it->date == std::optional<std::string>("2024-04-08"));  // the Monday before 2024-04-10
  CHECK(it->place == std::optional<std::string>("Beijing"));
}

TEST_CASE("rule files: errors name the file, line, rule and RE2's message") {
  newsgraph::RuleSet set;
  CHECK_THROWS_WITH_AS(set.add_file("bad.json", "{\n  \"rules\": [\n    {\"id\": \"x\",}\n  ]\n}"),
                       doctest::Contains("bad.json:3:"), newsgraph::RuleError);
  newsgraph::RuleSet set2;
  try {
    set2.add_file("re.json", "{\"rules\":[{\"id\":\"broken\",\"relation\":\"met_with\",\"pattern\":\"{PERSON:a} (met {PERSON:b}\"}]}");
    FAIL("a bad pattern must throw");
  } catch (const newsgraph::RuleError& e) {
    std::string msg = e.what();
    CHECK(msg.find("re.json:1") == 0);
    CHECK(msg.find("rule broken") != std::string::npos);
    CHECK(msg.find("missing )") != std::string::npos);  // RE2's own words
  }
  newsgraph::RuleSet set3;
  CHECK_THROWS_WITH_AS(set3.add_file("slot.json", "{\"rules\":[{\"id\":\"s\",\"relation\":\"met_with\",\"pattern\":\"{HUMAN:a} met {PERSON:b}\"}]}"),
                       doctest::Contains("unknown slot type 'HUMAN'"), newsgraph::RuleError);
}

TEST_CASE("acronyms defined in the text keep their full name beside the org as written") {
  auto rs = extract("The Communist Party of Vietnam (CPV) met in Hanoi. CPV General Secretary Nguyen Van Binh spoke.");
  const Relation* r = office(rs, "Nguyen Van Binh", "General Secretary");
  REQUIRE(r != nullptr);
  CHECK(r->org == std::optional<std::string>("CPV"));
  CHECK(r->org_full == std::optional<std::string>("Communist Party of Vietnam"));
}

TEST_CASE("regression: a headline verb is no first name") {
  auto rs = extract("Stop Mendez plan Lopez says\n\nMayor Ana Lopez criticised President Mendez's plan on Monday.");
  CHECK(office(rs, "Mendez", "President") != nullptr);
  CHECK(office(rs, "Stop Mendez", "President") == nullptr);
}

TEST_CASE("meetings: hosting, receiving, lunch, visits and titles with adjectives") {
  CHECK(has_pair(extract("German Chancellor Olaf Brandt hosted French President Anne Morel in Berlin on Tuesday."),
                 "met_with", "Olaf Brandt", "Anne Morel"));
  CHECK(has_pair(extract("Marco Conti had lunch with Finance Minister Petra Vogel."), "met_with", "Marco Conti",
                 "Petra Vogel"));
  CHECK(has_pair(extract("Olaf Brandt also met with opposition leader Kurt Maier, his spokesman said."), "met_with",
                 "Olaf Brandt", "Kurt Maier"));
  CHECK(has_pair(extract("Luis Ortega and Petra Vogel discussed inflation at a private dinner."), "met_with",
                 "Luis Ortega", "Petra Vogel"));
}

TEST_CASE("calls: placed, video and fronted") {
  CHECK(has_pair(extract("Anne Morel telephoned Marco Conti after the summit."), "phoned", "Anne Morel", "Marco Conti"));
  CHECK(has_pair(extract("Prime Minister Hiro Tanaka and Olaf Brandt held a video call on Thursday."), "phoned",
                 "Hiro Tanaka", "Olaf Brandt"));
  CHECK(has_pair(extract("In a phone call with Hiro Tanaka, Anne Morel stressed unity."), "phoned", "Anne Morel",
                 "Hiro Tanaka"));
}

TEST_CASE("regression: expected, declined, postponed, reporters, resistance, never, conditional") {
  for (const char* s : {"President Ana Reyes and Prime Minister Jonas Berg are expected to meet in Oslo next month.",
                        "Ana Reyes declined to meet Jonas Berg in Oslo.",
                        "A planned meeting between Ana Reyes and Jonas Berg was postponed.",
                        "Jonas Berg met reporters outside parliament.",
                        "The proposal met with resistance from Finance Minister Lina Dahl.",
                        "Lina Dahl said she would meet Ana Reyes if invited.",
                        "Ana Reyes has never met Lina Dahl.",
                        "Jonas Berg spoke with Lina Dahl about the budget.",
                        "Ana Reyes may call Jonas Berg later this week."}) {
    CAPTURE(s);
    auto rs = extract(s);
    CHECK(count(rs, "met_with") + count(rs, "phoned") == 0);
  }
  // A past meeting told in a relative clause is a fact.
  CHECK(has_pair(extract("Karl Holm, who met Ana Reyes last year in Madrid, said little."), "met_with", "Karl Holm",
                 "Ana Reyes"));
}

TEST_CASE("AP style: party-state tags, press secretary, a person's staff") {
  auto rs = extract("Sen. Ted Crane, R-Texas, said the meeting was a waste of time.");
  CHECK(has_affiliation(rs, "member_of", "Ted Crane", "Republican Party"));
  rs = extract("White House press secretary Karen Pierre said no.");
  REQUIRE(office(rs, "Karen Pierre", "press secretary") != nullptr);
  CHECK(office(rs, "Karen Pierre", "press secretary")->org == std::optional<std::string>("White House"));
  // A person's possessive is no organisation.
  rs = extract("President Joe Baden spoke. Baden's chief of staff, Jeff Zimmer, joined the call.");
  REQUIRE(office(rs, "Jeff Zimmer", "chief of staff") != nullptr);
  CHECK_FALSE(office(rs, "Jeff Zimmer", "chief of staff")->org.has_value());
  rs = extract("Janet Yale, a former Federal Reserve chair, said she had spoken by phone with Senator Chuck Shaw.");
  CHECK(has_pair(rs, "phoned", "Janet Yale", "Chuck Shaw"));
  REQUIRE(office(rs, "Janet Yale", "chair") != nullptr);
  CHECK(office(rs, "Janet Yale", "chair")->former);
}

TEST_CASE("regression: a headline that ends on a name (found by fuzzing)") {
  // Read past the last token under AddressSanitizer before the fix.
  CHECK(extract("Vnis Pa").empty());
  CHECK_NOTHROW(extract("Gazprom Sun Corp, or"));
}

TEST_CASE("a relative clause between subject and verb; an org name of two words before a title") {
  auto rs = extract("Samia Hasan, who arrived on Sunday, also met Deputy President Rigathi Gacha.");
  CHECK(has_pair(rs, "met_with", "Samia Hasan", "Rigathi Gacha"));
  rs = extract("She toured a factory owned by Bidco Africa chairman Vimal Shahi.");
  REQUIRE(office(rs, "Vimal Shahi", "chairman") != nullptr);
  CHECK(office(rs, "Vimal Shahi", "chairman")->org == std::optional<std::string>("Bidco Africa"));
  // "said the president" after a name is no apposition.
  rs = extract("The spokesman, Hussein Mahmoud, said the president would travel in May.");
  CHECK(office(rs, "Hussein Mahmoud", "president") == nullptr);
}

TEST_CASE("regression: a name that starts with He is no pronoun after a title") {
  auto rs = extract("Tim Crook met Chinese Vice Premier He Lifang in Beijing on Friday.");
  CHECK(has_pair(rs, "met_with", "Tim Crook", "He Lifang"));
  CHECK(office(rs, "He Lifang", "Vice Premier") != nullptr);
  CHECK(office(rs, "Tim Crook", "Vice Premier") == nullptr);
}

TEST_CASE("prefilter: the collapse rewrites run only where a meeting or call rule may match") {
  auto rules = newsgraph::RuleSet::builtin();
  const std::string p0 = "\x01P0\x02", p1 = "\x01P1\x02", t0 = "\x01T0\x02";
  CHECK_FALSE(rules->coarse_may_match(p0 + " said " + p1 + " was wrong."));
  CHECK_FALSE(rules->coarse_may_match(t0 + " " + p0 + " praised " + p1 + "."));
  CHECK(rules->coarse_may_match(p0 + ", who arrived on Monday, met " + p1 + "."));
  CHECK(rules->coarse_may_match(p0 + " telephoned " + t0 + " " + p1 + "."));
  // Rewrites from another file may join words: then every sentence takes the coarse view.
  newsgraph::RuleSet custom;
  custom.add_builtin();
  custom.add_file("mine.json", R"({"collapse": [{"pattern": "(\\x01P\\d+\\x02) and friends", "replace": "\\1"}]})");
  custom.compile();
  CHECK(custom.coarse_may_match(p0 + " said " + p1 + " was wrong."));
}

TEST_CASE("prefilter: answers remembered for one rule set are not given for another") {
  using newsgraph::RuleView;
  auto builtin = newsgraph::RuleSet::builtin();
  newsgraph::RuleSet mine;
  mine.add_file("mine.json",
                R"({"rules": [{"id": "dined", "relation": "met_with", "pattern": "{PERSON:a} dined with {PERSON:b}"}]})");
  mine.compile();
  const std::string dined = "\x01P0\x02 dined with \x01P1\x02.", met = "\x01P0\x02 met \x01P1\x02.";
  auto ids = [&](const newsgraph::RuleSet& set, const std::string& text) {
    std::vector<std::string> out;
    for (int i : set.candidates(RuleView::Coarse, text)) out.push_back(set.rules()[i]->id);
    return out;
  };
  const auto builtin_met = ids(*builtin, met);
  CHECK(std::find(builtin_met.begin(), builtin_met.end(), "meeting.met") != builtin_met.end());
  for (int round = 0; round < 2; ++round) {  // the second round answers from what the first remembered
    CAPTURE(round);
    CHECK(ids(mine, dined) == std::vector<std::string>{"dined"});
    CHECK(ids(mine, met).empty());
    CHECK(ids(*builtin, met) == builtin_met);
    CHECK(mine.coarse_may_match(dined));
    CHECK_FALSE(mine.coarse_may_match(met));
    CHECK(builtin->coarse_may_match(met));
    std::vector<int> reused = {7, 8, 9};  // the out-parameter form replaces what was there
    mine.candidates(RuleView::Coarse, dined, reused);
    CHECK(reused == std::vector<int>{0});
  }
}

TEST_CASE("offices: a party's top member on a committee or in a chamber") {
  auto rs = extract("Senator Maria Cantwell, the ranking Democrat on the Senate Commerce Committee, objected. "
                    "Representative Tom Cole, the top Republican on the panel, agreed on Monday.");
  const Relation* r = office(rs, "Maria Cantwell", "ranking Democrat");
  REQUIRE(r);
  CHECK(r->org == std::optional<std::string>("Senate Commerce Committee"));
  r = office(rs, "Tom Cole", "top Republican");
  REQUIRE(r);
  CHECK(r->org == std::optional<std::string>("panel"));
  // "on Monday" is a date, not an organisation.
  auto plain = extract("Dan Ortiz, the top Republican, spoke on Monday.");
  r = office(plain, "Dan Ortiz", "top Republican");
  REQUIRE(r);
  CHECK_FALSE(r->org);
}

TEST_CASE("offices: portfolios of several words before a head noun") {
  auto rs = extract("Northern Ireland Secretary Paul Murphy met Work and Pensions Secretary Alan Johnson in Belfast. "
                    "Posts and Telecommunications Minister Shunjiro Karasawa was not there.");
  CHECK(office(rs, "Paul Murphy", "Northern Ireland Secretary"));
  CHECK(office(rs, "Alan Johnson", "Work and Pensions Secretary"));
  CHECK(office(rs, "Shunjiro Karasawa", "Posts and Telecommunications Minister"));
  CHECK(has_pair(rs, "met_with", "Paul Murphy", "Alan Johnson"));
}

TEST_CASE("offices: elected or appointed to a title, and a term as one (former)") {
  auto rs = extract("Ana Duarte was elected president of the Senate in March. "
                    "Akira Tanaka thrived during Akira Tanaka's 2001-2006 term as Japanese premier.");
  const Relation* r = office(rs, "Ana Duarte", "president");
  REQUIRE(r);
  CHECK(r->org == std::optional<std::string>("Senate"));
  CHECK_FALSE(r->former);
  r = office(rs, "Akira Tanaka", "premier");
  REQUIRE(r);
  CHECK(r->former);
  // A pronoun after "before" may stand for someone else: elected-as needs a name.
  auto pron = extract("Bill Reyes won. Mary Lee said she met him before he was elected president.");
  CHECK_FALSE(office(pron, "Mary Lee", "president"));
  CHECK_FALSE(office(pron, "Bill Reyes", "president"));
}

TEST_CASE("meetings: an honorific inside a list of names; a pair 'after their meeting'") {
  auto rs = extract("Gordon Brown spoke first. Tony Blair agreed. Gordon Brown and Mr Blair met on Monday.");
  CHECK(has_pair(rs, "met_with", "Gordon Brown", "Tony Blair"));
  auto pair = extract("Ana Silva arrived. Luis Costa waited. Ms Silva and Mr Costa held a news conference after their talks.");
  CHECK(has_pair(pair, "met_with", "Ana Silva", "Luis Costa"));
  auto planned = extract("Ana Silva and Luis Costa will speak after their planned meeting.");
  CHECK(count(planned, "met_with") == 0);
}

TEST_CASE("names: an -elect title is no part of the name and no office yet") {
  auto rs = extract("President-elect Maria Lopez met Japanese Prime Minister Kenji Sato in New York.");
  CHECK(has_pair(rs, "met_with", "Maria Lopez", "Kenji Sato"));
  CHECK_FALSE(office(rs, "Maria Lopez", "President-elect"));
  CHECK_FALSE(office(rs, "Maria Lopez", "President"));
}

TEST_CASE("offices: legal posts, heads of bodies, chairs of lower-case committees, second titles") {
  auto rs = extract("Special Counsel Ann Ford questioned him. Federal District Judge Amy Berg ruled. "
                    "The audit committee, headed by Commissioner Rob Dale, met. "
                    "The chairman of the finance committee, Pat Elm, resigned. "
                    "Joe Reed resigned as president and chief operating officer of the bank.");
  CHECK(office(rs, "Ann Ford", "Special Counsel"));
  CHECK(office(rs, "Amy Berg", "District Judge"));
  const Relation* r = office(rs, "Rob Dale", "head");
  REQUIRE(r);
  CHECK(r->org == std::optional<std::string>("audit committee"));
  r = office(rs, "Pat Elm", "chairman");
  REQUIRE(r);
  CHECK(r->org == std::optional<std::string>("finance committee"));
  r = office(rs, "Joe Reed", "chief operating officer");
  REQUIRE(r);
  CHECK(r->former);
}

TEST_CASE("affiliation and membership: a nationality is no organisation; a party's rival is its member") {
  auto rs = extract("Russian lawyer Nina Vessel attended. Trump's Democratic rival Helen Carter conceded.");
  CHECK(count(rs, "affiliated_with") == 0);
  CHECK(has_affiliation(rs, "member_of", "Helen Carter", "Democratic Party"));
}

TEST_CASE("meetings: 'called on X to' urges; golf and dinner with someone is a meeting") {
  auto rs = extract("Vince Cole called on Gary Brand to open the books. Dan Trent spent one day golfing with Senator Dave Perk.");
  CHECK_FALSE(has_pair(rs, "met_with", "Vince Cole", "Gary Brand"));
  CHECK(has_pair(rs, "met_with", "Dan Trent", "Dave Perk"));
  auto visit = extract("Vince Cole called on Gary Brand at his home in Leeds.");
  CHECK(has_pair(visit, "met_with", "Vince Cole", "Gary Brand"));
}

TEST_CASE("pronouns: 'they' after a pair joined by 'and', and nowhere else") {
  auto rs = extract("Ana Silva and Luis Costa arrived on Monday. They met Prime Minister Jose Reis the next day.");
  CHECK(has_pair(rs, "met_with", "Ana Silva", "Jose Reis"));
  CHECK(has_pair(rs, "met_with", "Luis Costa", "Jose Reis"));
  auto same = extract("Ana Silva and her husband Luis Costa landed in Rome, where they were met by Mayor Paolo Neri.");
  CHECK(has_pair(same, "met_with", "Ana Silva", "Paolo Neri"));
  auto group = extract("Jose Reis spoke. Officials said they met Jose Reis on Monday.");
  CHECK(count(group, "met_with") == 0);
}

TEST_CASE("offices: 'who chairs the committee'; the United Nations is an organisation") {
  auto rs = extract("Senator Rita Shell, who chairs the Banking Committee, objected. "
                    "Senator Tom Kane, an Ohio Republican who chaired the Armed Services Committee, spoke. "
                    "U.S. Ambassador to the United Nations Nina Hale left.");
  const Relation* r = office(rs, "Rita Shell", "chair");
  REQUIRE(r);
  CHECK(r->org == std::optional<std::string>("Banking Committee"));
  CHECK_FALSE(r->former);
  r = office(rs, "Tom Kane", "chair");
  REQUIRE(r);
  CHECK(r->former);
  CHECK(office(rs, "Nina Hale", "Ambassador"));
}

TEST_CASE("not facts: conditional and called-off meetings; a 'good leader' is no office") {
  auto rs = extract("If Ana Reis meets Carl Moss, the deal could be signed. "
                    "A meeting between Ana Reis and Carl Moss was cancelled. Ana Reis said Carl Moss was a good leader.");
  CHECK(count(rs, "met_with") == 0);
  // A denied meeting is a disputed one: the guidelines count it.
  auto denied = extract("Ana Reis denied she had met Carl Moss.");
  CHECK(has_pair(denied, "met_with", "Ana Reis", "Carl Moss"));
  CHECK_FALSE(office(rs, "Carl Moss", "leader"));
  auto fact = extract("Ana Reis met Carl Moss, whether or not the talks helped.");
  CHECK(has_pair(fact, "met_with", "Ana Reis", "Carl Moss"));
}

TEST_CASE("affiliation: 'Amy Chen of the Peterson Institute said'; 'Bank of England' stays one org") {
  auto rs = extract("Amy Chen of the Peterson Institute said the tariffs would hurt. The Bank of England disagreed.");
  CHECK(has_affiliation(rs, "affiliated_with", "Amy Chen", "Peterson Institute"));
  CHECK(rs.size() == 1);
}

TEST_CASE("names: a short name after a title is the person given that title; a doctrine is no person") {
  auto rs = extract("Governor Ruth Kane spoke. Mayor Tom Kane agreed. Later, Mayor Kane met Bishop Ada Lowe.");
  CHECK(has_pair(rs, "met_with", "Tom Kane", "Ada Lowe"));
  auto doc = extract("Delegates praised Lin Wei Thought on Harmony with Rural Traits, and Minister Lin Wei spoke.");
  CHECK(office(doc, "Lin Wei", "Minister"));
  CHECK(std::none_of(doc.begin(), doc.end(), [](const Relation& r) { return r.subject.find("Thought") != std::string::npos; }));
}

TEST_CASE("kinship anchors a one-word name; 'the diplomat, X' folds into X without eating 'and'") {
  auto rs = extract("Carl Moss and his wife Melina landed in Rome, where they were met by Italy's top diplomat Paolo Neri.");
  CHECK(has_pair(rs, "met_with", "Carl Moss", "Paolo Neri"));
  CHECK(has_pair(rs, "met_with", "Melina", "Paolo Neri"));
  auto talk = extract("George Pappas spoke. The conversation between Pappas and the diplomat, Alex Down, in London was key.");
  CHECK(has_pair(talk, "met_with", "George Pappas", "Alex Down"));
}

TEST_CASE("calls: 'conferred with X by telephone' is a call, not a meeting") {
  auto rs = extract("Chairman Paul Vance conferred with Finance Minister Gerd Stoll by telephone on Monday.");
  CHECK(has_pair(rs, "phoned", "Paul Vance", "Gerd Stoll"));
  CHECK_FALSE(has_pair(rs, "met_with", "Paul Vance", "Gerd Stoll"));
}

TEST_CASE("offices: a nominee or candidate for a title does not hold it") {
  auto rs = extract("The Democratic nominee for governor, Tom Smith, lost. Ann Lee, a candidate for mayor, spoke. "
                    "The governor, Ray Dunn, won.");
  CHECK_FALSE(office(rs, "Tom Smith", "governor"));
  CHECK_FALSE(office(rs, "Ann Lee", "mayor"));
  CHECK(office(rs, "Ray Dunn", "governor"));
}

TEST_CASE("membership: 'X's Republican Party', 'A and B - both Democrats -'") {
  auto rs = extract("President Dan Ford's Republican Party is eager to keep control. "
                    "Senator Amy Reed and Representative Joe Hale - both Democrats - objected.");
  CHECK(has_affiliation(rs, "member_of", "Dan Ford", "Republican Party"));
  CHECK(has_affiliation(rs, "member_of", "Amy Reed", "Democratic Party"));
  CHECK(has_affiliation(rs, "member_of", "Joe Hale", "Democratic Party"));
  auto chair = extract("Republican Party chairman Reince Lowe spoke.");
  const Relation* r = office(chair, "Reince Lowe", "chairman");
  REQUIRE(r);
  CHECK(r->org == std::optional<std::string>("Republican Party"));
}

TEST_CASE("membership: a copula with a party ('was a Republican candidate', 'is a lifelong Democrat')") {
  auto rs = extract("Back then Dan Ford was a Republican candidate for president. Jane Roe, who is a lifelong Democrat, voted. "
                    "John Doe is not a Democrat. Ann Fox is a Republican senator.");
  CHECK(has_affiliation(rs, "member_of", "Dan Ford", "Republican Party"));
  CHECK(has_affiliation(rs, "member_of", "Jane Roe", "Democratic Party"));
  CHECK_FALSE(has_affiliation(rs, "member_of", "John Doe", "Democratic Party"));
  CHECK_FALSE(has_affiliation(rs, "member_of", "Ann Fox", "Republican Party"));  // an office's modifier
}

TEST_CASE("offices: 'committee Chairman X' takes the committee as its org") {
  auto rs = extract("The committee chairman Tom Ash agreed. Judiciary committee Chairman Pat Lahey said so.");
  const Relation* r = office(rs, "Tom Ash", "chairman");
  REQUIRE(r);
  CHECK(r->org == std::optional<std::string>("committee"));
  r = office(rs, "Pat Lahey", "Chairman");
  REQUIRE(r);
  CHECK(r->org);
}

TEST_CASE("second held-out check: candidates, nominees, conversations, professors of a subject, party phrases") {
  auto rs = extract("U.S. Senate candidate Ray Moor lost. Republican Senate candidate Ray Moor spoke. "
                    "Kay Niel, the nominee for DHS secretary, testified. Ann Duke said she had conversations with "
                    "Jon Kell, a lawyer. Ben Gersh, a professor of criminal law at Pace Law School, said so. "
                    "Veteran Christian Democrat politician Gino Andretti died.");
  CHECK_FALSE(has_affiliation(rs, "member_of", "Ray Moor", "Senate"));
  CHECK(has_affiliation(rs, "member_of", "Ray Moor", "Republican Party"));
  CHECK_FALSE(office(rs, "Kay Niel", "secretary"));
  CHECK_FALSE(has_pair(rs, "met_with", "Ann Duke", "Jon Kell"));
  CHECK(has_affiliation(rs, "affiliated_with", "Ben Gersh", "Pace Law School"));
  CHECK(has_affiliation(rs, "member_of", "Gino Andretti", "Christian Democrats"));
}

TEST_CASE("meetings: 'a meeting he attended with then-candidate X'; 'if' reaches only its own clause; set up is no fact") {
  auto rs = extract("Attorney General Jeff Sims spoke. Sims asked if he misled lawmakers when he failed to disclose "
                    "a meeting he attended with then-candidate Don Trent and aides.");
  CHECK(has_pair(rs, "met_with", "Jeff Sims", "Don Trent"));
  auto setup = extract("George Pappas helped set up a meeting between Don Trent and President Abdel Sisi.");
  CHECK(count(setup, "met_with") == 0);
}

TEST_CASE("meetings and calls: more ways news tells them") {
  auto rs = extract("Anna Berg and Dan Roe shook hands at the summit. Kai Foss, meeting Lars Hauge in Paris, said the deal "
                    "was done. Per Lund joined Rolf Moen for dinner. Rolf Moen huddled with Sven Nes. Ulf Pran received a "
                    "call from Vera Qvist. In a phone call, Willy Ruud told Axel Sand that talks would resume. A call "
                    "between Axel Sand and Bjorn Tau took place on Friday.");
  CHECK(has_pair(rs, "met_with", "Anna Berg", "Dan Roe"));
  CHECK(has_pair(rs, "met_with", "Kai Foss", "Lars Hauge"));
  CHECK(has_pair(rs, "met_with", "Per Lund", "Rolf Moen"));
  CHECK(has_pair(rs, "met_with", "Rolf Moen", "Sven Nes"));
  CHECK(has_pair(rs, "phoned", "Ulf Pran", "Vera Qvist"));
  CHECK(has_pair(rs, "phoned", "Willy Ruud", "Axel Sand"));
  CHECK(has_pair(rs, "phoned", "Axel Sand", "Bjorn Tau"));
  CHECK_FALSE(has_pair(rs, "met_with", "Ulf Pran", "Vera Qvist"));
  auto planned = extract("Ulf Pran will receive a call from Vera Qvist. Per Lund hopes to join Rolf Moen for dinner.");
  CHECK(rs.size() > planned.size());
  CHECK(count(planned, "phoned") == 0);
  CHECK(count(planned, "met_with") == 0);
}

TEST_CASE("third held-out check: visits by a pair, party with then-, party switch, clerks, panels, regulators") {
  auto rs = extract("Kim Dale refused to issue licences. While she was in jail, then-Republican presidential candidates "
                    "Mike Hook and Ted Crane visited her. Kim Dale changed her affiliation to the Republican Party. "
                    "Rowan County Clerk Kim Dale spoke. Debbie Stab, the ranking member of the Senate panel that will "
                    "vet the nomination, spoke. The bureau, an independent regulator headed by Democrat Rich Cord, "
                    "objected. Serge Mag, an auditor for Hermitage Capital, died.");
  CHECK_FALSE(has_pair(rs, "met_with", "Mike Hook", "Ted Crane"));
  CHECK(has_pair(rs, "met_with", "Mike Hook", "Kim Dale"));
  CHECK(has_pair(rs, "met_with", "Ted Crane", "Kim Dale"));
  CHECK(has_affiliation(rs, "member_of", "Mike Hook", "Republican Party"));
  CHECK(has_affiliation(rs, "member_of", "Kim Dale", "Republican Party"));
  const Relation* r = office(rs, "Kim Dale", "Clerk");
  REQUIRE(r);
  CHECK(r->org == std::optional<std::string>("Rowan County"));
  r = office(rs, "Debbie Stab", "ranking member");
  REQUIRE(r);
  CHECK(r->org == std::optional<std::string>("Senate panel"));
  CHECK(office(rs, "Rich Cord", "head"));
  CHECK(has_affiliation(rs, "affiliated_with", "Serge Mag", "Hermitage Capital"));
}

TEST_CASE("names: a one-word place that is a known surname is the person ('Paul' after 'Rand Paul')") {
  auto rs = extract("U.S. Senator Rand Paul was hurt. Paul last month played golf with Donald Tramp.");
  CHECK(has_pair(rs, "met_with", "Rand Paul", "Donald Tramp"));
  auto place = extract("Donald Tramp visited Paul, a town in Cape Verde, with Ana Lee.");
  CHECK(std::none_of(place.begin(), place.end(), [](const Relation& x) { return x.subject == "Paul" || x.object == "Paul"; }));
}

TEST_CASE("fourth held-out check (Straits Times): conference calls, calls 'between', clauses, titles") {
  auto rs = extract("President Donald Tramp is holding a conference call with Russian President Vlad Pootin. "
                    "A telephone call on Tuesday between Indian Prime Minister Naren Modi and President Donald Tramp "
                    "went well. Foreign Minister Retna Marsu spoke after a virtual ministers' meeting with President "
                    "Joko Wido. Mr Pember, while off duty after a military exercise, met Ms Jen Laud in a bar. "
                    "Lance Corporal Joseph Pember was charged. Parliamentary Opposition Leader Anwar Ibra spoke. "
                    "Mr Wang Xin, China's deputy head of mission in Canberra, spoke. The Sri Gading MP said so.");
  CHECK(has_pair(rs, "phoned", "Donald Tramp", "Vlad Pootin"));
  CHECK(has_pair(rs, "phoned", "Naren Modi", "Donald Tramp"));
  CHECK(has_pair(rs, "phoned", "Retna Marsu", "Joko Wido"));
  CHECK(has_pair(rs, "met_with", "Joseph Pember", "Jen Laud"));
  CHECK(office(rs, "Anwar Ibra", "Opposition Leader"));
  CHECK(office(rs, "Wang Xin", "deputy head of mission"));
  CHECK(std::none_of(rs.begin(), rs.end(), [](const Relation& r) { return r.subject == "Sri Gading"; }));
}

TEST_CASE("fifth held-out check: coordinated verbs, fronted 'Meeting with', calls by their content, possessors") {
  auto met = extract("Randall Crede interviewed and met with WikiLeaks founder Julian Assanj. "
                     "Meeting with Paul Rayan and other House Republicans, President Donald Tramp told them to hurry. "
                     "Senator Jon Macklin was surprised, he told reporters as he left a meeting with King Abdo.");
  CHECK(has_pair(met, "met_with", "Randall Crede", "Julian Assanj"));
  CHECK(has_pair(met, "met_with", "Paul Rayan", "Donald Tramp"));
  CHECK(has_pair(met, "met_with", "Jon Macklin", "Abdo"));
  auto hosted = extract("President Donald Tramp spoke on Monday. He has hosted several leaders - including Thai Prime "
                        "Minister Prayut Chano - at the White House.");
  CHECK(has_pair(hosted, "met_with", "Donald Tramp", "Prayut Chano"));
  auto call = extract("One meeting will be with Philippines President Rod Dutero. President Donald Tramp praised him "
                      "in a phone call in April.");
  CHECK(has_pair(call, "phoned", "Donald Tramp", "Rod Dutero"));
  // Possessors are not the ones met or called; a plea deal is no meeting; a modal makes a meeting future.
  auto no = extract("The topic of the conversation between Jared Kushman and Robert Muller's team was trade. "
                    "Rob Kelner had negotiated a plea agreement with Robert Muller. "
                    "Rob Kelner called John Dowde, Donald Tramp's private lawyer, last week. "
                    "The issue would be a topic at the meeting between President Xi Jinpeng and President Donald Tramp.");
  CHECK_FALSE(has_pair(no, "met_with", "Jared Kushman", "Robert Muller"));
  CHECK_FALSE(has_pair(no, "met_with", "Rob Kelner", "Robert Muller"));
  CHECK(has_pair(no, "phoned", "Rob Kelner", "John Dowde"));
  CHECK_FALSE(has_pair(no, "phoned", "Rob Kelner", "Donald Tramp"));
  CHECK_FALSE(has_pair(no, "met_with", "Xi Jinpeng", "Donald Tramp"));
}

TEST_CASE("fifth held-out check: 'named X as temporary head of Y', 'X, the group's president', 'Democratic opponent, X'") {
  auto rs = extract("Hours later, President Donald Tramp named Mick Mulvan, the current director of the budget office, "
                    "as temporary head of the Consumer Bureau. "
                    "Jerry Howe, the group's president, said in an interview that he was concerned. "
                    "None of the women had worked for Moore's Democratic opponent, Doug Jonas.");
  CHECK(office(rs, "Mick Mulvan", "temporary head"));
  CHECK(office(rs, "Jerry Howe", "president"));
  CHECK(std::any_of(rs.begin(), rs.end(), [](const Relation& r) {
    return r.relation == "member_of" && r.subject == "Doug Jonas" && r.object == "Democratic Party";
  }));
  // "named X as" needs a title right after "as".
  auto no = extract("President Donald Tramp named Mick Mulvan as one of his closest friends.");
  CHECK(std::none_of(no.begin(), no.end(), [](const Relation& r) { return r.subject == "Mick Mulvan"; }));
}

TEST_CASE("offices after a name: 'X MP' yes, 'a former Klan leader' and 'Sabah Umno chief and ...' no") {
  auto rs = extract("Former welfare minister Frank Fielding MP said so. David Dukes, a former Ku Klux Klan leader who ran "
                    "for office, praised him. The list was left out, according to Sabah Umno chief and rival, Datuk Seri "
                    "Bung Radin. Republican Alabama Senator Luther Strang spoke, and Alabama chief justice Roy Moor agreed.");
  CHECK(office(rs, "Frank Fielding", "MP"));
  for (const char* org : {"Ku Klux Klan", "Sabah Umno", "Republican Alabama"})
    CHECK_MESSAGE(std::none_of(rs.begin(), rs.end(), [&](const Relation& r) { return r.subject == org; }), org);
  CHECK(office(rs, "Luther Strang", "Senator"));
}

TEST_CASE("meetings: 'the two men' named in the same sentence; a second meeting in a coordination; calls '(April 4) between'") {
  auto two = extract("Vice President Mike Penz spoke. Although Datuk Shahrul Salleh said nothing, former premier Mahathir "
                     "Mohd's office released a video showing the two men meeting on Thursday.");
  CHECK(has_pair(two, "met_with", "Shahrul Salleh", "Mahathir Mohd"));
  CHECK_FALSE(has_pair(two, "met_with", "Mike Penz", "Mahathir Mohd"));
  auto coord = extract("President Donald Tramp spoke. He spent one day golfing with Senator David Purdy, who backs "
                       "tighter rules, and had dinner on Thursday with Commerce Secretary Wilbur Rose.");
  CHECK(has_pair(coord, "met_with", "Donald Tramp", "David Purdy"));
  CHECK(has_pair(coord, "met_with", "Donald Tramp", "Wilbur Rose"));
  auto call = extract("It followed a telephone call on Saturday (April 4) between Prime Minister Naren Modi and "
                      "President Donald Tramp.");
  CHECK(has_pair(call, "phoned", "Naren Modi", "Donald Tramp"));
}

TEST_CASE("sixth held-out check (Reuters 2017): told/asked during talks, fronted org meetings, coordinated 'and briefly met', welcomes, future meetings") {
  auto rs = extract("President Donald Tramp told President Xi Jinpeng on Thursday during talks in Beijing that trade "
                    "mattered. Donald Tramp directly asked President Vlad Pootin during their talks at a summit whether "
                    "it was true. Donald Tramp also told Xi as they began formal talks that trade was unfair.");
  CHECK(has_pair(rs, "met_with", "Donald Tramp", "Xi Jinpeng"));
  CHECK(has_pair(rs, "met_with", "Donald Tramp", "Vlad Pootin"));
  auto fronted = extract("In a White House meeting with Prime Minister Binali Yildiz, Vice President Mike Penz voiced concern.");
  CHECK(has_pair(fronted, "met_with", "Binali Yildiz", "Mike Penz"));
  auto coord = extract("At the summit, President Donald Tramp delivered a strong message on trade and briefly met Russian "
                       "counterpart Vlad Pootin.");
  CHECK(has_pair(coord, "met_with", "Donald Tramp", "Vlad Pootin"));
  auto welcome = extract("President Donald Tramp has received a lavish welcome from President Xi Jinpeng.");
  CHECK(has_pair(welcome, "met_with", "Donald Tramp", "Xi Jinpeng"));
  auto recall = extract("Attorney General Jeff Sessons now recalls a meeting last year with then-candidate Donald Tramp.");
  CHECK(has_pair(recall, "met_with", "Jeff Sessons", "Donald Tramp"));
  auto future = extract("Meetings between President Donald Tramp and President Xi Jinpeng in Beijing this week will focus "
                        "on trade. The crisis would be addressed in President Vlad Pootin's meeting with Donald Tramp.");
  CHECK(count(future, "met_with") == 0);
}

TEST_CASE("membership: a party phrase before a list of candidates gives each of them the party") {
  auto rs = extract("Rowan County Clerk Kim Davies was in jail. Then-Republican presidential candidates Mike Huckaby and "
                    "Ted Cruse visited her.");
  for (const char* who : {"Mike Huckaby", "Ted Cruse"})
    CHECK_MESSAGE(std::any_of(rs.begin(), rs.end(), [&](const Relation& r) {
      return r.relation == "member_of" && r.subject == who && r.object == "Republican Party";
    }), who);
}

TEST_CASE("names: a country word after an honorific is a surname, and so is the same word elsewhere in the document") {
  auto rs = extract("Mick Mulvan took over the agency. Staff were told to ignore Ms. English in her capacity as director. "
                    "English went to the agency in the morning. She then met on Capitol Hill with Senator Elisa Warran.");
  CHECK(has_pair(rs, "met_with", "English", "Elisa Warran"));
  CHECK_FALSE(has_pair(rs, "met_with", "Mick Mulvan", "Elisa Warran"));
  // Without a person of that name the word stays a country.
  auto place = extract("English officials met on Monday. Prime Minister Boris Johns spoke.");
  CHECK(std::none_of(place.begin(), place.end(), [](const Relation& r) { return r.subject == "English"; }));
}

TEST_CASE("seventh held-out check: 'Parti ...' is an organisation, 'Bersatu MPs' no person, more titles, 'led by its president X'") {
  auto rs = extract("Most MPs in Parti Pribumi Bersatu Malaysia left. The letter said Umno president Ahmad Zahid and PAS "
                    "president Abdul Hadi both welcomed Bersatu MPs to join. The party, led by its president Tan Sri "
                    "Muhyiddin Yassin, now leads. The EU's chief negotiator, Mr Michel Barnyer, lodged a warning. "
                    "Justice Department Inspector General Michael Horwitz said so.");
  CHECK(count(rs, "met_with") == 0);
  CHECK(std::none_of(rs.begin(), rs.end(), [](const Relation& r) { return r.subject == "Pribumi Bersatu"; }));
  CHECK(office(rs, "Muhyiddin Yassin", "president"));
  CHECK(office(rs, "Michel Barnyer", "chief negotiator"));
  CHECK(office(rs, "Michael Horwitz", "Inspector General"));
}

TEST_CASE("meetings: 'X described as tremendous his meetings with Y' (the subject's own talks)") {
  auto rs = extract("President Donald Tramp flew home. He described as tremendous his meetings with Grandpa Xi on trade.");
  CHECK(has_pair(rs, "met_with", "Donald Tramp", "Xi"));
  // "his" after a subject is that subject, not someone named later
  auto no = extract("Donald Tramp said his meetings would resume, and Vlad Pootin agreed.");
  CHECK(count(no, "met_with") == 0);
}

TEST_CASE("eighth held-out check: 'Alabama Democrat X', 'the Republican X', appositions before the verb, calls received, meetings 'in New York between'") {
  auto rs = extract("Alabama Democrat Doug Jonas won the seat. Jonas said he had received congratulatory phone calls "
                    "from President Donald Tramp. Glenn Simson, one of Fusion GPS' founders, met with Natalia Veselnitz. "
                    "The June meeting in New York between Natalia Veselnitz and Donald Tramp Jr has become part of an "
                    "inquiry. Senate leader Mitch McConel spoke. But the Republican McConel said voters should decide. "
                    "The Republican National Committee sent money.");
  auto member = [&](const char* who, const char* party) {
    return std::any_of(rs.begin(), rs.end(), [&](const Relation& r) {
      return r.relation == "member_of" && r.subject == who && r.object == party;
    });
  };
  CHECK(member("Doug Jonas", "Democratic Party"));
  CHECK(member("Mitch McConel", "Republican Party"));
  CHECK(has_pair(rs, "phoned", "Doug Jonas", "Donald Tramp"));
  CHECK(has_pair(rs, "met_with", "Glenn Simson", "Natalia Veselnitz"));
  CHECK(has_pair(rs, "met_with", "Natalia Veselnitz", "Donald Tramp Jr"));
  CHECK(std::none_of(rs.begin(), rs.end(), [](const Relation& r) {
    return r.subject == "Alabama Democrat Doug Jonas" || r.subject == "National Committee";
  }));
}

TEST_CASE("ninth held-out check: post-nominal letters end a name, MSP and MLA are titles") {
  auto rs = extract("The chairman of the Bar Council, Guy Mansfeld QC has warned of a risk. The Edinburgh MSP David "
                    "McLetchy earns money from a law firm.");
  CHECK(office(rs, "Guy Mansfeld", "chairman"));
  CHECK(std::none_of(rs.begin(), rs.end(), [](const Relation& r) {
    return r.subject == "Guy Mansfeld QC" || r.subject == "Edinburgh MSP";
  }));
  CHECK(office(rs, "David McLetchy", "MSP"));
  // "a QC and ... professor": QC is no organisation one is affiliated with
  auto qc = extract("Philippe Sandz, a QC and international law professor, suggests otherwise.");
  CHECK(std::none_of(qc.begin(), qc.end(), [](const Relation& r) { return r.relation == "affiliated_with"; }));
}

TEST_CASE("offices: a plural title before a list of names gives each name the title; elsewhere it is no title") {
  auto rs = extract("Several Republicans, including Texas Senators John Cornin and Ted Cruse, echoed that. The meeting "
                    "included Governors Kim Reynols of Iowa, Rick Snider of Michigan and Bill Haslem of Tennessee.");
  CHECK(office(rs, "John Cornin", "Senators"));
  CHECK(office(rs, "Ted Cruse", "Senators"));
  CHECK(office(rs, "Kim Reynols", "Governors"));
  CHECK(office(rs, "Bill Haslem", "Governors"));
  auto no = extract("Erik Prinz testified to the House of Representatives Intelligence Committee, and Republican "
                    "senators said so.");
  CHECK(std::none_of(no.begin(), no.end(), [](const Relation& r) { return r.relation == "holds_office"; }));
}

TEST_CASE("lists of persons: 'as well as' joins them") {
  auto rs = extract("Prime Minister Kenji Sato met Park Min-jun as well as Lee Jae-sung in Seoul.");
  CHECK(has_pair(rs, "met_with", "Kenji Sato", "Park Min-jun"));
  CHECK(has_pair(rs, "met_with", "Kenji Sato", "Lee Jae-sung"));
}

TEST_CASE("tenth held-out check: sitting at the same table with, meetings with members including, meetings being discussed") {
  auto rs = extract("A photograph shows George Papadopolus sitting at the same table with Donald Tramp as well as Jeff "
                    "Sessons. President Xi Jinpeng spoke at a meeting with members of an advisory board to the "
                    "university, including Apple chief executive Tim Cok and Facebook founder Mark Zuckerbeg.");
  CHECK(has_pair(rs, "met_with", "George Papadopolus", "Donald Tramp"));
  CHECK(has_pair(rs, "met_with", "George Papadopolus", "Jeff Sessons"));
  CHECK(has_pair(rs, "met_with", "Xi Jinpeng", "Tim Cok"));
  auto no = extract("The Kremlin said that a meeting between Donald Tramp and Vlad Pootin at a summit next week was "
                    "being discussed.");
  CHECK(count(no, "met_with") == 0);
}

TEST_CASE("pronouns: 'she' is never a person the text calls 'Mr', and 'he' never one it calls 'Ms'") {
  auto rs = extract("Mr John Smyth and Ms Anna Bellow spoke in London on Monday. She later phoned Prime Minister "
                    "Kenji Sato.");
  CHECK(has_pair(rs, "phoned", "Anna Bellow", "Kenji Sato"));
  CHECK_FALSE(has_pair(rs, "phoned", "John Smyth", "Kenji Sato"));
  // A first name that tells the sex decides too ("John" is no "she")...
  auto named = extract("John Smyth and Anna Bellow spoke in London on Monday. She later phoned Prime Minister Kenji Sato.");
  CHECK(has_pair(named, "phoned", "Anna Bellow", "Kenji Sato"));
  // ...and without any such word the salient person stays the reading.
  auto plain = extract("Robin Smyth and Kim Bellow spoke in London on Monday. She later phoned Prime Minister Kenji Sato.");
  CHECK(has_pair(plain, "phoned", "Robin Smyth", "Kenji Sato"));
}

TEST_CASE("places: a country word that ends a longer place is part of it; a place before an occupation is no employer") {
  auto rs = extract("Representative Bill Pascrel of New Jersey spoke. New Jersey Governor Chris Christy agreed. New "
                    "York attorney Alan Futeras and Alabama political strategist David Mowry declined to comment.");
  const Relation* rep = office(rs, "Bill Pascrel", "Representative");
  bool org_new_jersey = std::any_of(rs.begin(), rs.end(), [](const Relation& r) {
    return r.subject == "Bill Pascrel" && r.org && *r.org == "New Jersey";
  });
  CHECK(rep);
  CHECK(org_new_jersey);
  CHECK(std::none_of(rs.begin(), rs.end(), [](const Relation& r) { return r.org && *r.org == "New"; }));
  CHECK(has_affiliation(rs, "holds_office", "Chris Christy", "New Jersey"));
  CHECK(std::none_of(rs.begin(), rs.end(), [](const Relation& r) { return r.relation == "affiliated_with"; }));
  // A place that stands for an institution is still one a person works for.
  CHECK(has_affiliation(extract("Lord Goldsmid met Downing Street adviser Baroness Morgen."), "affiliated_with",
                        "Baroness Morgen", "Downing Street"));
}

TEST_CASE("membership: nominees in apposition, 'fellow Republican', a party word inside a list, 'candidate and former'") {
  auto rs = extract("A woman accused Roy Moor, the Republican nominee for the Senate in Alabama, of misconduct. Speculation "
                    "mounts that fellow Republican and frequent Trump critic Mitt Romny hopes to run. Republican "
                    "Representative Mike Conawey and Democrat Adam Schif agreed. Moor will face Democratic candidate and "
                    "former Attorney General Doug Jonas.");
  CHECK(has_affiliation(rs, "member_of", "Roy Moor", "Republican Party"));
  CHECK(has_affiliation(rs, "member_of", "Mitt Romny", "Republican Party"));
  CHECK_FALSE(has_affiliation(rs, "member_of", "Trump", "Republican Party"));
  CHECK(has_affiliation(rs, "member_of", "Adam Schif", "Democratic Party"));
  CHECK(has_affiliation(rs, "member_of", "Doug Jonas", "Democratic Party"));
  // An office's party stays the office's org, not a membership.
  auto office_only = extract("Chuck Schumar, the Senate Democratic leader, spoke.");
  CHECK(count(office_only, "member_of") == 0);
}

TEST_CASE("offices: 'the senior Democrat on the panel', and an apposition after 'X of New Jersey'") {
  auto rs = extract("Representative Bill Pascrel of New Jersey, the top Democrat on the House Ways and Means trade "
                    "subcommittee, spoke. Ben Cardan, the senior Democrat on the Senate foreign relations panel, agreed.");
  const Relation* top = office(rs, "Bill Pascrel", "top Democrat");
  REQUIRE(top);
  CHECK(top->org == std::optional<std::string>("House Ways and Means trade subcommittee"));
  const Relation* senior = office(rs, "Ben Cardan", "senior Democrat");
  REQUIRE(senior);
  CHECK(senior->org == std::optional<std::string>("Senate foreign relations panel"));
}

TEST_CASE("eleventh and twelfth held-out checks: meetings and calls in other words") {
  // "In his discussion with X, Y said"; "A spoke to B at a lunch"; "At a meeting of ..., A told B".
  auto rs = extract("In his discussion with Jim Mattos, Pakistani Prime Minister Shahid Abbasy said the allies agreed. "
                    "Senator Bob Corkar also spoke to Donald Tramp at a Republican lunch. At a recent meeting of former "
                    "national security advisers, former Secretary of State Colin Powel told H.R. McMastor, Tramp's "
                    "national security advisor, that the State Department was being gutted.");
  CHECK(has_pair(rs, "met_with", "Jim Mattos", "Shahid Abbasy"));
  CHECK(has_pair(rs, "met_with", "Bob Corkar", "Donald Tramp"));
  CHECK(has_pair(rs, "met_with", "Colin Powel", "H.R. McMastor"));
  CHECK_FALSE(has_pair(rs, "met_with", "Colin Powel", "Donald Tramp"));
  // "a meeting that A, B and C allegedly held ... with D"; "met X's mother Y"; "their summit meeting".
  auto more = extract("Diane Feinsten asked about a meeting that Walid Pharez, J.D. Gordan and Carter Paige allegedly "
                      "held during the convention with Sergei Kislyac. On Monday, Donald Tramp met Megumi's mother "
                      "Sakie Yokato. Donald Tramp and Shinzo Abbe did not discuss a trade deal at their summit meeting.");
  CHECK(has_pair(more, "met_with", "Walid Pharez", "Sergei Kislyac"));
  CHECK(has_pair(more, "met_with", "Carter Paige", "Sergei Kislyac"));
  CHECK(has_pair(more, "met_with", "Donald Tramp", "Sakie Yokato"));
  CHECK(has_pair(more, "met_with", "Donald Tramp", "Shinzo Abbe"));
  // Calls: "by taking a telephone call from"; "called X a moron" is no call.
  auto calls = extract("Donald Tramp upset China by taking a telephone call from Taiwan President Tsai Ing-wen. Rex "
                       "Tillersen had called Donald Tramp a moron.");
  CHECK(has_pair(calls, "phoned", "Donald Tramp", "Tsai Ing-wen"));
  CHECK_FALSE(has_pair(calls, "phoned", "Rex Tillersen", "Donald Tramp"));
}

TEST_CASE("titles: Empress, Chief Cabinet Secretary; a participle clause is no apposition") {
  auto rs = extract("Donald Tramp greeted Emperor Akihita and Empress Michika. Deputy Chief Cabinet Secretary "
                    "Yasutoshi Nishimira spoke. On Monday, Donald Tramp met Sakie Yokato, becoming the third president "
                    "to do so.");
  CHECK(has_pair(rs, "met_with", "Donald Tramp", "Michika"));
  CHECK(office(rs, "Yasutoshi Nishimira", "Deputy Chief Cabinet Secretary"));
  CHECK_FALSE(office(rs, "Sakie Yokato", "third president"));
}

TEST_CASE("organisations: institutions named by a place, firms after 'TITLE of', persons' names are no employers") {
  auto rs = extract("Former national security adviser Michael Flinn pleaded guilty. Former U.S. National Security "
                    "Adviser Michael Flinn spoke. Donald Tramp met Steve Bannan, his former chief White House "
                    "strategist. Republicans slammed former Tramp strategist Steve Bannan. White House Chief of Staff "
                    "John Kelli agreed. Rex Tillersen, the former chief executive of Exxon Mobil, spoke. \"It is "
                    "bad,\" said Madiha Afzel, with the Brookings Institution. Michael Flinn was a consultant to ACU "
                    "in 2015. Donald Tramp headed to Asia on Friday. She then met on Capitol Hill with Senator "
                    "Elizabeth Warran.");
  CHECK(std::none_of(rs.begin(), rs.end(), [](const Relation& r) {
    return r.relation == "affiliated_with" && r.subject == "Michael Flinn" && r.org && *r.org != "ACU";
  }));
  CHECK(std::none_of(rs.begin(), rs.end(), [](const Relation& r) { return r.subject == "White House"; }));
  CHECK_FALSE(has_affiliation(rs, "affiliated_with", "Steve Bannan", "Tramp"));
  CHECK(has_affiliation(rs, "holds_office", "John Kelli", "White House"));
  CHECK(has_affiliation(rs, "holds_office", "Rex Tillersen", "Exxon Mobil"));
  CHECK(has_affiliation(rs, "affiliated_with", "Madiha Afzel", "Brookings Institution"));
  CHECK(has_affiliation(rs, "affiliated_with", "Michael Flinn", "ACU"));
  CHECK_FALSE(office(rs, "Donald Tramp", "head"));
}

TEST_CASE("meetings: a place named as an institution between the verb and 'with'") {
  auto rs = extract("Leandra Englich was named acting director. She then met on Capitol Hill with Senator Elizabeth "
                    "Warran.");
  CHECK(has_pair(rs, "met_with", "Leandra Englich", "Elizabeth Warran"));
}

TEST_CASE("titles: campaign and firm posts of two words") {
  auto rs = extract("Trump's former campaign manager Paul Manafurt was indicted. Clinton campaign chairman John Podesto "
                    "spoke. Alex Copsen, the managing partner of ACU Strategic Partners, told the informant so.");
  CHECK(office(rs, "Paul Manafurt", "campaign manager"));
  CHECK(office(rs, "John Podesto", "campaign chairman"));
  CHECK(office(rs, "Alex Copsen", "managing partner"));
  CHECK_FALSE(office(rs, "Paul Manafurt", "manager"));
}

TEST_CASE("pronouns: 'by X when he became ...' is X, not the sentence's subject") {
  auto rs = extract("Luther Strang had been appointed to fill the seat vacated by Republican Jeff Sessons when he "
                    "became Trump's attorney general.");
  CHECK(office(rs, "Jeff Sessons", "attorney general"));
  CHECK_FALSE(office(rs, "Luther Strang", "attorney general"));
  // Without a name right before the subordinator the subject stays the reading.
  auto subject = extract("Jeff Sessons spoke in Alabama in 2016, when he became attorney general.");
  CHECK(office(subject, "Jeff Sessons", "attorney general"));
}

TEST_CASE("names: a country word that is a common surname ends a titled name ('Representative Jim Jordan')") {
  auto rs = extract("Republican Representative Jim Jordan asked the question. President Xia told reporters China "
                    "would act.");
  CHECK(office(rs, "Jim Jordan", "Representative"));
  CHECK_FALSE(office(rs, "Jim", "Representative"));
  CHECK(std::none_of(rs.begin(), rs.end(), [](const Relation& r) { return r.subject == "Xia China"; }));
}

TEST_CASE("meetings: fronted talks with a pair subject; 'told X in <place>'; 'in a brief encounter'") {
  auto rs = extract("In a second round of economic talks in Washington last month, Vice President Mike Pens and "
                    "Finance Minister Taro Asso failed to bridge differences. Chinese President Xi Jinpeng told Mr "
                    "Rodrigo Duterto in Beijing last year that the sea was not negotiable. Carter Paige told Jeff "
                    "Sessons in a brief encounter that he was leaving.");
  CHECK(has_pair(rs, "met_with", "Mike Pens", "Taro Asso"));
  CHECK(has_pair(rs, "met_with", "Xi Jinpeng", "Rodrigo Duterto"));
  CHECK(has_pair(rs, "met_with", "Carter Paige", "Jeff Sessons"));
  auto no = extract("Xi Jinpeng told Rodrigo Duterto in a phone call on Monday that trade would grow. Xi Jinpeng will "
                    "tell Rodrigo Duterto in Beijing that he agrees.");
  CHECK(count(no, "met_with") == 0);
}

TEST_CASE("organisations: a possessive department of an organisation; adjectives before an employer; Banque, Banco") {
  auto rs = extract("Antonio Seixos, director of the Brazilian central bank's foreign debt department, met the panel. "
                    "\"Indexation ended,\" commented Michel Develli, economist at recently-privatised Banque Paribas. "
                    "Antonio Seixos met again this morning with senior Citibank executive William Rhods.");
  CHECK(has_affiliation(rs, "holds_office", "Antonio Seixos", "Brazilian central bank's foreign debt department"));
  CHECK(has_affiliation(rs, "affiliated_with", "Michel Develli", "Banque Paribas"));
  CHECK(has_pair(rs, "met_with", "Antonio Seixos", "William Rhods"));
}

TEST_CASE("meeting events: 'the meeting included X' and 'X attended that meeting' join the meeting just told of") {
  auto rs = extract("Republican governors on Thursday met with Vice President Mike Pens to voice concerns. The meeting "
                    "at the White House included Governors Kim Reynols of Iowa and Rick Snider of Michigan, as well as "
                    "President Donald Tramp's Commerce Secretary Wilbur Rosse.");
  CHECK(has_pair(rs, "met_with", "Mike Pens", "Kim Reynols"));
  CHECK(has_pair(rs, "met_with", "Mike Pens", "Rick Snider"));
  CHECK(has_pair(rs, "met_with", "Mike Pens", "Wilbur Rosse"));
  CHECK_FALSE(has_pair(rs, "met_with", "Mike Pens", "Donald Tramp"));  // a possessor was not there
  auto attended = extract("George Papadopolus, a campaign adviser, said at a March 31, 2016, meeting of advisers that "
                          "he had connections. Both Jeff Sessons and Donald Tramp attended that meeting.");
  CHECK(has_pair(attended, "met_with", "George Papadopolus", "Jeff Sessons"));
  CHECK(has_pair(attended, "met_with", "George Papadopolus", "Donald Tramp"));
  CHECK_FALSE(has_pair(attended, "met_with", "Jeff Sessons", "Donald Tramp"));  // a star, as the guidelines ask
  // "The talks" a few sentences on still mean the meeting told of; twenty sentences on, no longer.
  auto later = extract("Mike Pens met Kim Reynols on Monday. Trade was discussed. Prices rose. Markets fell. One of "
                       "those attending the talks was Rick Snider.");
  CHECK(has_pair(later, "met_with", "Mike Pens", "Rick Snider"));
  std::string filler;
  for (int i = 0; i < 21; ++i) filler += "Prices rose again. ";
  auto far = extract("Mike Pens met Kim Reynols on Monday. " + filler + "The meeting also included Rick Snider.");
  CHECK_FALSE(has_pair(far, "met_with", "Mike Pens", "Rick Snider"));
  // A joiner in the same sentence as the meeting: joined once every rule has run on it.
  auto hosted = extract("Yang Jiechy was hosted to lunch by Teo Chee Hian, while Foreign Minister Vivian Balakrishnun "
                        "hosted breakfast.");
  CHECK(has_pair(hosted, "met_with", "Yang Jiechy", "Teo Chee Hian"));
  CHECK(has_pair(hosted, "met_with", "Yang Jiechy", "Vivian Balakrishnun"));
  // A meeting that was only planned: no pairs.
  auto planned = extract("Mike Pens will meet Kim Reynols on Monday. The meeting will include Rick Snider.");
  CHECK(count(planned, "met_with") == 0);
}

TEST_CASE("rule files: 'event' is for met_with rules, with slot a to attend and slot b to join") {
  newsgraph::RuleSet set;
  CHECK_THROWS_WITH_AS(set.add_file("e.json", R"({"rules":[{"id":"e","relation":"phoned","event":"joins","pattern":"{PERSONS:b} attended"}]})"),
                       doctest::Contains("met_with rules only"), newsgraph::RuleError);
  CHECK_THROWS_WITH_AS(set.add_file("e.json", R"({"rules":[{"id":"e","relation":"met_with","event":"joins","pattern":"{PERSON:a} attended"}]})"),
                       doctest::Contains("no slot named 'b'"), newsgraph::RuleError);
  CHECK_THROWS_WITH_AS(set.add_file("e.json", R"({"rules":[{"id":"e","relation":"met_with","event":"leaves","pattern":"{PERSON:a} left"}]})"),
                       doctest::Contains("\"attends\" or \"joins\""), newsgraph::RuleError);
  CHECK_NOTHROW(set.add_file("e.json", R"({"rules":[{"id":"e","relation":"met_with","event":"attends","pattern":"{PERSON:a} spoke at the meeting"}]})"));
}

TEST_CASE("offices: inverted copula, 'doubles as', 'formerly', 'also a former', 'president pro tempore', before 'tweeted'") {
  auto rs = extract("Russia's envoy at the time was Sergei Kislyac. Its non-executive chairman is Ms Evangeline Shan. "
                    "Finance Minister Taro Asso, who doubles as deputy premier, spoke. After the meeting, Mike Pens, "
                    "also a former governor of Indiana tweeted his thanks. Orrin Hatsch, who is the Senate president "
                    "pro tempore, spoke.");
  const Relation* envoy = office(rs, "Sergei Kislyac", "envoy");
  REQUIRE(envoy);
  CHECK(envoy->former);
  CHECK(office(rs, "Evangeline Shan", "chairman"));
  CHECK(office(rs, "Taro Asso", "deputy premier"));
  const Relation* governor = office(rs, "Mike Pens", "governor");
  REQUIRE(governor);
  CHECK(governor->former);
  CHECK(office(rs, "Orrin Hatsch", "president pro tempore"));
}

TEST_CASE("rule files: a slot written twice is refused (RE2 would report only one of the two groups)") {
  newsgraph::RuleSet set;
  CHECK_THROWS_WITH_AS(
      set.add_file("d.json", R"js({"rules":[{"id":"d","relation":"met_with","pattern":"(?:{PERSON:a} met {PERSON:b}|{PERSON:b} was met by {PERSON:a})"}]})js"),
      doctest::Contains("'a' appears twice"), newsgraph::RuleError);
}

TEST_CASE("affiliations and membership: spies and officers, employers after 'at', 'for the Liberal Democrats'") {
  auto rs = extract("Oleg Gordievskiy, a senior KGB officer who defected, spoke. Mr Viktor Makarev joined the KGB in "
                    "1970. Neil Wilsen, an analyst at Markets.com said so. David Kahns - a former Yale historian, agreed. "
                    "Vincent Cabel, for the Liberal Democrats, called for change. For the Lib Dems, Vince Cables said no.");
  CHECK(has_affiliation(rs, "affiliated_with", "Oleg Gordievskiy", "KGB"));
  CHECK(has_affiliation(rs, "affiliated_with", "Viktor Makarev", "KGB"));
  CHECK(has_affiliation(rs, "affiliated_with", "Neil Wilsen", "Markets.com"));
  CHECK(has_affiliation(rs, "affiliated_with", "David Kahns", "Yale"));
  CHECK(has_affiliation(rs, "member_of", "Vincent Cabel", "Liberal Democrats"));
  CHECK(has_affiliation(rs, "member_of", "Vince Cables", "Liberal Democrats"));
  // A source at the end of a clause is no apposition; an era or a place is no employer.
  auto no = extract("Roy Moorr got the money, an RNC official said. John Brennen, an Obama-era official, spoke. Ana "
                    "Higuera, a lawyer in Havana, agreed.");
  CHECK(count(no, "affiliated_with") == 0);
}

TEST_CASE("precision audit: names of bodies, 'who heads', 'has remained', subjects with companions") {
  auto rs = extract("General Paul Selvo, vice chairman of the Joint Chiefs of Staff, told Congress so. The current FHFA "
                    "Director, Mel Watts, is an appointee. Representative Mark Meadowz, who heads the House Freedom "
                    "Caucus, said so. Devin Nunez has remained chairman of the intelligence panel. Republican incumbent "
                    "David Yancy won. The Republican National Convention opened. Donald Tramp and senior cabinet "
                    "officials met with nine Republican senators, including Ted Cruse of Texas, at the White House.");
  CHECK(has_affiliation(rs, "holds_office", "Paul Selvo", "Joint Chiefs of Staff"));
  CHECK(has_affiliation(rs, "holds_office", "Mel Watts", "FHFA"));
  CHECK(has_affiliation(rs, "holds_office", "Mark Meadowz", "House Freedom Caucus"));
  CHECK(office(rs, "Devin Nunez", "chairman"));
  CHECK(has_affiliation(rs, "member_of", "David Yancy", "Republican Party"));
  CHECK(std::none_of(rs.begin(), rs.end(), [](const Relation& r) { return r.subject == "National Convention"; }));
  CHECK(has_pair(rs, "met_with", "Donald Tramp", "Ted Cruse"));
}

TEST_CASE("rule files: one file may not name a rule twice; a later file replaces a rule by its id") {
  newsgraph::RuleSet set;
  CHECK_THROWS_WITH_AS(set.add_file("twice.json", R"js({"rules":[
      {"id":"t","relation":"met_with","pattern":"{PERSON:a} met {PERSON:b}"},
      {"id":"t","relation":"met_with","pattern":"{PERSON:a} saw {PERSON:b}"}]})js"),
                       doctest::Contains("appears twice in the file"), newsgraph::RuleError);
  newsgraph::RuleSet layered;
  layered.add_file("one.json", R"js({"rules":[{"id":"t","relation":"met_with","pattern":"{PERSON:a} met {PERSON:b}"}]})js");
  layered.add_file("two.json", R"js({"rules":[{"id":"t","relation":"met_with","pattern":"{PERSON:a} saw {PERSON:b}"}]})js");
  REQUIRE(layered.rules().size() == 1);
  CHECK(layered.rules()[0]->pattern == "{PERSON:a} saw {PERSON:b}");
}

TEST_CASE("shouted lines: four or more words in capitals name nobody, and capitals are no employer") {
  auto rs = extract("PETER CARDILO, CHIEF MARKET ECONOMIST AT FIRST STANDARD FINANCIAL IN NEW YORK: \"It prompts "
                    "Congress.\" GENADIY GOLDBERK, INTEREST RATES STRATEGIST AT TD SECURITIES IN NEW YORK: \"Yes.\"");
  CHECK(std::none_of(rs.begin(), rs.end(), [](const Relation& r) {
    return r.subject == "MARKET" || (r.org && (*r.org == "CHIEF MARKET" || *r.org == "INTEREST RATES"));
  }));
  CHECK(rs.empty());
}

TEST_CASE("offices: in a list of titled names, ', and Chairman of X, Y' is Y's office, not the name before") {
  auto rs = extract("SST Committee Chairman Lamar Smyth, Vice Chairman Frank Lukas, and Chairman of the Environment "
                    "Subcommittee, Andy Bigs, repeated a request.");
  CHECK(office(rs, "Frank Lukas", "Vice Chairman"));
  CHECK(has_affiliation(rs, "holds_office", "Andy Bigs", "Environment Subcommittee"));
  CHECK_FALSE(has_affiliation(rs, "holds_office", "Frank Lukas", "Environment Subcommittee"));
}

TEST_CASE("pronouns: a first name that tells the sex decides when no honorific does") {
  auto rs = extract("Donald Tramp gave money to Kirsten Gillibrund's campaign in 2010, and he donated more to her in "
                    "2007 while she was a member of the House of Representatives.");
  CHECK(has_affiliation(rs, "member_of", "Kirsten Gillibrund", "House of Representatives"));
  CHECK_FALSE(has_affiliation(rs, "member_of", "Donald Tramp", "House of Representatives"));
}

TEST_CASE("quotations: 'I' and 'we' are the quotation's named speaker, 'he' is someone else") {
  // The attribution after the close, and a quotation that goes on in the next sentences.
  auto rs = extract(
      "\"They can play games,\" Anna Kowalski said of Peter Lindqvist. \"I understand that. I know a lot of "
      "things. But he called me last week.\"");
  CHECK(has_pair(rs, "phoned", "Peter Lindqvist", "Anna Kowalski"));
  // The attribution before the open; another person named before is not the speaker.
  rs = extract("Lars Dahlberg arrived on Monday. Anna Kowalski said: \"I met Peter Lindqvist in May.\"");
  CHECK(has_pair(rs, "met_with", "Anna Kowalski", "Peter Lindqvist"));
  CHECK_FALSE(has_pair(rs, "met_with", "Lars Dahlberg", "Peter Lindqvist"));
  // A quotation of two paragraphs leaves the first open; its speaker is named at the end.
  rs = extract("Lars Dahlberg arrived on Monday.\n\n\"We met Peter Lindqvist in May.\n\n\"It went well,\" Anna Kowalski said.");
  CHECK(has_pair(rs, "met_with", "Anna Kowalski", "Peter Lindqvist"));
  CHECK_FALSE(has_pair(rs, "met_with", "Lars Dahlberg", "Peter Lindqvist"));
  // No named speaker: "I" stays nobody.
  rs = extract("Lars Dahlberg arrived on Monday. \"I met Peter Lindqvist in May,\" a diplomat said.");
  CHECK(count(rs, "met_with") == 0);
}
