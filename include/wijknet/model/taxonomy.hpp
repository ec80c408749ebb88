/// @file
/// @brief Taxonomies of alliance roles and event themes: Dutch keys with English and Dutch labels
/// and aliases.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "wijknet/detail/containers.hpp"
#include "wijknet/detail/text.hpp"
#include "wijknet/error.hpp"

namespace wijknet {

namespace detail {

/// Names -> index of the entry they name, compared as fold_name folds them (case, accents,
/// '_'/'-'/spaces). Serves the role and theme taxonomies and the relations of an alliance, so all
/// three accept the same spellings.
class name_index {
public:
    /// Index of the entry @p name names, if any.
    std::optional<std::size_t> find(std::string_view name) const {
        auto it = by_name_.find(fold_name(name));
        if (it == by_name_.end()) return std::nullopt;
        return it->second;
    }

    /// The first of @p names that already names an entry other than @p index, with that entry.
    std::optional<std::pair<std::string, std::size_t>> clash(const std::vector<std::string>& names,
                                                             std::size_t index) const {
        for (const auto& n : names)
            if (auto i = find(n); i && *i != index) return std::make_pair(n, *i);
        return std::nullopt;
    }

    /// Binds every name of @p names to @p index (empty names are skipped). Strong guarantee.
    void add(const std::vector<std::string>& names, std::size_t index) {
        std::vector<std::string> added;
        try {
            for (const auto& n : names) {
                std::string folded = fold_name(n);
                if (folded.empty() || by_name_.count(folded)) continue;
                by_name_.emplace(folded, index);
                added.push_back(std::move(folded));
            }
        } catch (...) {
            for (const auto& n : added) by_name_.erase(n);
            throw;
        }
    }

private:
    std::unordered_map<std::string, std::size_t> by_name_;
};

}  // namespace detail

/// One entry of a taxonomy: a role a stakeholder plays in the alliance, or an event theme.
struct category {
    std::string key;          ///< stable Dutch key as the field uses it, e.g. "wijkagent"
    std::string label;        ///< English label, e.g. "community police officer"
    std::string description;  ///< one sentence for reports; may be empty
    std::string label_nl = {};  ///< Dutch label for Dutch reports, e.g. "lhbti+-organisatie"; empty = the key
    std::vector<std::string> aliases = {};  ///< other names it is known by ("welzijn", "politie" ...)

    /// The label in language @p lang ("nl": the Dutch label, else the English one).
    const std::string& label_in(std::string_view lang) const { return detail::label_in(*this, lang); }
    /// Every name it answers to: key, label, Dutch label, aliases.
    std::vector<std::string> names() const { return detail::names_of(*this); }

    friend bool operator==(const category& a, const category& b) {
        return a.key == b.key && a.label == b.label && a.description == b.description && a.label_nl == b.label_nl &&
               a.aliases == b.aliases;
    }
};

/// An ordered set of categories, looked up by key, English label, Dutch label or alias,
/// ignoring case, accents and the difference between '_', '-' and a space (detail::fold_name).
///
/// Used twice: for the roles stakeholders play (wijknet::alliance::roles) and for the themes of
/// events (wijknet::alliance::themes). Every name must name one entry only (a key may not equal
/// another entry's label or alias), so that every look-up has one answer.
class taxonomy {
public:
    /// @param kind what the entries are, used in messages ("role", "theme")
    explicit taxonomy(std::string kind) : kind_(std::move(kind)) {}

    /// Adds an entry. Throws duplicate_id_error if one of its names already names another entry,
    /// invalid_value_error if the key is empty. Strong guarantee.
    void add(category c) {
        if (c.key.empty()) throw invalid_value_error("a " + kind_ + " needs a non-empty key");
        if (c.label.empty()) c.label = c.key;
        const std::size_t index = entries_.size();
        if (auto clash = by_name_.clash(c.names(), index))
            throw duplicate_id_error(kind_ + " '" + clash->first + "' already exists (as '" +
                                     entries_[clash->second].key + "'); choose another key, label or alias");
        detail::reserve_one_more(entries_);
        by_name_.add(c.names(), index);  // strong guarantee of its own
        entries_.push_back(std::move(c));  // capacity reserved: cannot throw
    }

    /// Index of the entry one of whose names equals @p name (folded), if any.
    std::optional<std::size_t> find(std::string_view name) const { return by_name_.find(name); }

    /// The entry whose key or label equals @p name; throws unknown_id_error naming the closest
    /// known entries otherwise.
    const category& at(std::string_view name) const { return entries_[index_of(name)]; }

    /// Index of @p name, or unknown_id_error naming the closest known entries.
    std::size_t index_of(std::string_view name) const {
        if (auto i = find(name)) return *i;
        throw unknown_id_error("unknown " + kind_ + " '" + std::string(name) + "'" +
                               detail::did_you_mean(name, names()) + " (add it first if it is new)");
    }

    bool contains(std::string_view name) const { return find(name).has_value(); }
    const std::vector<category>& entries() const noexcept { return entries_; }
    std::size_t size() const noexcept { return entries_.size(); }
    const category& operator[](std::size_t i) const { return entries_[i]; }
    const std::string& kind() const noexcept { return kind_; }

    /// All keys, in order of addition.
    std::vector<std::string> keys() const {
        std::vector<std::string> out;
        for (const auto& e : entries_) out.push_back(e.key);
        return out;
    }

private:
    std::vector<std::string> names() const {
        std::vector<std::string> out;
        for (const auto& e : entries_)
            for (auto& n : e.names())
                if (!n.empty() && std::find(out.begin(), out.end(), n) == out.end()) out.push_back(std::move(n));
        return out;
    }

    std::string kind_;
    std::vector<category> entries_;
    detail::name_index by_name_;  // folded key, labels and aliases -> index
};

}  // namespace wijknet
