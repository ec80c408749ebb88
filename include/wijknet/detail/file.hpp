/// @file
/// @brief Reading a whole file into memory, with a wijknet error when it cannot be opened.
#pragma once

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>

#include "wijknet/error.hpp"

namespace wijknet::detail {

/// Throws file_error when @p path is not a file that can be opened for reading: it does not
/// exist, or it is a folder (whose "size" would otherwise be read as a huge length).
inline void check_file(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (status.type() == fs::file_type::not_found)
        throw file_error(path, file_error::reason::not_found, "no such file");
    if (status.type() == fs::file_type::directory)
        throw file_error(path, file_error::reason::is_a_folder, "this is a folder; expected a file");
    if (ec && ec != std::errc::no_such_file_or_directory) {
        const bool folder_on_way = ec == std::errc::not_a_directory;
        throw file_error(path, folder_on_way ? file_error::reason::not_a_folder : file_error::reason::other,
                         folder_on_way ? "part of the path is a file, not a folder" : "cannot open the file (" + ec.message() + ")");
    }
}

/// The bytes of the file at @p path; file_error naming it when it cannot be opened.
inline std::string read_file(const std::string& path) {
    check_file(path);
    errno = 0;
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) {
        if (errno == EACCES || errno == EPERM)
            throw file_error(path, file_error::reason::no_permission, "the file may not be read (permission denied)");
        throw file_error(path, file_error::reason::other, "cannot open the file");
    }
    const std::streamoff size = in.tellg();
    std::string out;
    if (size > 0) {
        // Regular files: read in one go, no intermediate copy.
        out.resize(static_cast<std::size_t>(size));
        in.seekg(0);
        in.read(out.data(), size);
        if (in.gcount() == size) return out;
        in.clear();
    }
    in.seekg(0);
    std::ostringstream buffer;  // pipes and special files report no size
    buffer << in.rdbuf();
    return buffer.str();
}

}  // namespace wijknet::detail
