/// @file
/// @brief Taxonomies of alliance roles and event themes: Dutch keys with English labels.
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

/// One entry of a taxonomy: a role a stakeholder plays in the alliance, or an event theme.
struct category {
    std::string key;          ///< stable Dutch key as the field uses it, e.g. "wijkagent"
    std::string label;        ///< English label, e.g. "community police officer"
    std::string description;  ///< one sentence for reports; may be empty

    friend bool operator==(const category& a, const category& b) {
        return a.key == b.key && a.label == b.label && a.description == b.description;
    }
};

/// An ordered set of categories, looked up by key or English label, case-insensitively.
///
/// Used twice: for the roles stakeholders play (wijknet::alliance::roles) and for the themes of
/// events (wijknet::alliance::themes). Keys and labels must be unique across the taxonomy (a key
/// may not equal another entry's label), so that every look-up has one answer.
class taxonomy {
public:
    /// @param kind what the entries are, used in messages ("role", "theme")
    explicit taxonomy(std::string kind) : kind_(std::move(kind)) {}

    /// Adds an entry. Throws duplicate_id_error if its key or label is already used,
    /// invalid_value_error if the key is empty. Strong guarantee.
    void add(category c) {
        if (c.key.empty()) throw invalid_value_error("a " + kind_ + " needs a non-empty key");
        if (c.label.empty()) c.label = c.key;
        for (const std::string* name : {&c.key, &c.label}) {
            if (auto i = find(*name))
                throw duplicate_id_error(kind_ + " '" + *name + "' already exists (as '" + entries_[*i].key +
                                         "'); choose another key or label");
        }
        detail::reserve_one_more(entries_);
        const std::size_t index = entries_.size();
        const std::string key_lower = detail::ascii_lower(c.key), label_lower = detail::ascii_lower(c.label);
        by_name_.emplace(key_lower, index);
        try {
            by_name_.emplace(label_lower, index);
        } catch (...) {
            by_name_.erase(key_lower);
            throw;
        }
        entries_.push_back(std::move(c));
    }

    /// Index of the entry whose key or label equals @p name (case-insensitive), if any.
    std::optional<std::size_t> find(std::string_view name) const {
        auto it = by_name_.find(detail::ascii_lower(name));
        if (it == by_name_.end()) return std::nullopt;
        return it->second;
    }

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
        for (const auto& e : entries_) {
            out.push_back(e.key);
            if (e.label != e.key) out.push_back(e.label);
        }
        return out;
    }

    std::string kind_;
    std::vector<category> entries_;
    std::unordered_map<std::string, std::size_t> by_name_;  // lower-case key and label -> index
};

}  // namespace wijknet
