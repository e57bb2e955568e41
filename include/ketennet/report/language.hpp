/// @file language.hpp
/// @brief The languages of the scorecard and its reports: one translation table, English the
/// default.
///
/// The scorecard is computed in English: its rows' keys (goal, scope, subject, layers, source)
/// are the same in every language, so code can filter and align rows whatever language they
/// are shown in. The displayed columns of a row (indicator, text, unit, direction, meaning,
/// note) are translated by translate_rows(), and the report's own words (headings, column
/// names, notes, goal names, scope names) come from report_text() by key. Both read one table
/// per language (src/report/language_nl.cpp for Dutch).
///
/// The table holds phrases: an English text with placeholders ("share of ties in layer
/// '{layer}' that are returned") and its translation ("aandeel van de relaties in laag
/// '{layer}' dat wordt beantwoord"). A placeholder matches any text and is copied as it is
/// (names, numbers, paths); a placeholder written "{name:t}" holds a text of the table itself
/// and is translated in turn (the reason after "not computable: ", say). A text with no phrase
/// is not translated: translate() says so (nullopt), and untranslated() lists such texts of a
/// scorecard, so that a test can require a complete table.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "ketennet/report/scorecard.hpp"

namespace ketennet::report {

/// The languages of the reports. English is the default, and the language of the scorecard's
/// keys.
enum class Language { en, nl };

/// The codes of the languages ("en", "nl"), in the order of Language.
[[nodiscard]] const std::vector<std::string>& language_codes();

/// The language of a code ("en", "nl"; case-insensitive). InputError naming the code and the
/// languages for any other.
[[nodiscard]] Language language(const std::string& code);

/// The code of a language.
[[nodiscard]] std::string code(Language lang);

/// One phrase of a translation table: an English text (with placeholders) and its
/// translation (with the same placeholders). An exact phrase translates only its own text
/// (a report text whose placeholders would match too much: "{dutch} ({english})").
struct Phrase {
    const char* english;
    const char* translation;
    bool exact = false;
};

/// The phrases of @p lang (empty for English).
[[nodiscard]] const std::vector<Phrase>& phrases(Language lang);

/// @p english in @p lang: itself for English and for the empty text; the translation of the
/// phrase whose English is @p english itself, else of the first (non-exact) phrase that
/// matches it whole; nullopt when no phrase matches (or a "{name:t}"
/// placeholder holds a text no phrase matches).
[[nodiscard]] std::optional<std::string> translate(const std::string& english, Language lang);

/// translate(), or @p english itself when no phrase matches.
[[nodiscard]] std::string translated(const std::string& english, Language lang);

/// The columns translate_rows() translates: indicator, text, unit, direction, meaning, note.
[[nodiscard]] const std::vector<std::string>& translated_columns();

/// The rows with their displayed columns (translated_columns()) in @p lang; the keys (goal,
/// scope, subject, layers, source) and values stay as they are. A text no phrase matches
/// stays English (see untranslated()).
[[nodiscard]] std::vector<ScorecardRow> translate_rows(const std::vector<ScorecardRow>& rows,
                                                       Language lang);

/// The distinct texts of the translated columns of @p rows that no phrase of @p lang
/// matches, in order of appearance (empty for English).
[[nodiscard]] std::vector<std::string> untranslated(const std::vector<ScorecardRow>& rows,
                                                    Language lang);

/// A text of the reports by its key ("heading.report", "goal.resilience", "scope.layer",
/// "column.meaning", ...) in @p lang, with "{name}" placeholders left for the caller to fill
/// (fill()). UnknownId for a key the table lacks.
[[nodiscard]] std::string report_text(const std::string& key, Language lang);

/// The keys of report_text(), in table order.
[[nodiscard]] std::vector<std::string> report_text_keys();

/// @p text with every "{name}" replaced by its value in @p values ((name, value) pairs).
[[nodiscard]] std::string fill(std::string text,
                               const std::vector<std::pair<std::string, std::string>>& values);

/// format_value() as @p lang writes numbers: Dutch swaps the decimal point and the thousands
/// separator (0,403; 12.345) and translates the text and "n/a" ("n.b.").
[[nodiscard]] std::string format_value(double value, const std::string& unit, const std::string& text,
                                       Language lang);

/// to_text() in @p lang: @p rows are the English rows (as scorecard() gives them); the
/// headings, labels and the rows' displayed columns are shown in @p lang.
[[nodiscard]] std::string to_text(const Network& net, const std::vector<ScorecardRow>& rows,
                                  Language lang);

}  // namespace ketennet::report
