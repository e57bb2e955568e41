// Reading and writing whole text files with ketennet's FileError (internal to src/io).
#pragma once
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ketennet/io/limits.hpp"
#include "ketennet/core/errors.hpp"

namespace ketennet::io::detail {

/// InputError for a path with a NUL character (the system would silently cut it there).
inline void check_path(const std::string& path) {
    if (path.find('\0') != std::string::npos) throw InputError("path contains a NUL character");
}

/// How to raise the input size limit, for messages.
inline std::string input_limit_hint() {
    return " (the limit max_input_bytes of ketennet::io::Limits; in Python "
           "ketennet.io.set_limits(max_input_bytes=...))";
}

/// InputError when text read whole is larger than the limit.
inline void check_input_size(std::uint64_t size, const Limits& limits, const std::string& origin) {
    if (size > limits.max_input_bytes)
        throw InputError(valid_text(origin) + ": the input has " + std::to_string(size) +
                         " bytes, more than the limit of " + std::to_string(limits.max_input_bytes) +
                         " bytes" + input_limit_hint());
}

/// The whole content of a file, at most limits.max_input_bytes: a regular file is checked by
/// its size first; anything else (a pipe, a device) is read in chunks until it exceeds it.
inline std::string read_text_file(const std::string& path, const Limits& limits = {}) {
    check_path(path);
    const std::string shown = valid_text(path);
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        const int err = errno;
        throw FileError(shown + ": cannot open: " + std::strerror(err), err == ENOENT);
    }
    if (S_ISDIR(st.st_mode)) throw FileError(shown + ": is a directory, not a file");
    if (S_ISREG(st.st_mode) && std::uint64_t(st.st_size) > limits.max_input_bytes)
        throw InputError(shown + ": the file has " + std::to_string(st.st_size) +
                         " bytes, more than the limit of " + std::to_string(limits.max_input_bytes) +
                         " bytes" + input_limit_hint());
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        const int err = errno;
        throw FileError(shown + ": cannot open for reading: " + std::strerror(err), err == ENOENT);
    }
    // Read in chunks and join them at the end: growing one string would copy it each time
    // its capacity doubles, so that refusing a stream at the limit would cost twice the limit.
    // A regular file comes in one chunk of its size (plus one byte, to see its end).
    const std::size_t chunk =
        S_ISREG(st.st_mode) ? std::max(std::size_t(st.st_size) + 1, std::size_t(1) << 20) : std::size_t(1) << 20;
    std::vector<std::string> chunks;
    std::uint64_t total = 0;
    for (;;) {
        std::string buf(chunk, '\0');
        std::size_t filled = 0;
        while (filled < chunk) {
            const ssize_t got = ::read(fd, buf.data() + filled, chunk - filled);
            if (got < 0) {
                if (errno == EINTR) continue;
                const int err = errno;
                ::close(fd);
                throw FileError(shown + ": read error: " + std::strerror(err));
            }
            if (got == 0) break;
            filled += std::size_t(got);
        }
        buf.resize(filled);
        total += filled;
        if (total > limits.max_input_bytes) {
            ::close(fd);
            throw InputError(shown + ": more than the limit of " +
                             std::to_string(limits.max_input_bytes) + " bytes read" +
                             input_limit_hint());
        }
        const bool done = filled < chunk;
        if (filled > 0) chunks.push_back(std::move(buf));
        if (done) break;
    }
    std::string text;
    if (chunks.size() == 1) {
        text = std::move(chunks[0]);
    } else {
        text.reserve(std::size_t(total));
        for (auto& c : chunks) {
            text += c;
            std::string().swap(c);
        }
    }
    ::close(fd);
    return text;
}

/// Writes @p text to @p path atomically: to a new temporary file in the same directory, which
/// is then renamed over the target. A write that fails part-way (a full disk) leaves the
/// previous file intact and removes the temporary file. A replaced file keeps its
/// permissions; a new one gets 0666 less the umask, as with open().
inline void write_text_file(const std::string& path, const std::string& text) {
    check_path(path);
    const std::string shown = valid_text(path);
    const std::size_t slash = path.rfind('/');
    const std::string dir = slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
    const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
    struct stat target {};
    const bool exists = ::stat(path.c_str(), &target) == 0;
    if (exists && S_ISDIR(target.st_mode)) throw FileError(shown + ": is a directory, not a file");
    static std::atomic<unsigned> counter{0};
    std::string tmp;
    int fd = -1;
    for (int attempt = 0; fd < 0; ++attempt) {
        tmp = dir + "." + base + "." + std::to_string(::getpid()) + "." +
              std::to_string(counter.fetch_add(1)) + ".tmp";
        fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0 && (errno != EEXIST || attempt > 100)) {
            const int err = errno;
            throw FileError(shown + ": cannot open for writing (a temporary file in its directory): " +
                                std::strerror(err),
                            err == ENOENT);
        }
    }
    auto fail = [&](const char* what, int err) {
        ::close(fd);
        ::unlink(tmp.c_str());
        throw FileError(shown + ": " + what + ": " + std::strerror(err));
    };
    if (exists) ::fchmod(fd, target.st_mode & 07777);
    for (std::size_t done = 0; done < text.size();) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("write error", errno);
        }
        done += std::size_t(n);
    }
    if (::fsync(fd) != 0 && errno != EINVAL) fail("write error", errno);
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        throw FileError(shown + ": write error: " + std::strerror(err));
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        throw FileError(shown + ": cannot replace: " + std::strerror(err));
    }
}

}  // namespace ketennet::io::detail
