#pragma once
/// @file errors.hpp
/// @brief The exception types of ketennet.
///
/// Every error the library raises derives from ketennet::Error. Messages name what was wrong
/// and where (file, line, record, field). The Python bindings translate them:
///   InputError, ParseError -> ValueError; UnknownId -> KeyError;
///   FileError -> FileNotFoundError (missing file) or OSError; ConvergenceError ->
///   ketennet.ConvergenceError (a ValueError); Cancelled -> RuntimeError.
/// Messages are valid UTF-8: input quoted in them shows bytes that are not as \\xNN
/// (see valid_text).
#include <cstddef>
#include <stdexcept>
#include <string>

namespace ketennet {

/// Length (1-4) of the well-formed UTF-8 sequence that starts at @p i of @p s, or 0 when the
/// bytes there are not well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
/// above U+10FFFF).
[[nodiscard]] inline std::size_t utf8_sequence_length(const std::string& s, std::size_t i) noexcept {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    if (c < 0x80) return 1;
    std::size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c == 0xE0) n = 3, lo = 0xA0;
    else if (c == 0xED) n = 3, hi = 0x9F;
    else if (c >= 0xE1 && c <= 0xEF) n = 3;
    else if (c == 0xF0) n = 4, lo = 0x90;
    else if (c == 0xF4) n = 4, hi = 0x8F;
    else if (c >= 0xF1 && c <= 0xF3) n = 4;
    else return 0;
    if (i + n > s.size()) return 0;
    if (b(i + 1) < lo || b(i + 1) > hi) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if (b(i + k) < 0x80 || b(i + k) > 0xBF) return 0;
    return n;
}

/// Offset of the first byte of @p s that is not well-formed UTF-8, or std::string::npos.
[[nodiscard]] inline std::size_t invalid_utf8_at(const std::string& s) noexcept {
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = utf8_sequence_length(s, i);
        if (n == 0) return i;
        i += n;
    }
    return std::string::npos;
}

/// @p s as valid UTF-8 text: each byte that is not part of a well-formed sequence becomes
/// the four characters \xNN (hexadecimal, upper case). Messages quote input this way, so
/// that they are valid text whatever bytes the input held.
[[nodiscard]] inline std::string valid_text(const std::string& s) {
    if (invalid_utf8_at(s) == std::string::npos) return s;
    std::string out;
    out.reserve(s.size() + 16);
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = utf8_sequence_length(s, i);
        if (n == 0) {
            const auto c = static_cast<unsigned char>(s[i]);
            out += "\\x";
            out += "0123456789ABCDEF"[c >> 4];
            out += "0123456789ABCDEF"[c & 15];
            ++i;
        } else {
            out.append(s, i, n);
            i += n;
        }
    }
    return out;
}

/// Base class of every exception thrown by ketennet.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A bad value or structure: a duplicate id, a quality outside [0, 1], a negative or NaN
/// volume, a missing required field, an unknown schema version, a relation that lacks the
/// weight an algorithm needs.
class InputError : public Error {
public:
    using Error::Error;
};

/// An organisation, layer, relation or chain that does not exist.
class UnknownId : public Error {
public:
    using Error::Error;
};

/// A file that cannot be opened, read or written.
class FileError : public Error {
public:
    FileError(const std::string& message, bool not_found = false)
        : Error(message), not_found_(not_found) {}
    /// True when the file does not exist (Python: FileNotFoundError; otherwise OSError).
    bool not_found() const noexcept { return not_found_; }

private:
    bool not_found_;
};

/// Malformed text in a file (JSON, XML): carries the file, line and column (1-based; 0 when
/// unknown).
class ParseError : public InputError {
public:
    ParseError(const std::string& file, std::size_t line, std::size_t column,
               const std::string& what)
        : InputError(format(file, line, column, what)),
          file_(file), line_(line), column_(column) {}
    const std::string& file() const noexcept { return file_; }
    std::size_t line() const noexcept { return line_; }
    std::size_t column() const noexcept { return column_; }

private:
    static std::string format(const std::string& file, std::size_t line, std::size_t column,
                              const std::string& what) {
        std::string s = file.empty() ? std::string("<input>") : file;
        if (line > 0) {
            s.append(1, ':').append(std::to_string(line));
            if (column > 0) s.append(1, ':').append(std::to_string(column));
        }
        s.append(": ").append(what);
        return valid_text(s);
    }
    std::string file_;
    std::size_t line_;
    std::size_t column_;
};

/// An iterative method (power iteration, Lanczos) did not reach its tolerance within its
/// iteration limit, or diverged (Katz centrality with too large an attenuation factor).
/// NetworkX raises PowerIterationFailedConvergence in the same situations. The message names
/// the algorithm, the iterations done, the error reached and what to change.
class ConvergenceError : public Error {
public:
    ConvergenceError(const std::string& message, std::size_t iterations)
        : Error(message), iterations_(iterations) {}
    /// Iterations done before giving up.
    std::size_t iterations() const noexcept { return iterations_; }

private:
    std::size_t iterations_;
};

/// A long computation stopped because its progress callback asked it to.
class Cancelled : public Error {
public:
    Cancelled() : Error("computation cancelled by the progress callback") {}
};

}  // namespace ketennet
