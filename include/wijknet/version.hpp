/// @file
/// @brief wijknet's version.
#pragma once

#define WIJKNET_VERSION_MAJOR 0
#define WIJKNET_VERSION_MINOR 1
#define WIJKNET_VERSION_PATCH 0

namespace wijknet {

/// The version as "major.minor.patch".
inline constexpr const char* version = "0.1.0";

}  // namespace wijknet
