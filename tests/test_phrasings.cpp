// Common ways news writes a meeting or a call between two named persons, and look-alikes that
// are none (future, refused, cancelled, "called X a liar"), one sentence each, with the one
// relation each must give (or none). The names are invented and unambiguous so that only the
// phrasing is tested. A table of phrasings rather than one test per rule: a rule change that
// breaks a common phrasing shows here by its sentence.
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "extract/extractor.h"

namespace {

struct Phrasing {
  const char* relation;  // "met_with", "phoned", or "" for none
  const char* sentence;
};

// Anna Kowalski, Peter Lindqvist, Lars Dahlberg; "Pope Francis" once.
const Phrasing kPhrasings[] = {
    {"met_with", "Prime Minister Anna Kowalski was joined by Foreign Minister Peter Lindqvist for talks in Oslo."},
    {"met_with", "Anna Kowalski exchanged views with Peter Lindqvist on regional security."},
    {"met_with", "Anna Kowalski was granted an audience with Pope Francis at the Vatican."},
    {"", "Anna Kowalski accompanied Peter Lindqvist on a tour of the factory."},
    {"met_with", "Anna Kowalski and Peter Lindqvist held a bilateral meeting on the sidelines of the G20 summit."},
    {"met_with", "Anna Kowalski met separately with Peter Lindqvist and Lars Dahlberg."},
    {"met_with", "Anna Kowalski, the prime minister, met Peter Lindqvist in Oslo on Tuesday."},
    {"met_with", "During his visit to Oslo, Peter Lindqvist met Anna Kowalski and Lars Dahlberg."},
    {"met_with", "Peter Lindqvist paid a visit to Anna Kowalski at her office."},
    {"met_with", "Anna Kowalski hosted Peter Lindqvist for dinner at her residence."},
    {"met_with", "Anna Kowalski played host to Peter Lindqvist in Oslo."},
    {"met_with", "Peter Lindqvist was received by Anna Kowalski at the presidential palace."},
    {"met_with", "Anna Kowalski held a one-on-one meeting with Peter Lindqvist."},
    {"met_with", "Anna Kowalski and Peter Lindqvist met face to face for the first time."},
    {"met_with", "Anna Kowalski had breakfast with Peter Lindqvist on Friday."},
    {"met_with", "Anna Kowalski sat down with Peter Lindqvist for an interview."},
    {"met_with", "Anna Kowalski welcomed Peter Lindqvist to the capital."},
    {"met_with", "Anna Kowalski met with a delegation led by Peter Lindqvist."},
    {"met_with", "Anna Kowalski shook hands with Peter Lindqvist before the talks."},
    {"met_with", "Anna Kowalski and Peter Lindqvist, who met in Paris last year, signed the deal."},
    {"met_with", "Anna Kowalski told reporters after meeting Peter Lindqvist that talks went well."},
    {"met_with", "Anna Kowalski, speaking after talks with Peter Lindqvist, said trade would grow."},
    {"met_with", "After their meeting, Anna Kowalski and Peter Lindqvist told reporters the talks went well."},
    {"met_with", "Anna Kowalski had a working lunch with Peter Lindqvist."},
    {"met_with", "Anna Kowalski huddled with Peter Lindqvist at the summit."},
    {"met_with", "Anna Kowalski visited Peter Lindqvist in hospital."},
    {"met_with", "Anna Kowalski flew to Oslo on Monday, where she met Peter Lindqvist."},
    {"met_with", "Anna Kowalski also met Lars Dahlberg, the opposition leader."},
    {"met_with", "Anna Kowalski met Lars Dahlberg, Peter Lindqvist's deputy, in Oslo."},
    {"phoned", "Anna Kowalski spoke by phone with Peter Lindqvist on Monday."},
    {"phoned", "Anna Kowalski and Peter Lindqvist spoke on the phone on Monday."},
    {"phoned", "Anna Kowalski had a phone conversation with Peter Lindqvist."},
    {"phoned", "Anna Kowalski telephoned Peter Lindqvist to congratulate him."},
    {"phoned", "Anna Kowalski held a video conference with Peter Lindqvist."},
    {"phoned", "In a telephone call on Monday, Anna Kowalski told Peter Lindqvist that trade would grow."},
    {"phoned", "Anna Kowalski phoned Peter Lindqvist on Monday."},
    {"phoned", "Anna Kowalski and Peter Lindqvist held phone talks on Monday."},
    {"phoned", "Anna Kowalski made a phone call to Peter Lindqvist."},
    {"phoned", "Anna Kowalski called Peter Lindqvist on Tuesday to discuss the crisis."},
    {"phoned", "Anna Kowalski spoke to Peter Lindqvist by telephone on Tuesday."},
    {"phoned", "Peter Lindqvist received a call from Anna Kowalski on Tuesday."},
    {"phoned", "Anna Kowalski and Peter Lindqvist talked by phone for an hour."},
    {"phoned", "Anna Kowalski held a phone call with Peter Lindqvist."},
    {"phoned", "Anna Kowalski had a video call with Peter Lindqvist."},
    {"", "Anna Kowalski will meet Peter Lindqvist next week."},
    {"", "Anna Kowalski is expected to meet Peter Lindqvist on Friday."},
    {"", "Anna Kowalski wants to meet Peter Lindqvist."},
    {"", "Anna Kowalski declined to meet Peter Lindqvist."},
    {"", "Anna Kowalski and Peter Lindqvist did not meet."},
    {"", "Anna Kowalski criticised Peter Lindqvist on Monday."},
    {"", "Anna Kowalski called Peter Lindqvist a liar."},
    {"", "Anna Kowalski called on Peter Lindqvist to resign."},
    {"", "Anna Kowalski praised Peter Lindqvist's decision."},
    {"", "Anna Kowalski is scheduled to hold talks with Peter Lindqvist."},
    {"", "A meeting between Anna Kowalski and Peter Lindqvist was cancelled."},
    {"", "Anna Kowalski said she had never met Peter Lindqvist."},
    {"", "Anna Kowalski plans to visit Peter Lindqvist in May."},
    {"", "Anna Kowalski asked for a meeting with Peter Lindqvist."},
    {"", "Anna Kowalski wrote to Peter Lindqvist on Monday."},
    {"met_with", "Anna Kowalski, on a visit to Beijing, met Peter Lindqvist on Monday."},
    {"met_with", "Anna Kowalski, on her first trip abroad as leader, held talks with Peter Lindqvist."},
    {"met_with", "Anna Kowalski and Peter Lindqvist emerged from their talks smiling."},
    {"met_with", "Anna Kowalski and Peter Lindqvist, meeting in Geneva, agreed to cooperate."},
    {"met_with", "Following talks with Peter Lindqvist, Anna Kowalski said trade would grow."},
    {"met_with", "Anna Kowalski hosted Peter Lindqvist at a state banquet."},
    {"met_with", "Anna Kowalski received Peter Lindqvist at the Kremlin."},
    {"met_with", "Anna Kowalski met Peter Lindqvist and Lars Dahlberg separately."},
    {"met_with", "Anna Kowalski, Peter Lindqvist and Lars Dahlberg met in Oslo on Monday."},
    {"met_with", "Anna Kowalski held a summit with Peter Lindqvist in Oslo."},
    {"met_with", "Anna Kowalski had a long meeting with Peter Lindqvist on Monday."},
    {"met_with", "Anna Kowalski and Peter Lindqvist had a 40-minute meeting in Oslo."},
    {"met_with", "Anna Kowalski held a closed-door meeting with Peter Lindqvist."},
    {"met_with", "Anna Kowalski attended a dinner with Peter Lindqvist."},
    {"met_with", "Anna Kowalski was the first leader to meet Peter Lindqvist after his election."},
    {"phoned", "Anna Kowalski said she had a \"very good\" call with Peter Lindqvist."},
    {"phoned", "Anna Kowalski and Peter Lindqvist had a 40-minute phone call on Monday."},
    {"phoned", "Anna Kowalski held a telephone conversation with Peter Lindqvist."},
    {"phoned", "Anna Kowalski spoke with Peter Lindqvist by video link on Monday."},
    {"phoned", "Anna Kowalski, in a phone call with Peter Lindqvist, urged restraint."},
    {"phoned", "Anna Kowalski called Peter Lindqvist late on Sunday."},
    {"phoned", "Peter Lindqvist took a call from Anna Kowalski on Sunday."},
    {"", "Anna Kowalski spoke with Peter Lindqvist on Monday."},
    {"", "Anna Kowalski and Peter Lindqvist spoke on Monday."},
    {"", "Anna Kowalski is meeting Peter Lindqvist next week."},
    {"", "Anna Kowalski received Peter Lindqvist's letter on Monday."},
    {"", "Anna Kowalski called for Peter Lindqvist to resign."},
    {"", "Anna Kowalski met reporters after Peter Lindqvist's speech."},
    {"", "Anna Kowalski said she had not met Peter Lindqvist since 2019."},
    {"met_with", "Anna Kowalski met on the sidelines of the summit with Peter Lindqvist."},
    {"met_with", "Anna Kowalski met on Sept. 20, 2016 with Peter Lindqvist and Lars Dahlberg over lunch."},
    {"met_with", "Anna Kowalski met on Sept. 20, 2016 with businessmen Peter Lindqvist and Lars Dahlberg over lunch."},
    {"met_with", "Anna Kowalski held talks with Swedish diplomat Peter Lindqvist."},
    {"met_with", "Anna Kowalski met Peter Lindqvist in May."},
    {"met_with", "Sen. Anna Kowalski (R-Ala.) met Peter Lindqvist on Monday."},
    {"met_with", "Peter Lindqvist met a group of executives, including Orlen's Anna Kowalski and Volvo's Lars Dahlberg."},
    {"met_with", "Anna Kowalski was among executives who met Peter Lindqvist on Tuesday."},
    {"met_with", "Anna Kowalski gave a dinner in honour of Peter Lindqvist."},
    {"met_with", "The article described a meeting Anna Kowalski had with GOP political consultant Peter Lindqvist and casino magnate Lars Dahlberg."},
    {"met_with", "Anna Kowalski and Peter Lindqvist were among those at the dinner."},
    {"met_with", "Peter Lindqvist was the guest of honour at a dinner hosted by Anna Kowalski."},
    {"met_with", "Anna Kowalski introduced Peter Lindqvist to the 400 invited guests as the world's greatest economist."},
    {"", "Anna Kowalski will host a dinner in honour of Peter Lindqvist next week."},
    {"met_with", "Peter Lindqvist then met with members of the family, including Army Lt. Col. Anna Kowalski, the late justice's son."},
    {"", "Anna Kowalski was among executives who hope to meet Peter Lindqvist."},
    {"met_with", "When Sen. Anna Kowalski (D-Mass.) paid a visit to Peter Lindqvist, speculation grew."},
    {"met_with", "Sen. Anna Kowalski (Fla.) met Peter Lindqvist on Monday."},
    {"met_with", "Sen. Anna Kowalski, R-Ala., met Peter Lindqvist on Monday."},
    {"phoned", "Rep. Anna Kowalski (R-Texas) spoke by phone with Peter Lindqvist."},
    {"met_with", "Speaking alongside Peter Lindqvist after their talks, Anna Kowalski said ties were strong."},
    {"met_with", "Anna Kowalski, standing next to Peter Lindqvist at a news conference after their talks, said ties were strong."},
    {"met_with", "Anna Kowalski held more than two hours of talks with Peter Lindqvist."},
    {"met_with", "Anna Kowalski wrapped up two days of talks with Peter Lindqvist."},
    {"met_with", "Anna Kowalski discussed North Korea with Peter Lindqvist during her visit to Oslo."},
    {"met_with", "Anna Kowalski and Peter Lindqvist posed for photographers before their talks."},
    {"phoned", "Anna Kowalski discussed North Korea in a call with Peter Lindqvist."},
    {"phoned", "In a telephone call with Peter Lindqvist on Sunday, Anna Kowalski urged restraint."},
    {"", "Anna Kowalski, standing next to Peter Lindqvist, said they would hold talks next week."},
    {"met_with", "Anna Kowalski met this morning with Orlen executive Peter Lindqvist."},
    {"phoned", "Anna Kowalski said she had received congratulatory phone calls from Lars Dahlberg, who had endorsed Nils Holm, as well as Senate leader Peter Lindqvist."},
    {"met_with", "Anna Kowalski held talks with Peter Lindqvist in May 2019."},
    {"", "Anna Kowalski may meet Peter Lindqvist in Oslo."},
    {"met_with", "Lars Dahlberg and Anna Kowalski were joined for a second meeting with other members of the leadership team: majority whip Peter Lindqvist and conference chair Nils Holm."},
    {"met_with", "A handful of senators joined Anna Kowalski's meeting with the leadership: Peter Lindqvist of Ohio and Nils Holm of Iowa."},
    {"met_with", "Anna Kowalski met with members of the leadership team: Peter Lindqvist, Erik Berg and Nils Holm."},
    {"", "Anna Kowalski met with members of the committee on Monday, while Peter Lindqvist stayed home."},
    {"met_with", "Governor Anna Kowalski, accompanied by representatives from Volvo and Saab, also met with Peter Lindqvist."},
    {"met_with", "Anna Kowalski and Peter Lindqvist sat down for talks in Oslo."},
    {"met_with", "Anna Kowalski flew to Oslo for talks with Peter Lindqvist."},
    {"met_with", "Anna Kowalski travelled to Oslo to meet Peter Lindqvist on Monday."},
    {"met_with", "Anna Kowalski, in Oslo for talks with Peter Lindqvist, said the deal was close."},
    {"met_with", "Anna Kowalski spoke briefly with Peter Lindqvist at the G20 summit."},
    {"met_with", "Anna Kowalski spoke with Peter Lindqvist on the sidelines of the summit."},
    {"met_with", "Anna Kowalski, right, speaks with Peter Lindqvist during arrival ceremonies in Oslo."},
    {"met_with", "Anna Kowalski was quiet after her sit-down with Peter Lindqvist."},
    {"met_with", "Anna Kowalski spoke to reporters after holding talks with Peter Lindqvist."},
    {"phoned", "Anna Kowalski and Peter Lindqvist discussed trade in a phone call on Monday."},
    {"phoned", "In a telephone conversation on Monday, Anna Kowalski and Peter Lindqvist discussed trade."},
    {"phoned", "Anna Kowalski's phone call with Peter Lindqvist lasted an hour."},
    {"phoned", "Anna Kowalski discussed trade with Peter Lindqvist in a phone call."},
    {"phoned", "Anna Kowalski was criticised for her handling of a call with Peter Lindqvist."},
    {"phoned", "In his call with Peter Lindqvist, Anna Kowalski urged restraint."},
    {"", "Anna Kowalski had a brief conversation with Peter Lindqvist about trade."},
    {"", "Anna Kowalski will fly to Oslo for talks with Peter Lindqvist."},
    {"", "Anna Kowalski is due to travel to Oslo to meet Peter Lindqvist."},
    {"", "Anna Kowalski said a call with Peter Lindqvist would help."},
    {"", "Anna Kowalski called Peter Lindqvist, who told the Times that she had lied to him, \"that horrible man\" and left."},
    {"phoned", "Anna Kowalski called Peter Lindqvist, who had won the race, on Tuesday."}
};

// Contacts told across sentences or inside reported speech (pronouns, short names, "the pair"),
// and look-alikes: future, conditional, refused, co-presence, letters, interviews, a spouse.
const Phrasing kInContext[] = {
    {"met_with", "President Anna Kowalski arrived in Oslo on Monday. She met Prime Minister Peter Lindqvist at his office."},
    {"met_with", "Anna Kowalski arrived in Oslo on Monday. Kowalski later met Peter Lindqvist."},
    {"met_with", "Anna Kowalski and Peter Lindqvist met in Oslo. The two leaders discussed trade."},
    {"met_with", "Anna Kowalski flew to Oslo. Peter Lindqvist met her at the airport."},
    {"met_with", "Anna Kowalski and Peter Lindqvist held talks on Monday. The pair agreed to cooperate."},
    {"met_with", "Peter Lindqvist said on Monday that he had met Anna Kowalski twice."},
    {"met_with", "Peter Lindqvist told reporters he met Anna Kowalski last year."},
    {"met_with", "According to officials, Anna Kowalski met Peter Lindqvist in secret."},
    {"met_with", "Anna Kowalski, who met Peter Lindqvist on Monday, said the talks went well."},
    {"met_with", "Anna Kowalski is reported to have met Peter Lindqvist in Oslo."},
    {"met_with", "Anna Kowalski testified that she met Peter Lindqvist in 2016."},
    {"met_with", "Anna Kowalski denied that she had met Peter Lindqvist."},
    {"phoned", "Anna Kowalski said she had spoken to Peter Lindqvist by phone on Sunday."},
    {"phoned", "Anna Kowalski arrived in Oslo. Later she phoned Peter Lindqvist."},
    {"", "Anna Kowalski said she would meet Peter Lindqvist if he agreed."},
    {"", "Anna Kowalski hopes to meet Peter Lindqvist soon."},
    {"", "Anna Kowalski had been due to meet Peter Lindqvist but the visit was called off."},
    {"", "Anna Kowalski met officials in Oslo. Peter Lindqvist was not present."},
    {"", "Anna Kowalski and Peter Lindqvist both attended the conference in Oslo."},
    {"", "Anna Kowalski sent a letter to Peter Lindqvist."},
    {"", "Anna Kowalski congratulated Peter Lindqvist on his victory."},
    {"", "Anna Kowalski criticised Peter Lindqvist at a news conference."},
    {"", "Anna Kowalski spoke about Peter Lindqvist at the meeting."},
    {"", "Anna Kowalski met the press after Peter Lindqvist spoke."},
    {"", "Anna Kowalski is to meet Peter Lindqvist on Friday."},
    {"", "Anna Kowalski will hold talks with Peter Lindqvist on Friday."},
    {"", "Anna Kowalski was set to meet Peter Lindqvist on Friday."},
    {"", "Talks between Anna Kowalski and Peter Lindqvist are planned for May."},
    {"", "Anna Kowalski refused to meet Peter Lindqvist."},
    {"", "Anna Kowalski said a meeting with Peter Lindqvist was possible."},
    {"", "Anna Kowalski met Peter Lindqvist's wife in Oslo."},
    {"", "Anna Kowalski interviewed Peter Lindqvist for the BBC."},
    {"", "Anna Kowalski and Peter Lindqvist spoke at a joint news conference."},
    {"", "Anna Kowalski said Peter Lindqvist had met her predecessor."},
    {"met_with", "Both Anna Kowalski and Peter Lindqvist backed the plan, Poland's foreign ministry said in a statement following the leaders' talks."},
    {"met_with", "Anna Kowalski was hosted to lunch by Lars Dahlberg, while Peter Lindqvist hosted breakfast."},
    // A title with its country refers back to the one person the text gave both.
    {"phoned", "Norwegian Ambassador Peter Lindqvist arrived on Monday. Anna Kowalski called the Norwegian ambassador."},
    {"phoned", "Norway's then-ambassador, Peter Lindqvist, left in May. Anna Kowalski called Norway's ambassador in April."},
    {"met_with", "Peter Lindqvist, the chancellor, arrived on Monday. Anna Kowalski met the chancellor in Oslo."},
    {"", "Norwegian Ambassador Peter Lindqvist arrived on Monday. Anna Kowalski called the Swedish ambassador."},
    {"", "Before meeting Peter Lindqvist, the ambassador paid a call on Lars Dahlberg. Anna Kowalski met the ambassador."},
    // "al-Assad" is "Assad" for short; "they" after "A and first lady B" opening the sentence before.
    {"met_with", "Syrian President Bashar al-Assad flew to Moscow. In the meeting with Assad, Peter Lindqvist said the talks went well."},
    {"met_with", "In the afternoon, President Anna Kowalski and first lady Maria Kowalski visited the court. They were greeted by Chief Justice Peter Lindqvist."},
    {"met_with", "Photographs also showed Anna Kowalski dining with Peter Lindqvist and other officials, including Lars Dahlberg."},
    // A list of attendees joins the meeting a sentence before reported.
    {"met_with", "Anna Kowalski held a meeting with party leaders on Monday. Attendees included Peter Lindqvist and Lars Dahlberg."},
    {"met_with", "Anna Kowalski met party leaders at a hotel on Monday. Participants included Peter Lindqvist, a senator."},
    {"", "Anna Kowalski will hold a meeting with party leaders on Monday. Attendees will include Peter Lindqvist."},
    {"", "The conference opened on Monday. Attendees included Peter Lindqvist and Lars Dahlberg."},
    // The agent of a passive is not the subject of the verb after "and then".
    {"met_with", "Anna Kowalski and Maria Nowak were greeted by Peter Lindqvist and then met with members of the family, including Lars Dahlberg."},
    // "I" and "we" in a quotation are its speaker.
    {"met_with", "\"We met with Peter Lindqvist and some of the great people in Oslo,\" Anna Kowalski said."},
    {"met_with", "Anna Kowalski said: \"I met Peter Lindqvist last week.\""},
    {"phoned", "Anna Kowalski spoke. Peter Lindqvist agreed. \"He's told me that twice by phone,\" Kowalski said."},
    {"", "\"We will meet Peter Lindqvist soon,\" Anna Kowalski said."},
    {"phoned", "\"They can play games,\" Anna Kowalski said of Peter Lindqvist. \"I understand that. But he called me last week.\""},
    {"", "\"He called me last week,\" Anna Kowalski said."},
    {"", "\"I met the king last week,\" Anna Kowalski told Peter Lindqvist."},
    // "the two" as a subject is the two persons named last.
    {"phoned", "Peter Lindqvist, who has criticised Anna Kowalski, told reporters that the two had a \"cordial, pleasant\" phone conversation."},
    {"phoned", "Anna Kowalski criticised Peter Lindqvist. In a phone conversation the two had on Thursday, she urged restraint."},
    {"", "Anna Kowalski criticised Peter Lindqvist's Election Day warning. The two sides had a phone conversation."}
};

// Names of many origins and shapes in one phrasing that works ("A met B in C"): particles,
// initials, hyphens, honorifics, titles, and first names that are also months or countries;
// and dates and organisations that must not turn into names.
const Phrasing kNames[] = {
    {"met_with", "Jan Egeland met Theresa May in London."},
    {"met_with", "April Ryan met Peter Lindqvist in London."},
    {"met_with", "Chancellor Angela Merkel met President Emmanuel Macron in Berlin."},
    {"met_with", "Mohammed bin Salman met Benjamin Netanyahu in Riyadh."},
    {"met_with", "Abdel Fattah al-Sisi met Recep Tayyip Erdogan in Cairo."},
    {"met_with", "Ursula von der Leyen met Charles Michel in Brussels."},
    {"met_with", "Moon Jae-in met Kim Jong Un at Panmunjom."},
    {"met_with", "Li Keqiang met Shinzo Abe in Tokyo."},
    {"met_with", "Luiz Inacio Lula da Silva met Alberto Fernandez in Brasilia."},
    {"met_with", "J.D. Vance met Mark Rutte in The Hague."},
    {"met_with", "Mr Sunak met Mr Varadkar in Dublin. Rishi Sunak and Leo Varadkar are leaders."},
    {"met_with", "Dr Anthony Fauci met Sir Patrick Vallance in London."},
    {"met_with", "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris."},
    {"met_with", "UN Secretary-General Antonio Guterres met Pope Francis at the Vatican."},
    {"met_with", "Nguyen Xuan Phuc met Joko Widodo in Jakarta."},
    {"met_with", "Sheikh Mohammed bin Zayed met King Abdullah in Amman."},
    {"met_with", "Jacinda Ardern met Scott Morrison in Sydney."},
    {"met_with", "Pierre-Yves Martin met Jean-Luc Melenchon in Lyon."},
    {"met_with", "Boris Johnson met Mark Carney in London."},
    {"met_with", "Hun Sen met Prayuth Chan-ocha in Bangkok."},
    {"met_with", "Ashraf Ghani met Imran Khan in Islamabad."},
    {"met_with", "Tsai Ing-wen met Nancy Pelosi in Taipei."},
    {"met_with", "Mike Pompeo met Wang Yi in Hawaii."},
    {"met_with", "Ali Khamenei met Bashar al-Assad in Tehran."},
    {"met_with", "Cyril Ramaphosa met Paul Kagame in Kigali."},
    {"met_with", "Jair Bolsonaro met Donald Trump at Mar-a-Lago."},
    {"met_with", "Lee Hsien Loong met Mahathir Mohamad in Putrajaya."},
    {"met_with", "Andrew Cuomo met Bill de Blasio in New York."},
    {"met_with", "Kevin McCarthy met Chuck Schumer on Capitol Hill."},
    {"met_with", "Virginia Raggi met Angela Merkel in Rome."},
    {"met_with", "Georgia Meloni met Rishi Sunak in Rome."},
    {"met_with", "Paris Hilton met Kim Kardashian in Los Angeles."},
    {"met_with", "Israel Katz met Antony Blinken in Jerusalem."},
    {"met_with", "Chad Wolf met Kirstjen Nielsen in Washington."},
    {"met_with", "Jordan Bardella met Marine Le Pen in Paris."},
    {"met_with", "China's Xi Jinping met India's Narendra Modi in Wuhan."},
    {"met_with", "Peter Lindqvist met Theresa May in London."},
    {"met_with", "Jan Egeland met Peter Lindqvist in London."},
    {"met_with", "Ursula von der Leyen met Peter Lindqvist in Brussels."},
    {"met_with", "Ursula von Leyen met Peter Lindqvist in Brussels."},
    {"met_with", "Mark van der Berg met Peter Lindqvist in Brussels."},
    {"", "In June Merkel said the talks with Macron had failed. Angela Merkel spoke."},
    {"", "Since April Trump has said nothing. Donald Trump left."},
    {"", "Israel Defense Forces said on Monday that Peter Lindqvist was wrong."},
    {"met_with", "Anna Kowalski met Israeli Prime Minister Benjamin Netanyahu in Jerusalem."},
    {"met_with", "Georgia Governor Brian Kemp met Peter Lindqvist in Atlanta."},
    {"met_with", "Jordan's King Abdullah met Peter Lindqvist in Amman."},
    {"met_with", "Anna Kowalski visited Jordan and met King Abdullah in Amman."},
};

// Common ways news attaches an office to a name: title before the name, apposition, copula,
// possessive, organisation before the title, "has served as ... since".
struct Office {
  const char* person;
  const char* title;
  const char* sentence;
};

const Office kOffices[] = {
    {"Anna Kowalski", "Foreign Minister", "Foreign Minister Anna Kowalski arrived in Oslo."},
    {"Anna Kowalski", "Foreign Minister", "Poland's Foreign Minister Anna Kowalski arrived in Oslo."},
    {"Anna Kowalski", "foreign minister", "Anna Kowalski, Poland's foreign minister, arrived in Oslo."},
    {"Anna Kowalski", "chief executive", "Anna Kowalski, chief executive of Orlen, said profits rose."},
    {"Anna Kowalski", "chief executive", "Orlen chief executive Anna Kowalski said profits rose."},
    {"Anna Kowalski", "CEO", "Orlen CEO Anna Kowalski said profits rose."},
    {"Anna Kowalski", "chairman", "Anna Kowalski is the chairman of Orlen."},
    {"Anna Kowalski", "president", "Anna Kowalski was elected president of the European Commission in 2019."},
    {"Anna Kowalski", "governor", "Anna Kowalski became governor of the central bank in 2016."},
    {"Anna Kowalski", "spokeswoman", "\"We are ready,\" said Anna Kowalski, a spokeswoman for the ministry."},
    {"Anna Kowalski", "spokeswoman", "Ministry spokeswoman Anna Kowalski told reporters the talks went well."},
    {"Anna Kowalski", "ambassador", "Anna Kowalski, the Polish ambassador to Norway, declined to comment."},
    {"Anna Kowalski", "Prime Minister", "Polish Prime Minister Anna Kowalski and Norwegian Prime Minister Peter Lindqvist spoke."},
    {"Peter Lindqvist", "Prime Minister", "Polish Prime Minister Anna Kowalski and Norwegian Prime Minister Peter Lindqvist spoke."},
    {"Anna Kowalski", "head", "Anna Kowalski, head of the agency, resigned."},
    {"Anna Kowalski", "director", "Anna Kowalski, director of the National Museum, opened the show."},
    {"Anna Kowalski", "mayor", "Anna Kowalski, the mayor of Krakow, welcomed the plan."},
    {"Anna Kowalski", "Opposition leader", "Opposition leader Anna Kowalski criticised the plan."},
    {"Anna Kowalski", "finance minister", "Anna Kowalski, who is the finance minister, said so."},
    {"Anna Kowalski", "Senator", "Senator Anna Kowalski of Ohio said so."},
    {"Anna Kowalski", "Secretary of State", "Secretary of State Anna Kowalski flew to Oslo."},
    {"Anna Kowalski", "Deputy prime minister", "Deputy prime minister Anna Kowalski flew to Oslo."},
    {"Anna Kowalski", "chairwoman", "Anna Kowalski, chairwoman of the board, spoke."},
    {"Anna Kowalski", "Chief Justice", "Chief Justice Anna Kowalski swore him in."},
    {"Anna Kowalski", "managing director", "Anna Kowalski, managing director of the IMF, warned of risks."},
    {"Anna Kowalski", "vice president", "Anna Kowalski, vice president of the company, left."},
    {"Anna Kowalski", "general secretary", "Anna Kowalski, general secretary of the party, spoke."},
    {"Anna Kowalski", "Interior Minister", "Interior Minister Anna Kowalski resigned on Monday."},
    {"Anna Kowalski", "president", "Anna Kowalski has served as president of the bank since 2019."},
    {"Anna Kowalski", "chief economist", "Anna Kowalski, chief economist at Orlen, said growth would slow."},
    {"Anna Kowalski", "leader", "Anna Kowalski, the leader of the Labour Party, spoke."},
    {"Anna Kowalski", "Secretary-General", "NATO Secretary-General Anna Kowalski spoke."},
    {"Joko Widodo", "President", "Indonesian President Joko Widodo spoke on Monday."},
    {"Mohammed bin Salman", "Crown Prince", "Saudi Crown Prince Mohammed bin Salman spoke on Monday."},
    {"Antonio Guterres", "Secretary-General", "UN Secretary-General Antonio Guterres spoke on Monday."},
    {"Josep Borrell", "foreign policy chief", "EU foreign policy chief Josep Borrell spoke on Monday."},
    {"Kristalina Georgieva", "Managing Director", "IMF Managing Director Kristalina Georgieva spoke on Monday."},
    {"Tedros Adhanom Ghebreyesus", "Director-General", "WHO Director-General Tedros Adhanom Ghebreyesus spoke on Monday."},
    {"Tim Cook", "CEO", "Apple CEO Tim Cook spoke on Monday."},
    {"Yoshihide Suga", "Chief Cabinet Secretary", "Japan's Chief Cabinet Secretary Yoshihide Suga spoke on Monday."},
    {"Mitch McConnell", "Majority Leader", "Senate Majority Leader Mitch McConnell spoke on Monday."},
    {"Nancy Pelosi", "Speaker", "House Speaker Nancy Pelosi spoke on Monday."},
    {"Angela Merkel", "Chancellor", "German Chancellor Angela Merkel spoke on Monday."},
    {"Ben Wallace", "Defence Secretary", "Defence Secretary Ben Wallace spoke on Monday."},
    {"Andrew Bailey", "Governor", "Bank of England Governor Andrew Bailey spoke on Monday."},
    {"Christine Lagarde", "President", "ECB President Christine Lagarde spoke on Monday."},
    {"Jerome Powell", "Chair", "Fed Chair Jerome Powell spoke on Monday."},
    {"Janet Yellen", "Treasury Secretary", "Treasury Secretary Janet Yellen spoke on Monday."},
    {"Jens Stoltenberg", "Secretary General", "NATO Secretary General Jens Stoltenberg spoke on Monday."},
    {"Sergei Lavrov", "Foreign Minister", "Russian Foreign Minister Sergei Lavrov spoke on Monday."},
    {"Wang Yi", "State Councilor", "Chinese State Councilor Wang Yi spoke on Monday."},
    {"Olaf Scholz", "Finance Minister", "Germany's Finance Minister Olaf Scholz spoke on Monday."},
    {"Mark Zuckerberg", "chief executive", "Facebook chief executive Mark Zuckerberg spoke on Monday."},
    {"Satya Nadella", "chief executive", "Satya Nadella, Microsoft's chief executive, spoke on Monday."},
    {"Ursula von der Leyen", "President", "European Commission President Ursula von der Leyen spoke on Monday."},
    {"Charles Michel", "President", "European Council President Charles Michel spoke on Monday."},
    {"Ebrahim Raisi", "President", "Iranian President Ebrahim Raisi spoke on Monday."},
    {"Benjamin Netanyahu", "Prime Minister", "Israeli Prime Minister Benjamin Netanyahu spoke on Monday."},
    {"Recep Tayyip Erdogan", "President", "Turkish President Recep Tayyip Erdogan spoke on Monday."},
    {"Vladimir Putin", "President", "Russia's President Vladimir Putin spoke on Monday."},
    {"Narendra Modi", "Prime Minister", "Indian Prime Minister Narendra Modi spoke on Monday."},
    {"Lee Hsien Loong", "Prime Minister", "Singapore's Prime Minister Lee Hsien Loong spoke on Monday."},
    {"Rishi Sunak", "Chancellor of the Exchequer", "Chancellor of the Exchequer Rishi Sunak spoke on Monday."},
    {"Keir Starmer", "leader", "Labour leader Keir Starmer spoke on Monday."},
    {"Chuck Schumer", "Minority Leader", "Senate Minority Leader Chuck Schumer spoke on Monday."},
    {"Lloyd Austin", "Defense Secretary", "Defense Secretary Lloyd Austin spoke on Monday."},
    {"Mark Milley", "Chairman", "Joint Chiefs Chairman Mark Milley spoke on Monday."},
    {"Avril Haines", "Director of National Intelligence", "Director of National Intelligence Avril Haines spoke on Monday."},
    {"Karine Jean-Pierre", "press secretary", "White House press secretary Karine Jean-Pierre spoke on Monday."},
    {"Ron DeSantis", "Governor", "Florida Governor Ron DeSantis spoke on Monday."},
    {"Eric Adams", "Mayor", "New York City Mayor Eric Adams spoke on Monday."},
    {"Anna Kowalski", "chief executive", "Orlen named Anna Kowalski as its new chief executive on Monday."},
    {"Anna Kowalski", "president", "Anna Kowalski was elected president of the party on Sunday."},
    {"Anna Kowalski", "governor", "Anna Kowalski was appointed governor of the central bank in 2016."},
    {"Anna Kowalski", "chair", "Anna Kowalski, who chairs the Banking Committee, said so."},
    {"Anna Kowalski", "prime minister", "Anna Kowalski was sworn in as prime minister on Monday."},
    {"Anna Kowalski", "finance minister", "Anna Kowalski took over as finance minister in May."},
    {"Anna Kowalski", "chief executive", "Anna Kowalski, who became chief executive of Orlen in 2019, said so."},
    {"Anna Kowalski", "Foreign Minister", "Anna Kowalski, the country's Foreign Minister, said so."},
    {"Anna Kowalski", "ambassador", "Anna Kowalski was Poland's ambassador to Norway until 2019."},
    {"Anna Kowalski", "leader", "Anna Kowalski, leader of the opposition Civic Platform, said so."},
    {"Anna Kowalski", "mayor", "The mayor, Anna Kowalski, said so."},
    {"Anna Kowalski", "spokeswoman", "A spokeswoman for the ministry, Anna Kowalski, said so."},
    {"Anna Kowalski", "CEO", "Anna Kowalski, CEO of Orlen, said so."},
    {"Anna Kowalski", "director", "Anna Kowalski, director of the National Museum in Warsaw, said so."},
    {"Anna Kowalski", "head", "Anna Kowalski, the head of Poland's central bank, said so."},
    {"Anna Kowalski", "president", "Anna Kowalski, 64, president of the Polish Bank Association, said so."},
    {"Anna Kowalski", "chairwoman", "Orlen chairwoman Anna Kowalski said so."},
    {"Anna Kowalski", "minister", "Anna Kowalski, a former minister, said so."},
    {"Anna Kowalski", "assistant secretary of state for European affairs", "Anna Kowalski, the assistant secretary of state for European affairs, said so."},
    {"Anna Kowalski", "deputy director for international security affairs", "Anna Kowalski, deputy director for international security affairs, said so."},
    {"Anna Kowalski", "spokeswoman", "Anna Kowalski, a spokeswoman for the foreign affairs ministry, said so."},
    {"Anna Kowalski", "majority whip", "Senate majority whip Anna Kowalski said so."},
    {"Anna Kowalski", "comptroller general", "Anna Kowalski, the comptroller general, said so."},
    {"Anna Kowalski", "Gov.", "There is time, said Iowa Gov. Anna Kowalski."},
    {"Anna Kowalski", "Chairman", "Bush has called the Iowa GOP Chairman, Anna Kowalski, on Monday."},
    {"Anna Kowalski", "district attorney", "Anna Kowalski, the district attorney, said so."},
    {"Anna Kowalski", "Justice", "Two days after Supreme Court Justice Anna Kowalski died, questions were raised."},
    {"Anna Kowalski", "national political director", "The party's national political director Anna Kowalski said so."},
    {"Anna Kowalski", "State Counsellor", "Myanmar State Counsellor Anna Kowalski said so."},
    {"Anna Kowalski", "finance minister", "Anna Kowalski, who was named finance minister last year, said so."},
    {"Anna Kowalski", "Governor", "Former Pennsylvania Governor and DNC Chairman Anna Kowalski told a radio station so."},
    {"Anna Kowalski", "communications director", "Anna Kowalski, who now is the White House communications director, tweeted."},
    {"Anna Kowalski", "spokesman", "The spokesman for the Joint Operations Command, Brig. Gen. Anna Kowalski, said so."},
    {"Anna Kowalski", "President", "Anna Kowalski, who was elected President in 2015, said so."},
    {"Anna Kowalski", "Justice", "Other justices include former Justice Peter Lindqvist and former Justice Anna Kowalski."}
};

// Sentences that give no office of the title named: a verb of leading, a department's name.
struct NoOffice {
  const char* title;
  const char* sentence;
};
const NoOffice kNoOffice[] = {
    {"head", "Anna Kowalski heads a caucus that is obsessed with rigging the game."},
    {"head", "President Anna Kowalski spoke where monarchs and heads of state have addressed Congress."},
    {"head", "Anna Kowalski heads to Oslo on Monday."},
    {"Justice", "Anna Kowalski said the Justice Department would appeal."},
    {"Justice", "Anna Kowalski joined Justice League NYC in 2015."},
};

// Membership of a party and links to an employer: "a fellow at", "X economist", "of Chatham
// House", "R-Ohio", "Liberal Democrat X"; a party before an office title is that office's org.
struct Link {
  const char* relation;
  const char* person;
  const char* org;
  const char* sentence;
};

const Link kLinks[] = {
    {"affiliated_with", "Anna Kowalski", "Brookings Institution", "Anna Kowalski, a fellow at the Brookings Institution, said so."},
    {"affiliated_with", "Anna Kowalski", "Goldman Sachs", "Goldman Sachs economist Anna Kowalski said growth would slow."},
    {"affiliated_with", "Anna Kowalski", "Harvard University", "Anna Kowalski, a professor at Harvard University, said so."},
    {"affiliated_with", "Anna Kowalski", "BBC", "The BBC's Anna Kowalski reported from Kyiv."},
    {"affiliated_with", "Anna Kowalski", "Reuters", "Anna Kowalski, a Reuters correspondent, reported from Kyiv."},
    {"affiliated_with", "Anna Kowalski", "Orlen", "Anna Kowalski, who works for Orlen, said so."},
    {"affiliated_with", "Anna Kowalski", "Chatham House", "\"It is a risk,\" said Anna Kowalski of Chatham House."},
    {"affiliated_with", "Anna Kowalski", "Capital Economics", "Anna Kowalski, an analyst with Capital Economics, said so."},
    {"affiliated_with", "Anna Kowalski", "Human Rights Watch", "Anna Kowalski, a researcher at Human Rights Watch, said so."},
    {"affiliated_with", "Anna Kowalski", "Microsoft", "Microsoft founder Anna Kowalski gave money."},
    {"member_of", "Anna Kowalski", "Democratic Party", "Anna Kowalski, a Democrat from Ohio, voted no."},
    {"member_of", "Anna Kowalski", "Republican Party", "Republican Anna Kowalski voted no."},
    {"holds_office", "Anna Kowalski", "Labour", "Labour MP Anna Kowalski voted no."},
    {"member_of", "Anna Kowalski", "Conservative Party", "Anna Kowalski, a Conservative, voted no."},
    {"member_of", "Anna Kowalski", "Republican Party", "Senator Anna Kowalski, R-Ohio, voted no."},
    {"member_of", "Anna Kowalski", "Democratic Party", "Anna Kowalski is a member of the Democratic Party."},
    {"member_of", "Anna Kowalski", "Democratic Party", "Anna Kowalski joined the Democratic Party in 2010."},
    {"member_of", "Anna Kowalski", "Liberal Democrats", "Liberal Democrat Anna Kowalski voted no."},
    {"affiliated_with", "Anna Kowalski", "Media Matters for America", "Anna Kowalski, founder of Media Matters for America, said so."},
    {"affiliated_with", "Anna Kowalski", "Fox News", "\"This is a mess,\" said Anna Kowalski, a Fox News contributor."},
    {"affiliated_with", "Anna Kowalski", "Fox News", "Trump got testy with the debate moderator, Anna Kowalski of Fox News."},
    {"affiliated_with", "Anna Kowalski", "Fox News", "When Anna Kowalski of Fox News -- who asked the questions -- tried again, the video was gone."},
    {"member_of", "Anna Kowalski", "Republican Party", "The remarks expose a divide with Republican vice presidential nominee Anna Kowalski."},
    {"affiliated_with", "Anna Kowalski", "Fox News", "Fox News' Anna Kowalski and the Associated Press contributed to this report."},
    {"member_of", "Anna Kowalski", "Democratic Party", "She may choose among other left-of-center Democrats such as Sens. Peter Lindqvist (Ohio) and Anna Kowalski (Va.)."},
    {"member_of", "Anna Kowalski", "Republican Party", "Leading Republicans, including Senator Anna Kowalski, criticised the plan."},
    {"affiliated_with", "Anna Kowalski", "Fox News", "Fox News' Anna Kowalski and The Associated Press contributed to this report."},
    {"member_of", "Anna Kowalski", "Democratic Party", "Palin was picked over Sen.Anna Kowalski (D-Del.) in 2008."},
};

std::string contacts_in(const char* sentence) {
  static const newsgraph::Extractor extractor;
  auto rs = extractor.extract(newsgraph::Document{"t", "2020-01-01", "", sentence, ""});
  std::string got;  // the kinds of contact found, each once
  for (const auto& r : rs)
    if ((r.relation == "met_with" || r.relation == "phoned") && got.find(r.relation) == std::string::npos)
      got += (got.empty() ? "" : ",") + r.relation;
  return got;
}

}  // namespace

// Each table row's sentence must give the row's contact kind (or none).
template <std::size_t N>
void check_contacts(const Phrasing (&table)[N]) {
  for (const auto& p : table) {
    INFO(std::string(p.sentence));
    CHECK(contacts_in(p.sentence) == std::string(p.relation));
  }
}

// Whether one of the sentence's records passes `wanted`.
template <typename Pred>
bool any_record(const char* sentence, Pred wanted) {
  static const newsgraph::Extractor extractor;
  auto rs = extractor.extract(newsgraph::Document{"t", "2020-01-01", "", sentence, ""});
  for (const auto& r : rs)
    if (wanted(r)) return true;
  return false;
}

TEST_CASE("phrasings: each common way of writing a meeting or a call gives that relation, and look-alikes none") {
  check_contacts(kPhrasings);
}

TEST_CASE("phrasings: contacts across sentences and in reported speech, and their look-alikes") {
  check_contacts(kInContext);
}

TEST_CASE("phrasings: names of many shapes are found as persons, dates and organisations are not") {
  check_contacts(kNames);
}

TEST_CASE("phrasings: each common way of giving a person an office gives that office") {
  for (const auto& o : kOffices) {
    INFO(std::string(o.sentence));
    CHECK(any_record(o.sentence, [&](const newsgraph::Relation& r) {
      return r.relation == "holds_office" && r.subject == o.person && r.title == o.title;
    }));
  }
}

TEST_CASE("phrasings: leading a caucus, heads of state, the Justice Department are no office") {
  for (const auto& n : kNoOffice) {
    INFO(std::string(n.sentence));
    CHECK_FALSE(any_record(n.sentence, [&](const newsgraph::Relation& r) {
      return r.relation == "holds_office" && r.title == n.title;
    }));
  }
}

TEST_CASE("phrasings: each common way of linking a person to a party or an employer gives that link") {
  for (const auto& l : kLinks) {
    INFO(std::string(l.sentence));
    CHECK(any_record(l.sentence, [&](const newsgraph::Relation& r) {
      return r.relation == l.relation && r.subject == l.person && r.org == std::optional<std::string>(l.org);
    }));
  }
}

TEST_CASE("phrasings: a list's last person who speaks next opens a clause of their own") {
  const char* sentence = "Anna Kowalski has called Peter Lindqvist, and Lars Dahlberg said he would call her on Tuesday.";
  CHECK(any_record(sentence, [](const newsgraph::Relation& r) {
    return r.relation == "phoned" && r.subject == "Anna Kowalski" && r.object == "Peter Lindqvist";
  }));
  CHECK_FALSE(any_record(sentence, [](const newsgraph::Relation& r) {
    return r.relation == "phoned" && (r.subject == "Lars Dahlberg" || r.object == "Lars Dahlberg");
  }));
}

TEST_CASE("phrasings: the agent of a passive does not meet the list after 'and then met with'") {
  const char* sentence =
      "Anna Kowalski and Maria Nowak were greeted by Peter Lindqvist and then met with members of the family, including "
      "Lars Dahlberg.";
  CHECK(any_record(sentence, [](const newsgraph::Relation& r) {
    return r.relation == "met_with" && (r.subject == "Peter Lindqvist" || r.object == "Peter Lindqvist");
  }));
  CHECK_FALSE(any_record(sentence, [](const newsgraph::Relation& r) {
    return r.relation == "met_with" && ((r.subject == "Peter Lindqvist" && r.object == "Lars Dahlberg") ||
                                        (r.subject == "Lars Dahlberg" && r.object == "Peter Lindqvist"));
  }));
}

TEST_CASE("phrasings: a name between a possessive and a common noun is no person ('his Rancho Palos Verdes golf course')") {
  const char* text =
      "Peter Lindqvist met Anna Kowalski in New York. He suggested they meet the next day at his Rancho Palos Verdes "
      "golf course. She said she was offered a job that paid half of what she had discussed with him.";
  CHECK(any_record(text, [](const newsgraph::Relation& r) { return r.relation == "met_with"; }));
  CHECK_FALSE(any_record(text, [](const newsgraph::Relation& r) {
    return r.subject == "Rancho Palos Verdes" || r.object == "Rancho Palos Verdes";
  }));
}

TEST_CASE("phrasings: a rank and a domain before a role noun name no employer ('Deputy National Security Adviser')") {
  CHECK_FALSE(any_record("Earlier this month Deputy National Security Adviser Anna Kowalski acknowledged it.",
                         [](const newsgraph::Relation& r) { return r.relation == "affiliated_with"; }));
  CHECK_FALSE(any_record("Reagan met Anna Kowalski at the White House.",
                         [](const newsgraph::Relation& r) { return r.relation == "affiliated_with"; }));
}
