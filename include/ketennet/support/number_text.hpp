#pragma once
/// @file number_text.hpp
/// @brief Numbers in messages, written as the Python package writes them.
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>
#include <system_error>

namespace ketennet {

/// @p x as Python's repr() writes a float: the shortest decimal digits that read back as
/// @p x, in fixed notation when its decimal exponent e (x = d.ddd * 10^e) lies in
/// [-4, 15] (with ".0" when it is whole), else as d.ddde+XX (at least two exponent digits);
/// "nan", "inf", "-inf". number_repr(2.0) == "2.0", number_repr(1e-05) == "1e-05",
/// number_repr(1e16) == "1e+16".
[[nodiscard]] inline std::string number_repr(double x) {
    if (std::isnan(x)) return "nan";
    if (std::isinf(x)) return x < 0 ? "-inf" : "inf";
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
    std::string s(buf, res.ptr);
    std::string sign;
    if (!s.empty() && s[0] == '-') {
        sign = "-";
        s.erase(0, 1);
    }
    const auto epos = s.find('e');
    const int exponent = std::stoi(s.substr(epos + 1));
    std::string digits;
    for (char c : s.substr(0, epos))
        if (c != '.') digits += c;
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
    const int decpt = exponent + 1;  // x = 0.digits * 10^decpt
    const int nd = int(digits.size());
    std::string out;
    if (decpt <= -4 || decpt > 16) {
        out = digits.substr(0, 1);
        if (nd > 1) out += "." + digits.substr(1);
        const int e = decpt - 1;
        std::string ed = std::to_string(e < 0 ? -e : e);
        if (ed.size() < 2) ed = "0" + ed;
        out += std::string("e") + (e < 0 ? "-" : "+") + ed;
    } else if (decpt <= 0) {
        out = "0." + std::string(std::size_t(-decpt), '0') + digits;
    } else if (decpt >= nd) {
        out = digits + std::string(std::size_t(decpt - nd), '0') + ".0";
    } else {
        out = digits.substr(0, std::size_t(decpt)) + "." + digits.substr(std::size_t(decpt));
    }
    return sign + out;
}

/// @p x with six significant digits as printf's %g (and Python's format(x, "g")) writes
/// it: number_g(20.0) == "20", number_g(0.5) == "0.5".
[[nodiscard]] inline std::string number_g(double x) {
    if (std::isnan(x)) return "nan";
    if (std::isinf(x)) return x < 0 ? "-inf" : "inf";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g", x);
    return buf;
}

}  // namespace ketennet
