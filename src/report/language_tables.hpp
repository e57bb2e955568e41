// The translation tables of the reports (src/report/language*.cpp): not installed, not public.
#pragma once
#include <vector>

#include "ketennet/report/language.hpp"

namespace ketennet::report::internal {

/// The Dutch phrases (src/report/language_nl.cpp), most specific first.
const std::vector<Phrase>& dutch_phrases();

/// A text of the reports: its key and English text ("{name}" placeholders to fill).
struct ReportText {
    const char* key;
    const char* english;
};

/// The report's own texts by key (src/report/language_nl.cpp, beside their translations).
const std::vector<ReportText>& report_texts();

}  // namespace ketennet::report::internal
