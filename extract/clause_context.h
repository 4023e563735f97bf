// What the words around a rule's match say about it: a meeting in an "if" clause is no fact, one the clause calls off is none either, one "by telephone" is a call, and
// a title after "nominee for" is not held. Positions are byte offsets into a tagged sentence
// (entities.h); a clause ends at , ; : or . and, looking back, also after "when", "after",
// "because" and the like.
#pragma once

#include <cstddef>
#include <string_view>

namespace newsgraph {

// "If A meets B": the clause before `at` opens a condition ("unless", "whether" too).
bool not_a_fact_before(std::string_view text, std::size_t at);

// "A meeting between A and B was cancelled": the clause after `at` calls the event off.
bool called_off_after(std::string_view text, std::size_t at);

// "A conferred with B by telephone": the clause after `at` says the exchange was remote.
bool remote_after(std::string_view text, std::size_t at);

// "the nominee for DHS secretary": the words before the title marker at `title_digits` (the
// position of the digits after "\x01T") say someone runs for it.
bool candidacy_before(std::string_view text, std::size_t title_digits);

}  // namespace newsgraph
