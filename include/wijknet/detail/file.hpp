/// @file
/// @brief Reading a whole file into memory, with a wijknet error when it cannot be opened.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "wijknet/error.hpp"

namespace wijknet::detail {

/// The bytes of the file at @p path; parse_error naming it when it cannot be read.
inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) throw parse_error(path, 0, 0, "cannot open the file (does it exist, and may it be read?)");
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
