/// @file
/// @brief Atomic file writes: every wijknet writer saves through write_file_atomically, so an
/// interrupted or failed save never destroys the previous file.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <ostream>
#include <string>
#include <system_error>

#if defined(__unix__) || defined(__APPLE__)
#include <fcntl.h>
#include <unistd.h>
#endif

#include "wijknet/error.hpp"

namespace wijknet {

namespace detail {

/// Flushes a file's data to the disk (POSIX fsync); a no-op elsewhere.
inline void sync_file(const std::filesystem::path& path) {
#if defined(__unix__) || defined(__APPLE__)
    const int fd = ::open(path.c_str(), O_RDONLY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
#else
    (void)path;
#endif
}

}  // namespace detail

/// Writes a file atomically: @p write fills a temporary file in the same folder (named
/// `.NAME.tmp-NUMBER`), which is flushed to the disk and then renamed over @p path. Readers see
/// either the old file or the complete new one, never a half-written one.
///
/// @param path  the file to create or replace
/// @param write called once with a binary output stream to write the content to
///
/// If @p write throws, or the stream fails (disk full), or the rename fails, the temporary file
/// is removed, the previous file at @p path is left untouched, and the exception is passed on
/// (stream and rename failures as write_error naming the file).
inline void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
    namespace fs = std::filesystem;
    const fs::path target(path);
    if (target.filename().empty()) throw write_error(path + ": not a file name");
    static std::atomic<unsigned long> counter{0};
    const auto stamp = static_cast<unsigned long>(std::chrono::steady_clock::now().time_since_epoch().count());
    const fs::path temp = target.parent_path() / ("." + target.filename().string() + ".tmp-" +
                                                  std::to_string(stamp) + "-" + std::to_string(counter++));
    auto discard = [&] {
        std::error_code ignored;
        fs::remove(temp, ignored);
    };
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out)
            throw write_error(path + ": cannot create a file in folder '" +
                              (target.parent_path().empty() ? std::string(".") : target.parent_path().string()) +
                              "' (does it exist, and may it be written?)");
        try {
            write(out);
            out.flush();
        } catch (...) {
            out.close();
            discard();
            throw;
        }
        if (!out) {
            out.close();
            discard();
            throw write_error(path + ": writing failed (is the disk full?); the previous file is kept");
        }
        out.close();
        if (!out) {
            discard();
            throw write_error(path + ": writing failed (is the disk full?); the previous file is kept");
        }
    }
    detail::sync_file(temp);
    std::error_code ec;
    fs::rename(temp, target, ec);
    if (ec) {
        discard();
        throw write_error(path + ": cannot replace the file (" + ec.message() + "); the previous file is kept");
    }
}

}  // namespace wijknet
