/// @file
/// @brief The bodies of wijknet's readers, writers and diagnostics, for separate compilation.
///
/// With `WIJKNET_SEPARATE_COMPILATION` defined, include this header as the first line of exactly
/// one source file of the program; that file compiles what the other files only declare (see
/// wijknet/config.hpp).
#pragma once

#if !defined(WIJKNET_SEPARATE_COMPILATION)
#error "wijknet/src.hpp is for separate compilation: define WIJKNET_SEPARATE_COMPILATION for every file of the program, or do not include wijknet/src.hpp (header-only use needs no source file)"
#endif
#if defined(WIJKNET_BODIES)
#error "wijknet/src.hpp must come before every other wijknet header in its source file"
#endif

#define WIJKNET_SOURCE
#include "wijknet/config.hpp"
#include "wijknet/wijknet.hpp"
