/// @file
/// @brief Compiler builtins behind portable names: the builtin where the compiler has it, plain
/// C++ where it does not (MSVC, or any compiler without GCC's extensions).
#pragma once

#include <cstdint>

#if defined(_MSC_VER) && !defined(__clang__)
#include <intrin.h>
#endif

namespace wijknet::detail {

/// Index of the lowest set bit of @p x, which must not be 0.
inline int lowest_bit(std::uint64_t x) {
#if defined(__GNUC__) || defined(__clang__)
    return __builtin_ctzll(x);
#elif defined(_MSC_VER) && defined(_M_X64)
    unsigned long i;
    _BitScanForward64(&i, x);
    return static_cast<int>(i);
#else
    int i = 0;
    while (!(x & 1u)) x >>= 1, ++i;
    return i;
#endif
}

/// Asks the processor to fetch @p p into the cache (a hint; nothing where there is no builtin).
inline void prefetch(const void* p) {
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(p);
#else
    (void)p;
#endif
}

}  // namespace wijknet::detail
