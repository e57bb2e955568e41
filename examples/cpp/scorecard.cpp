// The scorecard of a network read from a JSON file: the inspectorate's indicators by goal.
//
//   scorecard network.json          the scorecard as text (as `ketennet report` prints it)
//   scorecard network.json --tsv    the rows as tab-separated values, one per line, with a
//                                   header (values with 17 significant digits, "nan" when
//                                   not computable)
#include <cmath>
#include <cstdio>
#include <iostream>
#include <string>

#include <ketennet/io/json.hpp>
#include <ketennet/report/scorecard.hpp>

namespace {

// A field of a TSV line: tabs, newlines and backslashes escaped.
std::string field(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '\\') out += "\\\\";
        else if (c == '\t') out += "\\t";
        else if (c == '\n') out += "\\n";
        else out += c;
    }
    return out;
}

std::string number(double x) {
    if (std::isnan(x)) return "nan";
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", x);
    return buf;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace ketennet;
    const std::string usage = "usage: scorecard NETWORK.json [--tsv]";
    if (argc < 2 || argc > 3 || (argc == 3 && std::string(argv[2]) != "--tsv")) {
        std::cerr << usage << "\n";
        return 2;
    }
    try {
        const Network net = io::read_json(argv[1]);
        const report::Scorecard card = report::scorecard(net);
        const std::vector<report::ScorecardRow> rows = card.rows();
        if (argc == 2) {
            std::cout << report::to_text(net, rows);
            return 0;
        }
        const auto& columns = report::columns();
        for (std::size_t i = 0; i < columns.size(); ++i) std::cout << (i ? "\t" : "") << columns[i];
        std::cout << "\n";
        for (const auto& r : rows)
            std::cout << field(r.goal) << '\t' << field(r.indicator) << '\t' << field(r.scope) << '\t'
                      << field(r.subject) << '\t' << number(r.value) << '\t' << field(r.text) << '\t'
                      << field(r.unit) << '\t' << field(r.direction) << '\t' << field(r.layers) << '\t'
                      << field(r.meaning) << '\t' << field(r.note) << '\t' << field(r.source) << "\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "scorecard: " << e.what() << "\n";
        return 1;
    }
}
