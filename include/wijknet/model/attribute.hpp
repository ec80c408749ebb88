/// @file
/// @brief Free attributes of stakeholders, ties, events and participations.
#pragma once

#include <charconv>
#include <map>
#include <string>
#include <utility>
#include <variant>

#include "wijknet/detail/number.hpp"

namespace wijknet {

/// Missing value (NA in a spreadsheet, None in Python).
using missing = std::monostate;

/// One attribute value: missing, text, number or boolean.
using attribute_value = std::variant<missing, std::string, double, bool>;

/// An attribute value plus its sensitivity mark.
///
/// A sensitive attribute (for example whether an organisation works on lhbti+ themes, which can
/// reveal sexual orientation: special-category data under the GDPR, art. 9) is kept in memory like
/// any other but is never written out unless the caller asks for it explicitly.
struct attribute {
    attribute_value value;
    bool sensitive = false;

    friend bool operator==(const attribute& a, const attribute& b) {
        return a.sensitive == b.sensitive && a.value == b.value;
    }
    friend bool operator!=(const attribute& a, const attribute& b) { return !(a == b); }
};

/// Attributes by name, in name order (so output is reproducible).
using attribute_map = std::map<std::string, attribute>;

/// True when the value is missing.
inline bool is_missing(const attribute_value& v) noexcept { return std::holds_alternative<missing>(v); }

/// Text form of a value, as it would appear in a CSV cell: "" for missing, "true"/"false" for
/// booleans, the shortest exact decimal form for numbers.
inline std::string to_string(const attribute_value& v) {
    if (auto s = std::get_if<std::string>(&v)) return *s;
    if (auto d = std::get_if<double>(&v)) return format_number(*d);
    if (auto b = std::get_if<bool>(&v)) return *b ? "true" : "false";
    return {};
}

}  // namespace wijknet
