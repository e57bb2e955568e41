// Two networks' scorecards side by side (report::compare).
#include "ketennet/report/compare.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "ketennet/core/errors.hpp"
#include "ketennet/support/quote.hpp"

namespace ketennet::report {

std::vector<CompareRow> compare(const Network& before, const Network& after, const ScorecardOptions& options) {
    std::vector<std::string> every;
    for (const Network* net : {&before, &after})
        for (const Chain& c : net->chains())
            if (std::find(every.begin(), every.end(), c.name) == every.end()) every.push_back(c.name);
    ScorecardOptions o = options;
    if (o.chains) {
        std::string unknown;
        for (const std::string& c : *o.chains)
            if (std::find(every.begin(), every.end(), c) == every.end())
                unknown += (unknown.empty() ? "" : ", ") + quoted_name(c);
        if (!unknown.empty()) {
            std::string names;
            for (const std::string& c : every) names += (names.empty() ? "" : ", ") + quoted_name(c);
            throw UnknownId("compare: no network has chain " + unknown + " (chains: " +
                            (names.empty() ? std::string("none") : names) + ")");
        }
    } else {
        o.chains = every;
    }
    std::vector<Scorecard> cards;
    cards.push_back(scorecard(before, o));
    cards.push_back(scorecard(after, o));
    const std::vector<std::vector<ScorecardRow>> rows = batch_rows(cards);
    const std::vector<ScorecardRow>& a = rows[0];
    const std::vector<ScorecardRow>& b = rows[1];
    std::vector<CompareRow> out;
    out.reserve(a.size());
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
        CompareRow r;
        r.goal = a[i].goal;
        r.indicator = a[i].indicator;
        r.scope = a[i].scope;
        r.subject = a[i].subject;
        r.unit = a[i].unit;
        r.direction = a[i].direction;
        r.before = a[i].value;
        r.after = b[i].value;
        r.difference = b[i].value - a[i].value;
        r.text_before = a[i].text;
        r.text_after = b[i].text;
        r.note_before = a[i].note;
        r.note_after = b[i].note;
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace ketennet::report
