#pragma once
/// @file errors.hpp
/// @brief The exception types of ketennet.
///
/// Every error the library raises derives from ketennet::Error. Messages name what was wrong
/// and where (file, line, record, field). The Python bindings translate them:
///   InputError, ParseError -> ValueError; UnknownId -> KeyError;
///   FileError -> FileNotFoundError (missing file) or OSError; ConvergenceError ->
///   ketennet.ConvergenceError (a ValueError); Cancelled -> RuntimeError.
#include <cstddef>
#include <stdexcept>
#include <string>

namespace ketennet {

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
        return s;
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
