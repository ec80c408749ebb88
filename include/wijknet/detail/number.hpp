/// @file
/// @brief Numbers as text, for messages and files; needs only the standard library.
#pragma once

#include <charconv>
#include <string>

namespace wijknet {

/// Shortest decimal text that reads back as exactly the same double.
inline std::string format_number(double x) {
    char buf[32];
    auto res = std::to_chars(buf, buf + sizeof buf, x);
    return std::string(buf, res.ptr);
}

}  // namespace wijknet
