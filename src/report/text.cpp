// The scorecard as readable text (report::to_text) and the formatting of its values.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "ketennet/flow/chain_score.hpp"
#include "ketennet/report/language.hpp"
#include "ketennet/report/scorecard.hpp"
#include "shared.hpp"

namespace ketennet::report {

namespace {

using internal::join;
using internal::metadata_text;
using internal::volume_unit;

// ------------------------------------------------------------------------ text helpers

std::u32string decode(const std::string& s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        char32_t cp = c;
        std::size_t len = 1;
        if (c >= 0xF0) {
            cp = c & 0x07;
            len = 4;
        } else if (c >= 0xE0) {
            cp = c & 0x0F;
            len = 3;
        } else if (c >= 0xC0) {
            cp = c & 0x1F;
            len = 2;
        }
        if (i + len > s.size()) len = 1, cp = c;
        for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out.push_back(cp);
        i += len;
    }
    return out;
}

std::string encode(const std::u32string& s) {
    std::string out;
    for (char32_t cp : s) {
        if (cp < 0x80) {
            out += char(cp);
        } else if (cp < 0x800) {
            out += char(0xC0 | (cp >> 6));
            out += char(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += char(0xE0 | (cp >> 12));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        } else {
            out += char(0xF0 | (cp >> 18));
            out += char(0x80 | ((cp >> 12) & 0x3F));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        }
    }
    return out;
}

/// Characters, as text is measured when it is aligned.
std::size_t width_of(const std::string& s) { return decode(s).size(); }

std::string pad_right(const std::string& s, std::size_t w) {
    const std::size_t n = width_of(s);
    return n >= w ? s : s + std::string(w - n, ' ');
}

std::string pad_left(const std::string& s, std::size_t w) {
    const std::size_t n = width_of(s);
    return n >= w ? s : std::string(w - n, ' ') + s;
}

std::string rstrip(std::string s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n')) s.pop_back();
    return s;
}

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }
bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
/// A letter in the sense of [^\d\W]: a word character that is not a digit.
bool is_letter(char32_t c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }
bool is_word(char32_t c) { return is_letter(c) || is_digit(c); }
bool is_word_punct(char32_t c) {
    return is_word(c) || c == '!' || c == '"' || c == '\'' || c == '&' || c == '.' || c == ',' || c == '?';
}

/// The chunks a line of text breaks into: runs of spaces, and words, a hyphenated word
/// broken after each hyphen between letters (as Python's textwrap splits text).
std::vector<std::u32string> chunks_of(const std::u32string& t) {
    std::vector<std::u32string> out;
    const std::size_t n = t.size();
    auto at = [&](std::ptrdiff_t k) -> char32_t { return k >= 0 && std::size_t(k) < n ? t[std::size_t(k)] : 0; };
    auto dashes_then_word = [&](std::size_t k) {  // -{2,}\w at k
        std::size_t e = k;
        while (e < n && t[e] == '-') ++e;
        return e - k >= 2 && e < n && is_word(t[e]);
    };
    std::size_t i = 0;
    while (i < n) {
        std::size_t end = i;
        if (is_space(t[i])) {
            while (end < n && is_space(t[end])) ++end;
        } else if (t[i] == '-' && i > 0 && is_word_punct(t[i - 1]) && dashes_then_word(i)) {
            while (end < n && t[end] == '-') ++end;
        } else {
            for (std::size_t k = i + 1;; ++k) {  // the shortest word that ends well
                const auto K = std::ptrdiff_t(k);
                if (k < n && t[k] == '-' &&
                    ((is_letter(at(K - 2)) && is_letter(at(K - 1))) ||
                     (is_letter(at(K - 3)) && at(K - 2) == '-' && is_letter(at(K - 1)))) &&
                    is_letter(at(K + 1)) &&
                    (is_letter(at(K + 2)) || (at(K + 2) == '-' && is_letter(at(K + 3))))) {
                    end = k + 1;
                    break;
                }
                if (k >= n || is_space(t[k])) {
                    end = k;
                    break;
                }
                if (is_word_punct(t[k - 1]) && dashes_then_word(k)) {
                    end = k;
                    break;
                }
                if (is_space(t[k])) break;
            }
        }
        out.push_back(t.substr(i, end - i));
        i = end;
    }
    return out;
}

bool blank(const std::u32string& s) {
    return std::all_of(s.begin(), s.end(), is_space);
}

/// The lines of at most @p width characters that Python's textwrap.wrap makes of @p text.
std::vector<std::string> wrap(const std::string& text, std::size_t width) {
    std::u32string t = decode(text);
    for (auto& c : t)
        if (is_space(c)) c = ' ';
    std::vector<std::u32string> chunks = chunks_of(t);
    std::reverse(chunks.begin(), chunks.end());
    std::vector<std::string> lines;
    while (!chunks.empty()) {
        std::vector<std::u32string> cur;
        std::size_t len = 0;
        if (blank(chunks.back()) && !lines.empty()) chunks.pop_back();
        while (!chunks.empty() && len + chunks.back().size() <= width) {
            len += chunks.back().size();
            cur.push_back(chunks.back());
            chunks.pop_back();
        }
        if (!chunks.empty() && chunks.back().size() > width) {
            const std::size_t left = width < 1 ? 1 : width - len;
            std::size_t end = left;
            std::u32string& chunk = chunks.back();
            if (chunk.size() > left) {
                const auto hyphen = chunk.rfind(U'-', left == 0 ? 0 : left - 1);
                if (hyphen != std::u32string::npos && hyphen > 0 && hyphen < left &&
                    std::any_of(chunk.begin(), chunk.begin() + std::ptrdiff_t(hyphen),
                                [](char32_t c) { return c != '-'; }))
                    end = hyphen + 1;
            }
            cur.push_back(chunk.substr(0, end));
            chunk = chunk.substr(std::min(end, chunk.size()));
        }
        if (!cur.empty() && blank(cur.back())) cur.pop_back();
        if (!cur.empty()) {
            std::u32string line;
            for (const auto& c : cur) line += c;
            lines.push_back(encode(line));
        }
    }
    return lines;
}

/// Thousands separators in the integer part of a formatted number.
std::string group_thousands(const std::string& s) {
    std::size_t start = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
    std::size_t stop = start;
    while (stop < s.size() && is_digit(char32_t(s[stop]))) ++stop;
    std::string digits = s.substr(start, stop - start), grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) grouped += ',';
        grouped += digits[i];
    }
    return s.substr(0, start) + grouped + s.substr(stop);
}

std::string printed(const char* format, double x) {
    char buf[64];
    std::snprintf(buf, sizeof buf, format, x);
    return buf;
}

const char* const stage_columns[] = {"stage inflow", "flows on",      "sent back",
                                     "leaves the chain", "ends in stage", "attrition"};

bool quiet(const ScorecardRow& r) {
    return (r.unit == "flag" && r.value != 1.0) || (r.scope == "sector" && std::isnan(r.value));
}

/// The report's words in one language.
struct Words {
    Language lang;
    std::string operator()(const std::string& key) const { return report_text(key, lang); }
    std::string operator()(const std::string& key,
                           const std::vector<std::pair<std::string, std::string>>& values) const {
        return fill(report_text(key, lang), values);
    }
    std::string row(const std::string& english) const { return translated(english, lang); }
};

/// The row's label: its indicator, and its subject unless it is the network.
std::string label_of(const Network& net, const ScorecardRow& r, const Words& w) {
    const std::string indicator = w.row(r.indicator);
    if (r.scope == "network") return indicator;
    if (r.scope == "organisation") return indicator + ": " + label(net, r.subject);
    return indicator + " [" + w("scope." + r.scope) + " " + r.subject + "]";
}

std::string layers_note(const ScorecardRow& r, const std::string& all_layers, const Words& w) {
    if (r.layers.empty() || r.layers == all_layers || (r.scope == "layer" && r.subject == r.layers)) return "";
    return w("row.layers", {{"layers", r.layers}});
}

}  // namespace

std::string format_value(double value, const std::string& unit, const std::string& text) {
    if (!text.empty()) return text;
    if (std::isnan(value)) return "n/a";
    if (unit == "share" || unit == "share of pairs") return printed("%.3f", value);
    if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15)
        return value == 0 ? "0" : group_thousands(printed("%.0f", value));
    if ((unit.find(" per ") != std::string::npos || unit == "cases" || unit == "items") &&
        std::fabs(value) >= 1000)
        return std::isinf(value) ? (value > 0 ? "inf" : "-inf") : group_thousands(printed("%.0f", value));
    if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
    return group_thousands(printed("%.4g", value));
}

std::string to_text(const Network& net, const std::vector<ScorecardRow>& rows) {
    return to_text(net, rows, Language::en);
}

std::string to_text(const Network& net, const std::vector<ScorecardRow>& rows, Language lang) {
    const Words w{lang};
    std::vector<std::string> names;
    for (const auto& l : net.layers()) names.push_back(l.name);
    const std::string all_layers = join(names, ", ");
    std::vector<std::string> lines;
    const std::string title = w("heading.report", {{"name", net.name().empty() ? w("heading.unnamed") : net.name()}});
    lines.push_back(title);
    lines.push_back(std::string(width_of(title), '='));
    std::vector<std::string> layer_texts;
    for (const auto& l : net.layers())
        layer_texts.push_back(w("meta.layer", {{"layer", l.name},
                                               {"kind", w("kind." + std::string(layer_kind_name(l.kind)))},
                                               {"directed", w(l.directed ? "meta.directed" : "meta.undirected")}}));
    const std::string period = metadata_text(net, "period");
    lines.push_back(w("meta.sizes", {{"organisations", std::to_string(net.organisation_count())},
                                     {"relations", std::to_string(net.relation_count())}}) +
                    (period.empty() ? "" : w("meta.period", {{"period", period}})) +
                    w("meta.layers", {{"layers", layer_texts.empty() ? w("meta.none") : join(layer_texts, ", ")}}));
    if (!net.chains().empty()) {
        std::vector<std::string> chains;
        for (const auto& c : net.chains()) {
            std::vector<std::string> stages;
            for (const auto& s : c.stages) stages.push_back(s.name);
            chains.push_back(c.name + " (" + join(stages, " -> ") + ")");
        }
        lines.push_back(w("meta.chains", {{"chains", join(chains, "; ")}}));
    }
    struct Entry {
        std::string label, value, arrow;
    };
    for (const auto& goal : goals()) {
        const std::string heading = w("heading.goal", {{"dutch", goal.dutch}, {"english", goal.english}});
        lines.push_back("");
        lines.push_back(heading);
        lines.push_back(std::string(width_of(heading), '-'));
        std::vector<Entry> entries;
        std::string last_note, last_layers;
        bool any_note = false;
        std::vector<const ScorecardRow*> gone;
        for (const auto& r : rows) {
            if (r.goal != goal.key) continue;
            if (quiet(r)) {
                if (r.scope == "sector") gone.push_back(&r);
                continue;
            }
            if (r.unit == "flag") {
                entries.push_back({"    - " + label(net, r.subject), "", ""});
                continue;
            }
            const std::string arrow = r.direction == "higher" ? w("row.higher")
                                      : r.direction == "lower" ? w("row.lower") : "";
            entries.push_back({"  " + label_of(net, r, w), format_value(r.value, r.unit, r.text, lang), arrow});
            const std::string layers = layers_note(r, all_layers, w);
            if (!layers.empty() && layers != last_layers) entries.push_back({"      " + layers, "", ""});
            if (!layers.empty()) last_layers = layers;
            if (!r.note.empty()) {
                if (any_note && r.note == last_note)
                    entries.push_back({"      " + w("row.as_above"), "", ""});
                else
                    for (const auto& part : wrap(w.row(r.note), 92)) entries.push_back({"      " + part, "", ""});
                last_note = r.note;
                any_note = true;
            }
        }
        if (!gone.empty()) {
            std::vector<std::string> subjects;
            for (const auto* r : gone) subjects.push_back(r->subject);
            const std::string hidden = w("row.hidden_sectors", {{"indicator", w.row(gone.front()->indicator)},
                                                                {"sectors", join(subjects, ", ")}});
            const auto parts = wrap("(" + hidden + ")", 94);
            for (std::size_t i = 0; i < parts.size(); ++i)
                entries.push_back({(i == 0 ? "  " : "   ") + parts[i], "", ""});
        }
        std::size_t wide = 0;
        for (const auto& e : entries)
            if (!e.value.empty()) wide = std::max(wide, width_of(e.label));
        for (const auto& e : entries)
            lines.push_back(e.value.empty() ? e.label
                                            : rstrip(pad_right(e.label, wide) + "  " + pad_left(e.value, 10) +
                                                     "  " + e.arrow));
    }
    for (const auto& chain : net.chains()) {
        flow::ChainScore score;
        try {
            score = flow::score_chain(net, chain);
        } catch (const InputError&) {
            continue;
        } catch (const UnknownId&) {
            continue;
        } catch (const ConvergenceError&) {
            continue;
        }
        if (score.attrition.empty()) continue;
        const std::string heading = w("heading.flow_per_stage", {{"chain", chain.name}});
        lines.push_back("");
        lines.push_back(heading);
        lines.push_back(std::string(width_of(heading), '-'));
        // stages in order of first appearance
        std::vector<const flow::StageAttrition*> stages;
        std::vector<std::string> seen;
        for (const auto& a : score.attrition)
            if (std::find(seen.begin(), seen.end(), a.stage) == seen.end()) {
                seen.push_back(a.stage);
                stages.push_back(&a);
            }
        std::vector<std::string> names{w("stage.stage")};
        for (const char* c : stage_columns) names.push_back(w(std::string("stage.") + c));
        std::vector<std::size_t> widths{width_of(names[0])};
        for (const auto& s : seen) widths[0] = std::max(widths[0], width_of(s));
        for (std::size_t i = 1; i < names.size(); ++i) widths.push_back(std::max<std::size_t>(width_of(names[i]), 12));
        std::string header = "  " + pad_right(names[0], widths[0]);
        for (std::size_t i = 0; i < 6; ++i) header += "  " + pad_left(names[i + 1], widths[i + 1]);
        lines.push_back(header);
        const std::string unit = volume_unit(net, score.attrition_basis.layers);
        for (const auto* a : stages) {
            const double values[] = {a->inflow, a->onward, a->back, a->out_of_chain, a->ends_here, a->attrition};
            std::string line = "  " + pad_right(a->stage, widths[0]);
            for (std::size_t i = 0; i < 6; ++i)
                line += "  " + pad_left(format_value(values[i], i == 5 ? "share" : unit, "", lang), widths[i + 1]);
            lines.push_back(line);
        }
        const std::string basis = w("stage.basis", {{"unit", w.row(unit)},
                                                    {"layers", join(score.attrition_basis.layers, ", ")}});
        for (const auto& part : wrap(basis, 96)) lines.push_back("  " + part);
    }
    return join(lines, "\n") + "\n";
}

}  // namespace ketennet::report
