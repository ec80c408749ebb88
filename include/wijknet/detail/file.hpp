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
    std::ifstream in(path, std::ios::binary);
    if (!in) throw parse_error(path, 0, 0, "cannot open the file (does it exist, and may it be read?)");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return std::move(buffer).str();
}

}  // namespace wijknet::detail
