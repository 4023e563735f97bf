// The extractor turns one Document into relation records (see relation.h):
//   text -> normalize -> sentences -> entity mentions -> rules -> records.
// Extracting one document is a pure function of (document, rules): an Extractor holds only
// compiled, immutable rules, so one instance may be shared by any number of threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "extract/document.h"
#include "extract/relation.h"

namespace newsgraph {

class RuleSet;

class Extractor {
 public:
  // Uses the rules compiled into the binary (rules/*.json).
  Extractor();
  explicit Extractor(std::shared_ptr<const RuleSet> rules);
  ~Extractor();

  std::vector<Relation> extract(const Document& doc) const;

  const RuleSet& rules() const { return *rules_; }

 private:
  std::shared_ptr<const RuleSet> rules_;
};

}  // namespace newsgraph
