/// @file
/// @brief Atomic saves: every wijknet writer saves a file through write_file_atomically and a
/// folder of files through write_folder_atomically, so a save that is interrupted (even by
/// SIGKILL or a power cut) or that fails (disk full, no permission) leaves the previous file or
/// folder as it was.
///
/// The rules (docs/io/README.md, "Saving"):
/// - the new content is written to a temporary next to the target, flushed to the disk, and then
///   renamed over the target (a folder is swapped in with one atomic exchange where the system has
///   one: Linux renameat2(RENAME_EXCHANGE), macOS renamex_np(RENAME_SWAP));
/// - a symlink at the target is followed: the file (folder) it points to is replaced, the link
///   stays; a link in a folder anyone may write to and that has the sticky bit (`/tmp`), owned by
///   neither the caller nor the folder's owner, is refused, as the kernel's protected_symlinks
///   rule would refuse it (another user may have planted it there to make the save overwrite a
///   file of the caller's);
/// - a target that exists and is no regular file is not replaced: a character device (`/dev/null`,
///   a terminal) or a named pipe is written through, as `echo text > target` would (not
///   atomically: it has no previous content to keep; a pipe waits for its reader); nor is a path
///   that names an open descriptor (`/dev/stdout`, `/proc/self/fd/1`); a block device or a socket
///   is refused with a write_error;
/// - the replaced file keeps its permission bits (and its owner and group when the process may set
///   them); a new file gets 0666 less the umask;
/// - temporaries are named `.NAME.wijknet-tmp-PID-N` (`.NAME.wijknet-old-PID-N` for a folder
///   being swapped out), PID being the writing process; after a failure none is left; one left by
///   a killed process is removed by the next save to the same path, once no process of that PID
///   runs.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "wijknet/config.hpp"
#include "wijknet/error.hpp"

#if WIJKNET_BODIES
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <set>
#include <streambuf>
#include <string_view>
#include <system_error>
#include <utility>

#if defined(__unix__) || defined(__APPLE__)
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>
#define WIJKNET_POSIX_FILES 1
#else
#include <fstream>
#include <process.h>
#endif
#endif  // WIJKNET_BODIES

namespace wijknet {

#if WIJKNET_BODIES
namespace detail {

namespace fs = std::filesystem;

/// Why a system call on @p path failed, in words (errno @p code); for messages.
inline std::string write_failure(int code) {
    switch (code) {
        case ENOSPC:
#ifdef EDQUOT
        case EDQUOT:
#endif
            return "the disk is full";
        case ENOENT:
        case ENOTDIR:
            return "the folder does not exist";
        case EFBIG:
            return "the file would be larger than this process may write (file size limit)";
        case EACCES:
        case EPERM:
            return "permission denied";
#ifdef EROFS
        case EROFS:
            return "the folder is on a read-only file system";
#endif
        default:
            return std::error_code(code, std::generic_category()).message();
    }
}

/// The id of this process, as written into the names of temporaries.
inline long process_id() {
#ifdef WIJKNET_POSIX_FILES
    return static_cast<long>(::getpid());
#else
    return static_cast<long>(::_getpid());
#endif
}

/// True when no process with id @p pid runs (so a temporary it left is an orphan).
inline bool process_gone(long pid) {
#ifdef WIJKNET_POSIX_FILES
    return pid > 0 && ::kill(static_cast<pid_t>(pid), 0) == -1 && errno == ESRCH;
#else
    (void)pid;
    return false;  // no portable test: orphans are kept rather than a live writer's file removed
#endif
}

/// The folder @p target lives in ("." for a bare name).
inline fs::path folder_of(const fs::path& target) {
    return target.parent_path().empty() ? fs::path(".") : target.parent_path();
}

/// Throws write_error when the symlink @p link is one the kernel would not follow under its
/// protected_symlinks rule: it lies in a folder that has the sticky bit and that anyone may write
/// to (`/tmp`), and neither the caller nor the folder's owner owns it. Another user can plant such
/// a link to make a save overwrite one of the caller's files (or, as root, any file). follow_links
/// resolves links itself, so it has to apply the rule itself.
inline void refuse_planted_link(const fs::path& link) {
#ifdef WIJKNET_POSIX_FILES
    struct stat own {}, folder {};
    if (::lstat(link.c_str(), &own) != 0 || ::stat(folder_of(link).c_str(), &folder) != 0) return;
    const bool shared = (folder.st_mode & S_ISVTX) && (folder.st_mode & S_IWOTH);
    if (shared && own.st_uid != ::geteuid() && own.st_uid != folder.st_uid)
        throw write_error(link.string() + ": a symbolic link of another user (uid " + std::to_string(own.st_uid) +
                          ") in a folder anyone may write to; it is not followed (as the system's protected_symlinks "
                          "rule would not follow it): remove the link, or save elsewhere");
#else
    (void)link;
#endif
}

/// @p path with every symlink of its last component followed (at most 40, like the kernel):
/// saving to a link replaces what it points to and keeps the link. A dangling link gives the path
/// it points to. A link another user planted in a shared folder is refused (refuse_planted_link).
/// With @p descriptor given, it is set when a path on the way names an open descriptor
/// (`/proc/self/fd/1`, `/dev/fd/1`; `/dev/stdout` links to the first).
inline fs::path follow_links(fs::path path, bool* descriptor = nullptr) {
    if (path.filename().empty()) path = path.parent_path();  // "folder/" names "folder"
    for (int hops = 0; hops < 40; ++hops) {
        const fs::path fd = path.parent_path();
        if (descriptor && fd.filename() == "fd" && (fd.parent_path() == "/dev" || fd.parent_path().parent_path() == "/proc"))
            *descriptor = true;
        std::error_code ec;
        if (!fs::is_symlink(fs::symlink_status(path, ec))) return path;
        refuse_planted_link(path);
        const fs::path to = fs::read_symlink(path, ec);
        if (ec) return path;
        path = to.is_absolute() ? to : path.parent_path() / to;
    }
    throw write_error(path.string() + ": too many levels of symbolic links");
}

/// Name of a temporary of @p target: `.NAME.wijknet-KIND-PID-N`.
inline fs::path temporary_for(const fs::path& target, const char* kind) {
    static std::atomic<unsigned long> counter{0};
    return folder_of(target) / ("." + target.filename().string() + ".wijknet-" + kind + "-" +
                                std::to_string(process_id()) + "-" + std::to_string(counter++));
}

/// The writer's process id and kind ("tmp" or "old") of a temporary of @p target named @p name;
/// pid 0 when @p name is not one.
inline std::pair<long, std::string> temporary_owner(const fs::path& target, const std::string& name) {
    const std::string prefix = "." + target.filename().string() + ".wijknet-";
    if (name.compare(0, prefix.size(), prefix) != 0) return {0, ""};
    const std::string rest = name.substr(prefix.size());  // KIND-PID-N
    const std::size_t dash = rest.find('-'), second = rest.find('-', dash == std::string::npos ? dash : dash + 1);
    if (dash == std::string::npos || second == std::string::npos) return {0, ""};
    const std::string kind = rest.substr(0, dash), pid = rest.substr(dash + 1, second - dash - 1);
    if ((kind != "tmp" && kind != "old") || pid.empty() || pid.size() > 18 ||
        pid.find_first_not_of("0123456789") != std::string::npos ||
        rest.find_first_not_of("0123456789", second + 1) != std::string::npos || second + 1 == rest.size())
        return {0, ""};
    return {std::stol(pid), kind};
}

/// Removes the temporaries of @p target left by processes that no longer run. When the target
/// itself is missing and a swapped-out folder of a killed save is there (only on systems without
/// an atomic exchange), that folder is put back first: it is the previous save. Failures are
/// ignored (the save itself reports what matters).
inline void remove_orphans(const fs::path& target) {
    std::error_code ec;
    std::vector<std::pair<fs::path, std::string>> orphans;
    for (fs::directory_iterator it(folder_of(target), ec), end; !ec && it != end; it.increment(ec)) {
        const auto [pid, kind] = temporary_owner(target, it->path().filename().string());
        if (pid != 0 && pid != process_id() && process_gone(pid)) orphans.emplace_back(it->path(), kind);
    }
    for (const auto& [path, kind] : orphans) {
        if (kind == "old" && !fs::exists(fs::symlink_status(target, ec))) {
            fs::rename(path, target, ec);
            if (!ec) continue;
        }
        fs::remove_all(path, ec);
    }
}

/// Flushes the folder @p folder (its entries: a rename in it) to the disk; a no-op elsewhere.
inline void sync_folder(const fs::path& folder) {
#ifdef WIJKNET_POSIX_FILES
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
#else
    (void)folder;
#endif
}

#ifdef WIJKNET_POSIX_FILES

/// An output buffer on a file descriptor that keeps the errno of the first failed write.
class descriptor_buffer : public std::streambuf {
public:
    explicit descriptor_buffer(int fd) : fd_(fd), buffer_(1 << 16) { setp(buffer_.data(), buffer_.data() + buffer_.size()); }

    int error() const noexcept { return error_; }

protected:
    int_type overflow(int_type c) override {
        if (!drain()) return traits_type::eof();
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }

    int sync() override { return drain() ? 0 : -1; }

    std::streamsize xsputn(const char* s, std::streamsize n) override {
        if (n >= static_cast<std::streamsize>(buffer_.size())) {  // large writes go straight to the file
            if (!drain() || !write_all(s, static_cast<std::size_t>(n))) return 0;
            return n;
        }
        return std::streambuf::xsputn(s, n);
    }

private:
    bool write_all(const char* s, std::size_t n) {
        while (n > 0 && error_ == 0) {
            const ssize_t done = ::write(fd_, s, n);
            if (done < 0) {
                if (errno != EINTR) error_ = errno;
                continue;
            }
            s += done, n -= static_cast<std::size_t>(done);
        }
        return error_ == 0;
    }

    bool drain() {
        const bool ok = write_all(pbase(), static_cast<std::size_t>(pptr() - pbase()));
        setp(buffer_.data(), buffer_.data() + buffer_.size());
        return ok;
    }

    int fd_;
    std::vector<char> buffer_;
    int error_ = 0;
};

/// Fills the open descriptor @p fd through @p write; returns the errno of the first failure, 0
/// when everything was written. If @p write throws, @p fd is closed and the exception passed on.
inline int fill_descriptor(int fd, const std::function<void(std::ostream&)>& write) {
    try {
        descriptor_buffer buffer(fd);
        std::ostream out(&buffer);
        write(out);
        out.flush();
        const int code = buffer.error();
        return code == 0 && !out ? EIO : code;
    } catch (...) {
        ::close(fd);
        throw;
    }
}

/// What @p path is (links followed by the kernel) when it exists and is neither a regular file nor
/// a folder: "a character device", "a block device", "a named pipe (FIFO)", "a socket"; empty
/// otherwise.
inline std::string special_file(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return {};
    if (S_ISCHR(st.st_mode)) return "a character device";
    if (S_ISBLK(st.st_mode)) return "a block device";
    if (S_ISFIFO(st.st_mode)) return "a named pipe (FIFO)";
    if (S_ISSOCK(st.st_mode)) return "a socket";
    return {};
}

/// Writes through @p write into what @p path is (@p kind, from special_file; empty for a regular
/// file reached through a descriptor), opened by the kernel and never replaced: a device or a
/// pipe (which waits for its reader) takes the bytes as they come, a file is appended to, as the
/// shell's `>>` would. A block device (a disk) or a socket is refused. Throws write_error naming
/// @p path.
inline void write_through(const std::string& path, const std::string& kind,
                          const std::function<void(std::ostream&)>& write) {
    if (kind == "a block device" || kind == "a socket")
        throw write_error(path + ": this is " + kind + ", not a file; wijknet writes files, character devices and "
                                 "pipes; give a file name");
    const std::string what = kind.empty() ? "the file" : "the " + kind.substr(kind.find(' ') + 1);
    const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        const int code = errno;
        throw write_error(path + ": cannot open " + what + " (" + write_failure(code) + ")");
    }
    int code = fill_descriptor(fd, write);
    if (::close(fd) != 0 && code == 0) code = errno;
    if (code != 0) throw write_error(path + ": writing to " + what + " failed (" + write_failure(code) + ")");
}

/// Creates the temporary @p temp for @p target (with the target's mode and, where allowed, owner
/// when it exists), fills it through @p write and flushes it to the disk. Throws write_error
/// naming @p shown (the path as the caller gave it) and saying that the previous @p kept ("file"
/// or "folder") is kept; the temporary is then removed.
inline void write_temporary(const fs::path& temp, const fs::path& target, const std::string& shown,
                            const std::function<void(std::ostream&)>& write, const char* kept = "file") {
    struct stat old {};
    const bool replacing = ::stat(target.c_str(), &old) == 0 && S_ISREG(old.st_mode);
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, replacing ? (old.st_mode & 07777) : 0666);
    if (fd < 0) {
        const int code = errno;
        throw write_error(shown + ": cannot create a file in folder '" + folder_of(target).string() + "' (" +
                          write_failure(code) + ")" + (replacing ? std::string("; the previous ") + kept + " is kept" : ""));
    }
    int code = 0;
    if (replacing) {
        if (::fchown(fd, old.st_uid, old.st_gid) != 0) {
            // Not allowed to give the file away: it stays ours, with the old mode.
        }
        ::fchmod(fd, old.st_mode & 07777);  // the umask narrowed the mode given to open
    }
    try {
        code = fill_descriptor(fd, write);
    } catch (...) {
        ::unlink(temp.c_str());
        throw;
    }
    if (code == 0 && ::fsync(fd) != 0) code = errno;
    if (::close(fd) != 0 && code == 0) code = errno;
    if (code != 0) {
        ::unlink(temp.c_str());
        throw write_error(shown + ": writing failed (" + write_failure(code) + "); the previous " + kept + " is kept");
    }
}

#else

inline void write_temporary(const fs::path& temp, const fs::path&, const std::string& shown,
                            const std::function<void(std::ostream&)>& write, const char* kept = "file") {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out)
        throw write_error(shown + ": cannot create a file in folder '" + temp.parent_path().string() +
                          "' (does it exist, and may it be written?); the previous " + kept + " is kept");
    try {
        write(out);
        out.flush();
    } catch (...) {
        out.close();
        std::error_code ignored;
        fs::remove(temp, ignored);
        throw;
    }
    const bool ok = static_cast<bool>(out);
    out.close();
    if (!ok || !out) {
        std::error_code ignored;
        fs::remove(temp, ignored);
        throw write_error(shown + ": writing failed (is the disk full?); the previous " + kept + " is kept");
    }
}

#endif

/// Puts the complete folder @p staging in the place of the existing folder @p target in one
/// step where the system can; returns false when it cannot (no such call, or the file system
/// does not support it), and throws write_error on any other failure.
inline bool exchange_folders(const fs::path& staging, const fs::path& target, const std::string& shown) {
    int result = -1;
#if defined(__linux__) && defined(RENAME_EXCHANGE)
    result = ::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE);
#elif defined(__APPLE__) && defined(RENAME_SWAP)
    result = ::renamex_np(staging.c_str(), target.c_str(), RENAME_SWAP);
#else
    errno = ENOSYS;
#endif
    if (result == 0) return true;
    const int code = errno;
    if (code == ENOSYS || code == EINVAL || code == ENOTSUP) return false;
    if (code == EBUSY || code == EXDEV)
        throw write_error(shown + ": cannot swap the new folder in: this folder is a mount point (save to a folder "
                                  "inside it); the previous folder is kept");
    throw write_error(shown + ": cannot replace the folder (" + write_failure(code) + "); the previous folder is kept");
}

}  // namespace detail
#endif  // WIJKNET_BODIES

/// Writes a file atomically: @p write fills a temporary file in the same folder (named
/// `.NAME.wijknet-tmp-PID-N`), which is flushed to the disk and then renamed over @p path.
/// Readers see either the old file or the complete new one, never a half-written one, even when
/// the process is killed. A symlink at @p path is followed (its target is replaced, the link
/// kept); a replaced file keeps its permission bits (and owner, where allowed). Temporaries that
/// killed processes left for @p path are removed first. A link another user planted in a shared
/// sticky folder is refused (detail::refuse_planted_link). A character device or a named pipe at
/// @p path, and a file reached through an open descriptor (`/dev/stdout`), is written through
/// and never replaced; a block device or a socket is a write_error.
///
/// @param path  the file to create or replace
/// @param write called once with a binary output stream to write the content to
///
/// If @p write throws, or writing fails (disk full, file size limit, no permission), or the
/// rename fails, the temporary file is removed, the previous file at @p path is left untouched,
/// and the exception is passed on (system failures as write_error naming @p path and the cause).
WIJKNET_DECL void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write);
#if WIJKNET_BODIES
WIJKNET_DECL void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
    namespace fs = std::filesystem;
    if (fs::path(path).filename().empty()) throw write_error(path + ": not a file name");
    bool descriptor = false;
    const fs::path target = detail::follow_links(path, &descriptor);
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw write_error(path + ": this is a folder; expected a file name");
#ifdef WIJKNET_POSIX_FILES
    // A device or a pipe has no previous content to keep, and replacing it with a file would
    // take it away from everyone else (`/dev/null`); an open descriptor's file stays the one the
    // descriptor is open on.
    const std::string special = detail::special_file(path);
    if (!special.empty() || (descriptor && fs::is_regular_file(path, ec)))
        return detail::write_through(path, special, write);
#endif
    detail::remove_orphans(target);
    const fs::path temp = detail::temporary_for(target, "tmp");
    detail::write_temporary(temp, target, path, write);
    fs::rename(temp, target, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(temp, ignored);
        throw write_error(path + ": cannot replace the file (" + detail::write_failure(ec.value()) +
                          "); the previous file is kept");
    }
    detail::sync_folder(detail::folder_of(target));
}
#endif

/// One file of a folder save: its name in the folder and its content.
struct folder_file {
    std::string name;     ///< a plain file name (no folder part)
    std::string content;  ///< the bytes to write
};

/// Writes a folder of files as one unit: a complete new folder is built next to @p folder (named
/// `.NAME.wijknet-tmp-PID-N`) and then swapped in, so a reader sees either the previous folder or
/// the complete new one, never a mix, even when the process is killed. The new folder holds
/// @p files and everything of the previous folder that wijknet does not own: every entry whose
/// name is neither in @p files nor in @p owned is carried over (as a hard link, or a copy where
/// links are not possible; subfolders and symlinks too). Owned names not in @p files are dropped.
/// The folder keeps its permission bits, each rewritten file its own; a symlink at @p folder is
/// followed (one planted by another user in a shared sticky folder refused). A layout file that is
/// a pipe, device or socket is refused (the whole folder is swapped, so it would be replaced). The parent folders are created when missing. Where the system has no atomic exchange
/// of two folders, the swap is two renames; a save killed between them leaves the previous folder
/// under `.NAME.wijknet-old-PID-N`, and the next save to @p folder puts it back before anything
/// else.
///
/// @param folder the folder to create or replace
/// @param files  the files to write into it (plain names)
/// @param owned  names of the files the layout consists of (removed when not in @p files)
///
/// Throws write_error naming @p folder and the cause (disk full, permission denied ...) with the
/// previous folder intact and no temporary left; invalid_value_error for a file name with a
/// folder part.
WIJKNET_DECL void write_folder_atomically(const std::string& folder, const std::vector<folder_file>& files,
                                    const std::vector<std::string>& owned);
#if WIJKNET_BODIES
WIJKNET_DECL void write_folder_atomically(const std::string& folder, const std::vector<folder_file>& files,
                                    const std::vector<std::string>& owned) {
    namespace fs = std::filesystem;
    std::set<std::string> ours(owned.begin(), owned.end());
    for (const auto& f : files) {
        if (f.name.empty() || f.name == "." || f.name == ".." || f.name.find('/') != std::string::npos ||
            f.name.find('\\') != std::string::npos)
            throw invalid_value_error("'" + f.name + "' is not a plain file name; expected a name such as 'ties.csv'");
        ours.insert(f.name);
    }
    const fs::path target = detail::follow_links(folder);
    if (target.filename().empty() || target.filename() == "." || target.filename() == "..")
        throw write_error(folder + ": name the folder itself, e.g. 'alliance'");
    std::error_code ec;
    fs::create_directories(detail::folder_of(target), ec);
    if (ec)
        throw write_error(folder + ": cannot create the folder '" + detail::folder_of(target).string() + "' (" +
                          detail::write_failure(ec.value()) + ")");
    detail::remove_orphans(target);
    const fs::file_status status = fs::status(target, ec);
    const bool replacing = fs::exists(status);
    if (replacing && !fs::is_directory(status))
        throw write_error(folder + ": this is " + (fs::is_regular_file(status) ? "a file" : "no folder") +
                          "; expected a folder (or a path that does not exist yet)");
    if (replacing)
        for (const auto& name : ours) {
            // The folder is swapped in as a whole, so a pipe or device among its files would be
            // replaced by a file: refused, before anything is written.
            const fs::file_status entry = fs::symlink_status(target / name, ec);
            if (fs::exists(entry) && !fs::is_regular_file(entry) && !fs::is_directory(entry) && !fs::is_symlink(entry))
                throw write_error((fs::path(folder) / name).string() + ": this is no regular file (a pipe, device or "
                                  "socket); a folder save replaces the files of its layout, so move it away or save "
                                  "to another folder; nothing was written");
        }

    const fs::path staging = detail::temporary_for(target, "tmp");
    auto fail = [&](const std::string& what, int code) {
        std::error_code ignored;
        fs::remove_all(staging, ignored);
        return write_error(folder + ": " + what + " (" + detail::write_failure(code) + "); the previous folder is kept");
    };
    fs::create_directory(staging, ec);
    if (ec) throw fail("cannot create a folder in '" + detail::folder_of(target).string() + "'", ec.value());
    try {
        if (replacing) {
            fs::permissions(staging, status.permissions(), ec);
            for (fs::directory_iterator it(target, ec), end; !ec && it != end; it.increment(ec)) {
                const std::string name = it->path().filename().string();
                if (ours.count(name)) continue;
                std::error_code copied;
                fs::copy(it->path(), staging / name,
                         fs::copy_options::recursive | fs::copy_options::copy_symlinks |
                             fs::copy_options::create_hard_links,
                         copied);
                if (copied) {  // no hard links here (another device, or not allowed): copy the bytes
                    fs::remove_all(staging / name, copied);
                    fs::copy(it->path(), staging / name, fs::copy_options::recursive | fs::copy_options::copy_symlinks,
                             copied);
                }
                if (copied) throw fail("cannot carry over '" + name + "'", copied.value());
            }
            if (ec) throw fail("cannot list the folder", ec.value());
        }
        for (const auto& f : files) {
            const std::string shown = (fs::path(folder) / f.name).string();
            // Each file keeps the mode of the file it replaces.
            detail::write_temporary(staging / f.name, target / f.name, shown, [&](std::ostream& out) {
                out.write(f.content.data(), static_cast<std::streamsize>(f.content.size()));
            }, "folder");
        }
    } catch (...) {
        std::error_code ignored;
        fs::remove_all(staging, ignored);
        throw;
    }
    detail::sync_folder(staging);
    if (!replacing) {
        fs::rename(staging, target, ec);
        if (ec) throw fail("cannot move the new folder into place", ec.value());
        return detail::sync_folder(detail::folder_of(target));
    }
    bool swapped = false;
    try {
        swapped = detail::exchange_folders(staging, target, folder);
    } catch (...) {
        std::error_code ignored;
        fs::remove_all(staging, ignored);
        throw;
    }
    if (swapped) {
        fs::remove_all(staging, ec);  // now the previous folder; a kill here leaves an orphan for the next save
    } else {
        const fs::path old = detail::temporary_for(target, "old");
        fs::rename(target, old, ec);
        if (ec) throw fail("cannot move the previous folder aside", ec.value());
        fs::rename(staging, target, ec);
        if (ec) {
            std::error_code ignored;
            fs::rename(old, target, ignored);
            throw fail("cannot move the new folder into place", ec.value());
        }
        fs::remove_all(old, ec);
    }
    detail::sync_folder(detail::folder_of(target));
}
#endif

}  // namespace wijknet
