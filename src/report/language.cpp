// The languages of the reports (include/ketennet/report/language.hpp): the phrase matcher,
// the report's own texts by key, and the translated rows and text report.
#include "ketennet/report/language.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <mutex>
#include <utility>

#include "ketennet/core/errors.hpp"
#include "language_tables.hpp"
#include "shared.hpp"

namespace ketennet::report {

namespace {

/// A phrase parsed into literal parts and placeholders.
struct Part {
    std::string text;        ///< the literal, or the placeholder's name
    bool slot = false;       ///< a placeholder
    bool translate = false;  ///< "{name:t}": its value is translated in turn
};

struct Parsed {
    std::vector<Part> english;
    std::string translation;
    bool exact;
    std::string text;  ///< the English as written
};

std::vector<Part> parse(const std::string& s) {
    std::vector<Part> parts;
    std::string lit;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const std::size_t close = s[i] == '{' ? s.find('}', i) : std::string::npos;
        const bool is_slot = close != std::string::npos && close > i + 1 &&
                             std::all_of(s.begin() + long(i) + 1, s.begin() + long(close), [](char c) {
                                 return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == ':';
                             });
        if (!is_slot) {
            lit += s[i];
            continue;
        }
        if (!lit.empty()) parts.push_back({std::move(lit), false, false});
        lit.clear();
        std::string name = s.substr(i + 1, close - i - 1);
        const bool tr = name.size() > 2 && name.compare(name.size() - 2, 2, ":t") == 0;
        if (tr) name.resize(name.size() - 2);
        parts.push_back({name, true, tr});
        i = close;
    }
    if (!lit.empty()) parts.push_back({lit, false, false});
    return parts;
}

const std::vector<Parsed>& parsed(Language lang) {
    static std::once_flag once;
    static std::vector<Parsed> nl;
    std::call_once(once, [] {
        for (const auto& p : phrases(Language::nl))
            nl.push_back({parse(p.english), p.translation, p.exact, p.english});
    });
    static const std::vector<Parsed> none;
    return lang == Language::nl ? nl : none;
}

using Captures = std::vector<std::pair<const Part*, std::string>>;

/// Does @p text from @p pos match parts[k..]? Placeholders take the shortest non-empty text
/// that lets the rest match.
bool match(const std::vector<Part>& parts, std::size_t k, const std::string& text, std::size_t pos,
           Captures& caps) {
    if (k == parts.size()) return pos == text.size();
    const Part& p = parts[k];
    if (!p.slot) {
        if (text.compare(pos, p.text.size(), p.text) != 0) return false;
        return match(parts, k + 1, text, pos + p.text.size(), caps);
    }
    if (k + 1 == parts.size()) {
        if (pos >= text.size()) return false;
        caps.emplace_back(&p, text.substr(pos));
        return true;
    }
    const Part& next = parts[k + 1];  // a literal: two placeholders never touch
    for (std::size_t at = text.find(next.text, pos + 1); at != std::string::npos;
         at = text.find(next.text, at + 1)) {
        caps.emplace_back(&p, text.substr(pos, at - pos));
        if (match(parts, k + 1, text, at, caps)) return true;
        caps.pop_back();
    }
    return false;
}

}  // namespace

const std::vector<std::string>& language_codes() {
    static const std::vector<std::string> c{"en", "nl"};
    return c;
}

Language language(const std::string& code) {
    std::string lower = code;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    const auto& codes = language_codes();
    const auto it = std::find(codes.begin(), codes.end(), lower);
    if (it == codes.end())
        throw InputError("lang: unknown language '" + code + "' (languages: " + internal::join(codes) + ")");
    return Language(it - codes.begin());
}

std::string code(Language lang) { return language_codes().at(std::size_t(lang)); }

const std::vector<Phrase>& phrases(Language lang) {
    static const std::vector<Phrase> none;
    return lang == Language::nl ? internal::dutch_phrases() : none;
}

std::optional<std::string> translate(const std::string& english, Language lang) {
    if (lang == Language::en || english.empty()) return english;
    for (const Parsed& p : parsed(lang))
        if (p.text == english) return p.translation;
    for (const Parsed& p : parsed(lang)) {
        if (p.exact) continue;
        Captures caps;
        if (!match(p.english, 0, english, 0, caps)) continue;
        std::vector<std::pair<std::string, std::string>> values;
        bool ok = true;
        for (const auto& [part, value] : caps) {
            if (!part->translate) {
                values.emplace_back(part->text, value);
                continue;
            }
            auto t = translate(value, lang);
            if (!t) {
                ok = false;
                break;
            }
            values.emplace_back(part->text, *t);
        }
        if (!ok) continue;
        return fill(p.translation, values);
    }
    return std::nullopt;
}

std::string translated(const std::string& english, Language lang) {
    auto t = translate(english, lang);
    return t ? *t : english;
}

std::string fill(std::string text, const std::vector<std::pair<std::string, std::string>>& values) {
    // one pass, so that a value holding "{x}" is not filled again
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        bool done = false;
        if (text[i] == '{')
            for (const auto& [name, value] : values)
                if (text.compare(i + 1, name.size() + 1, name + "}") == 0) {
                    out += value;
                    i += name.size() + 1;
                    done = true;
                    break;
                }
        if (!done) out += text[i];
    }
    return out;
}

const std::vector<std::string>& translated_columns() {
    static const std::vector<std::string> c{"indicator", "text", "unit", "direction", "meaning", "note"};
    return c;
}

namespace {
std::string ScorecardRow::*const translated_members[] = {
    &ScorecardRow::indicator, &ScorecardRow::text, &ScorecardRow::unit,
    &ScorecardRow::direction, &ScorecardRow::meaning, &ScorecardRow::note};
}

std::vector<ScorecardRow> translate_rows(const std::vector<ScorecardRow>& rows, Language lang) {
    std::vector<ScorecardRow> out = rows;
    if (lang == Language::en) return out;
    std::map<std::string, std::string> memo;
    for (auto& r : out)
        for (auto member : translated_members) {
            std::string& s = r.*member;
            auto it = memo.find(s);
            if (it == memo.end()) it = memo.emplace(s, translated(s, lang)).first;
            s = it->second;
        }
    return out;
}

std::vector<std::string> untranslated(const std::vector<ScorecardRow>& rows, Language lang) {
    std::vector<std::string> out;
    if (lang == Language::en) return out;
    std::map<std::string, bool> seen;
    for (const auto& r : rows)
        for (auto member : translated_members) {
            const std::string& s = r.*member;
            if (seen.count(s)) continue;
            const bool ok = translate(s, lang).has_value();
            seen.emplace(s, ok);
            if (!ok) out.push_back(s);
        }
    return out;
}

std::string report_text(const std::string& key, Language lang) {
    for (const auto& t : internal::report_texts())
        if (key == t.key) {
            if (lang == Language::en) return t.english;
            auto tr = translate(t.english, lang);
            if (!tr)
                throw InputError("report_text: no " + code(lang) + " translation of '" + key + "' ('" +
                                 t.english + "')");
            return *tr;
        }
    std::vector<std::string> keys = report_text_keys();
    throw UnknownId("report_text: unknown key '" + key + "' (" + std::to_string(keys.size()) +
                    " keys, e.g. " + keys.front() + ")");
}

std::vector<std::string> report_text_keys() {
    std::vector<std::string> keys;
    for (const auto& t : internal::report_texts()) keys.push_back(t.key);
    return keys;
}

std::string format_value(double value, const std::string& unit, const std::string& text, Language lang) {
    if (lang == Language::en) return format_value(value, unit, text);
    if (!text.empty()) return translated(text, lang);
    std::string s = format_value(value, unit, text);
    if (s == "n/a") return report_text("value.missing", lang);
    for (char& c : s) c = c == '.' ? ',' : c == ',' ? '.' : c;
    return s;
}

}  // namespace ketennet::report
