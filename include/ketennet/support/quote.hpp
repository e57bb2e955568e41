#pragma once
/// @file quote.hpp
/// @brief Names in quotes, as the messages and reports of ketennet write them.
#include <string>

namespace ketennet {

/// @p s in quotes as Python's repr() writes a string (how the Python package and the reports
/// quote layer and organisation names): single quotes, or double quotes when @p s holds a
/// single quote and no double quote; backslashes and the quote character escaped.
/// quoted_name("om") == "'om'"; quoted_name("Ministerie van JenV's") == "\"Ministerie van JenV's\"".
[[nodiscard]] inline std::string quoted_name(const std::string& s) {
    const bool dq = s.find('\'') != std::string::npos && s.find('"') == std::string::npos;
    const char q = dq ? '"' : '\'';
    std::string out(1, q);
    for (char c : s) {
        if (c == '\\' || c == q) out += '\\';
        out += c;
    }
    return out + q;
}

}  // namespace ketennet
