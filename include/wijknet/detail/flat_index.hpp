/// @file
/// @brief An open-addressing hash index from keys to positions in a vector that holds the keys.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "wijknet/detail/bits.hpp"

namespace wijknet::detail {

/// Maps keys to 32-bit positions of the records holding them, without storing the keys: each
/// slot keeps a 32-bit hash and the position, and equality is asked of the caller (who compares
/// against its own records). Linear probing, load factor at most 1/2, 8 bytes per slot: one
/// cache line serves several probes, which makes building a million-tie alliance several times
/// faster than a node-based std::unordered_map.
class flat_index {
public:
    /// Position of the record with this hash for which @p same(position) holds, if any.
    template <class Same>
    std::optional<std::uint32_t> find(std::uint64_t hash, Same&& same) const {
        if (slots_.empty()) return std::nullopt;
        const auto h = static_cast<std::uint32_t>(hash);
        for (std::size_t i = h & mask(); slots_[i] != 0; i = (i + 1) & mask())
            if (static_cast<std::uint32_t>(slots_[i] >> 32) == h && same(position(i))) return position(i);
        return std::nullopt;
    }

    /// Adds a position under a hash; the caller made sure its key is not in the index yet. May
    /// throw std::bad_alloc when growing, and then leaves the index unchanged.
    void insert(std::uint64_t hash, std::uint32_t pos) {
        if ((count_ + 1) * 2 > slots_.size()) grow(count_ + 1);
        place(static_cast<std::uint32_t>(hash), pos);
        ++count_;
    }

    /// Room for @p n entries without growing.
    void reserve(std::size_t n) {
        if (n * 2 > slots_.size()) grow(n);
    }

    /// Asks the processor to fetch the slot of @p hash into the cache (a hint for readers that
    /// know their next look-ups).
    void prefetch(std::uint64_t hash) const noexcept {
#if defined(__GNUC__) || defined(__clang__)
        if (!slots_.empty()) detail::prefetch(&slots_[static_cast<std::uint32_t>(hash) & mask()]);
#else
        (void)hash;
#endif
    }

    /// The position in the first slot probed for @p hash if that slot holds this hash (without
    /// checking the key): for prefetching the record a look-up will compare against.
    std::optional<std::uint32_t> guess(std::uint64_t hash) const noexcept {
        if (slots_.empty()) return std::nullopt;
        const auto h = static_cast<std::uint32_t>(hash);
        const std::uint64_t slot = slots_[h & mask()];
        if (slot == 0 || static_cast<std::uint32_t>(slot >> 32) != h) return std::nullopt;
        return slot_position(slot);
    }

    std::size_t size() const noexcept { return count_; }
    void swap(flat_index& other) noexcept {
        slots_.swap(other.slots_);
        std::swap(count_, other.count_);
    }

private:
    std::size_t mask() const { return slots_.size() - 1; }
    static std::uint32_t slot_position(std::uint64_t slot) { return static_cast<std::uint32_t>(slot) - 1; }
    std::uint32_t position(std::size_t i) const { return slot_position(slots_[i]); }

    void place(std::uint32_t h, std::uint32_t pos) {
        std::size_t i = h & mask();
        while (slots_[i] != 0) i = (i + 1) & mask();
        slots_[i] = (std::uint64_t(h) << 32) | (std::uint64_t(pos) + 1);
    }

    void grow(std::size_t n) {
        std::size_t size = 16;
        while (size < n * 2) size *= 2;
        std::vector<std::uint64_t> old(size, 0);  // may throw: nothing changed yet
        old.swap(slots_);
        for (std::uint64_t slot : old)
            if (slot != 0) place(static_cast<std::uint32_t>(slot >> 32), slot_position(slot));
    }

    std::vector<std::uint64_t> slots_;  // 0 = empty; else (hash << 32) | (position + 1)
    std::size_t count_ = 0;
};

}  // namespace wijknet::detail
