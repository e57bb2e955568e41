// Reading and writing whole text files with ketennet's FileError (internal to src/io).
#pragma once
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/stat.h>

#include "ketennet/model/errors.hpp"

namespace ketennet::io::detail {

inline std::string read_text_file(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        const int err = errno;
        throw FileError(path + ": cannot open: " + std::strerror(err), err == ENOENT);
    }
    if (S_ISDIR(st.st_mode)) throw FileError(path + ": is a directory, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw FileError(path + ": cannot open for reading: " + std::strerror(errno));
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) throw FileError(path + ": read error");
    return ss.str();
}

inline void write_text_file(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) {
        const int err = errno;
        throw FileError(path + ": cannot open for writing: " + std::strerror(err), err == ENOENT);
    }
    out << text;
    out.close();
    if (!out) throw FileError(path + ": write error");
}

}  // namespace ketennet::io::detail
