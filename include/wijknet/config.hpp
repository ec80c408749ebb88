/// @file
/// @brief Header-only or separately compiled: how the readers, writers and diagnostics are built.
///
/// By default wijknet is header-only: every function body is in the headers, and each file that
/// includes them compiles the readers, writers and diagnostics again. Defining
/// `WIJKNET_SEPARATE_COMPILATION` (for every file of the program) leaves only declarations in
/// the headers of `io/`, `diagnostics/` and `report/`; their bodies are then compiled once, by
/// one source file whose first line is `#include <wijknet/src.hpp>`. The algorithms are templates
/// over the caller's graph type and stay in the headers either way. In a CMake build of wijknet's
/// source tree (add_subdirectory, FetchContent) the target `wijknet::compiled` does both.
///
/// Separate compilation more than halves the time of including `wijknet/wijknet.hpp` and cuts its
/// memory to about half (benchmarks/bench_include.sh); the results are the same.
#pragma once

#if defined(WIJKNET_SEPARATE_COMPILATION)
/// Declares a function whose body is compiled once, in the file that includes wijknet/src.hpp.
#define WIJKNET_DECL
#else
/// Declares a function whose body is in the header (header-only use).
#define WIJKNET_DECL inline
#endif

// 1 where the bodies of WIJKNET_DECL functions are compiled: always when header-only, and in
// the one file that includes wijknet/src.hpp when compiled separately.
#if !defined(WIJKNET_SEPARATE_COMPILATION) || defined(WIJKNET_SOURCE)
#define WIJKNET_BODIES 1
#else
#define WIJKNET_BODIES 0
#endif
