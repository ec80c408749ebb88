/// @file
/// @brief The incident log (meldingen): incidents reported in the neighbourhood and the ordered
/// steps of their handling by the alliance's stakeholders.
#pragma once

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "wijknet/detail/containers.hpp"
#include "wijknet/error.hpp"
#include "wijknet/model/attribute.hpp"
#include "wijknet/model/taxonomy.hpp"

namespace wijknet {

/// What a handling action means for the analyses. Every action of the taxonomy has one.
enum class action_kind : std::uint8_t {
    receive,  ///< the stakeholder took the report in
    refer,    ///< passed on to another stakeholder (a handoff); the step must name whom
    act,      ///< did something about it (the "first action" of the time analysis)
    inform,   ///< informed someone (the reporter, a partner); may name whom
    close     ///< closed the incident
};

inline const char* to_string(action_kind k) noexcept {
    switch (k) {
        case action_kind::receive: return "receive";
        case action_kind::refer: return "refer";
        case action_kind::act: return "act";
        case action_kind::inform: return "inform";
        case action_kind::close: return "close";
    }
    return "act";
}

/// Parses "receive", "refer", "act", "inform" or "close"; invalid_value_error otherwise.
inline action_kind parse_action_kind(std::string_view text) {
    for (action_kind k : {action_kind::receive, action_kind::refer, action_kind::act, action_kind::inform,
                          action_kind::close})
        if (detail::iequals(text, to_string(k))) return k;
    throw invalid_value_error("unknown action kind '" + std::string(text) +
                              "'; expected receive, refer, act, inform or close");
}

/// One step of handling an incident.
struct incident_step {
    std::string stakeholder;  ///< id of the stakeholder acting
    std::string action;       ///< key of the action (canonical once inside an alliance)
    std::string to;           ///< id of the stakeholder passed to or informed; required for a refer action
    std::string time;         ///< ISO 8601 date-time, "2022-03-01T14:30" (canonical once inside an alliance)
    std::string note;         ///< free text; sensitive like every incident field
    std::int64_t seconds = 0;  ///< derived from time by the alliance (seconds since 1970-01-01, as written)

    friend bool operator==(const incident_step& a, const incident_step& b) {
        return a.stakeholder == b.stakeholder && a.action == b.action && a.to == b.to && a.time == b.time &&
               a.note == b.note;
    }
};

/// An incident (melding): something that happened in the neighbourhood and was reported to the
/// alliance. Every field is sensitive: writers carry incidents only when asked to by name.
struct incident {
    std::string id;             ///< stable, unique, non-empty (a case number, never a name)
    std::string reported;       ///< ISO 8601 date-time the report came in
    std::string category;       ///< key of the incident category (canonical once inside an alliance)
    std::string neighbourhood;  ///< wijk or buurt; may be empty
    std::string description;    ///< free text; may be empty
    attribute_map attributes;   ///< further free fields
    std::vector<incident_step> steps;  ///< the handling, in time order
    std::int64_t seconds = 0;   ///< derived from reported by the alliance

    friend bool operator==(const incident& a, const incident& b) {
        return a.id == b.id && a.reported == b.reported && a.category == b.category &&
               a.neighbourhood == b.neighbourhood && a.description == b.description &&
               a.attributes == b.attributes && a.steps == b.steps;
    }
};

namespace detail {

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
inline std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

inline bool read_digits(std::string_view& s, std::size_t min, std::size_t max, int& out) {
    std::size_t n = 0;
    while (n < s.size() && n < max && s[n] >= '0' && s[n] <= '9') ++n;
    if (n < min) return false;
    std::from_chars(s.data(), s.data() + n, out);
    s.remove_prefix(n);
    return true;
}

}  // namespace detail

/// A date-time read as written (no time zone): seconds since 1970-01-01T00:00, and the
/// canonical text "YYYY-MM-DDTHH:MM" (":SS" added when not zero; a date alone is midnight and
/// stays "YYYY-MM-DD").
struct date_time {
    std::int64_t seconds = 0;
    std::string text;
};

/// Parses "2022-03-01", "2022-03-01T14:30", "2022-03-01 14:30:05", and the day-first forms Dutch
/// Excel writes ("1-3-2022 14:30", "01/03/2022"). Returns nullopt for anything else, including
/// impossible dates (30 February) and times (25:00).
inline std::optional<date_time> parse_date_time(std::string_view text) {
    std::string_view s = text;
    int a = 0, b = 0, c = 0, year = 0, month = 0, day = 0;
    if (!detail::read_digits(s, 1, 4, a) || s.empty() || (s[0] != '-' && s[0] != '/')) return std::nullopt;
    const char sep = s[0];
    const bool year_first = text.size() >= 4 && text.find(sep) == 4;
    s.remove_prefix(1);
    if (!detail::read_digits(s, 1, 2, b) || s.empty() || s[0] != sep) return std::nullopt;
    s.remove_prefix(1);
    if (!detail::read_digits(s, year_first ? 1 : 4, year_first ? 2 : 4, c)) return std::nullopt;
    if (year_first) year = a, month = b, day = c;
    else day = a, month = b, year = c;
    static const int length[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (month < 1 || month > 12 || day < 1 || day > length[month - 1] || (month == 2 && day == 29 && !leap))
        return std::nullopt;
    int hour = 0, minute = 0, second = 0;
    const bool has_time = !s.empty();
    if (has_time) {
        if (s[0] != 'T' && s[0] != ' ') return std::nullopt;
        s.remove_prefix(1);
        if (!detail::read_digits(s, 1, 2, hour) || s.empty() || s[0] != ':') return std::nullopt;
        s.remove_prefix(1);
        if (!detail::read_digits(s, 2, 2, minute)) return std::nullopt;
        if (!s.empty() && s[0] == ':') {
            s.remove_prefix(1);
            if (!detail::read_digits(s, 2, 2, second)) return std::nullopt;
        }
        if (!s.empty() || hour > 23 || minute > 59 || second > 59) return std::nullopt;
    }
    date_time out;
    out.seconds = detail::days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 +
                  hour * 3600 + minute * 60 + second;
    char buffer[24];
    auto two = [](char* p, int v) { p[0] = char('0' + v / 10), p[1] = char('0' + v % 10); };
    buffer[0] = char('0' + year / 1000), buffer[1] = char('0' + year / 100 % 10), buffer[2] = char('0' + year / 10 % 10),
    buffer[3] = char('0' + year % 10), buffer[4] = '-';
    two(buffer + 5, month), buffer[7] = '-', two(buffer + 8, day);
    std::size_t n = 10;
    if (has_time) {
        buffer[10] = 'T', two(buffer + 11, hour), buffer[13] = ':', two(buffer + 14, minute), n = 16;
        if (second) buffer[16] = ':', two(buffer + 17, second), n = 19;
    }
    out.text.assign(buffer, n);
    return out;
}

namespace builtin {

/// The built-in incident categories: Dutch keys, English labels.
inline std::vector<category> incident_categories() {
    return {{"intimidatie", "intimidation", "Threats, harassment, name-calling."},
            {"geweld", "violence", "Physical violence against a person."},
            {"vernieling", "vandalism", "Damage to property, graffiti."},
            {"discriminatie", "discrimination", "Unequal treatment because of who someone is."},
            {"uitsluiting", "exclusion", "Being shut out of activities, places or groups."},
            {"overig", "other", "Anything else."}};
}

/// The built-in handling actions: Dutch keys, English labels, and what each means.
inline std::vector<std::pair<category, action_kind>> incident_actions() {
    return {{{"ontvangen", "received", "The report was taken in."}, action_kind::receive},
            {{"doorverwezen", "referred", "Passed on to another stakeholder."}, action_kind::refer},
            {{"opgepakt", "acted", "Something was done about it."}, action_kind::act},
            {{"geinformeerd", "informed", "The reporter or a partner was informed."}, action_kind::inform},
            {{"afgesloten", "closed", "The incident was closed."}, action_kind::close}};
}

}  // namespace builtin

/// The incident log of an alliance: the category and action taxonomies and the incidents with
/// their handling steps. An alliance owns one (alliance::incidents()); edits go through the
/// alliance, which knows the stakeholders the steps name.
class incident_log {
public:
    explicit incident_log(bool with_builtins = true) : categories_("incident category"), actions_("incident action") {
        if (!with_builtins) return;
        for (const auto& c : builtin::incident_categories()) categories_.add(c);
        for (const auto& [c, k] : builtin::incident_actions()) add_action(c, k);
    }

    const taxonomy& categories() const noexcept { return categories_; }
    const taxonomy& actions() const noexcept { return actions_; }
    /// What action @p i of actions() means.
    action_kind kind_of(std::size_t i) const { return kinds_[i]; }
    /// What the action named @p name (key or label) means; unknown_id_error otherwise.
    action_kind kind_of(std::string_view name) const { return kinds_[actions_.index_of(name)]; }

    const std::vector<incident>& incidents() const noexcept { return incidents_; }
    std::size_t size() const noexcept { return incidents_.size(); }
    bool empty() const noexcept { return incidents_.empty(); }
    std::size_t num_steps() const noexcept {
        std::size_t n = 0;
        for (const auto& x : incidents_) n += x.steps.size();
        return n;
    }

    std::optional<std::size_t> find(std::string_view id) const {
        auto it = index_.find(std::string(id));
        if (it == index_.end()) return std::nullopt;
        return it->second;
    }

    /// Adds a category to the taxonomy (see taxonomy::add). Strong guarantee.
    void add_category(category c) { categories_.add(std::move(c)); }

    /// Adds a handling action with its meaning. Strong guarantee.
    void add_action(category c, action_kind kind) {
        detail::reserve_one_more(kinds_);
        actions_.add(std::move(c));
        kinds_.push_back(kind);  // capacity reserved: cannot throw
    }

    /// Checks @p x and brings it to canonical form (keys for category and actions, ISO times,
    /// seconds filled in) without changing the log. @p known(id) says whether a stakeholder id
    /// exists, @p hint(id) gives " (did you mean ...?)" text. A problem calls
    /// @p fail(step, field, unknown, message), which must throw: step is the 0-based step or
    /// npos for the incident itself, field the name of the field at fault ("id", "reported",
    /// "category", "stakeholder", "action", "to", "time"), unknown whether a name was not found.
    template <class Known, class Hint, class Fail>
    void canonicalise(incident& x, Known&& known, Hint&& hint, Fail&& fail) const {
        constexpr std::size_t none = std::size_t(-1);
        const std::string who = "incident '" + x.id + "'";
        if (x.id.empty()) fail(none, "id", false, std::string("an incident needs a non-empty id"));
        if (find(x.id)) fail(none, "id", false, who + " already exists");
        auto when = parse_date_time(x.reported);
        if (!when)
            fail(none, "reported", false,
                 who + ": reported '" + x.reported + "' is not a date-time; expected e.g. 2022-03-01T14:30");
        x.reported = when->text;
        x.seconds = when->seconds;
        if (auto c = categories_.find(x.category)) x.category = categories_[*c].key;
        else
            fail(none, "category", true,
                 who + ": unknown category '" + x.category + "'" + did_you_mean(x.category, categories_) +
                     " (add it first if it is new)");
        std::int64_t previous = x.seconds;
        for (std::size_t i = 0; i < x.steps.size(); ++i) {
            incident_step& s = x.steps[i];
            const std::string where = who + ", step " + std::to_string(i + 1);
            if (s.stakeholder.empty()) fail(i, "stakeholder", false, where + ": no stakeholder acting");
            if (!known(s.stakeholder))
                fail(i, "stakeholder", true, where + ": unknown stakeholder '" + s.stakeholder + "'" + hint(s.stakeholder));
            auto a = actions_.find(s.action);
            if (!a)
                fail(i, "action", true,
                     where + ": unknown action '" + s.action + "'" + did_you_mean(s.action, actions_) +
                         " (add it first if it is new)");
            s.action = actions_[*a].key;
            if (kinds_[*a] == action_kind::refer && s.to.empty())
                fail(i, "to", false,
                     where + ": '" + s.action + "' passes the incident on, but to nobody; name the stakeholder it went to");
            if (!s.to.empty() && !known(s.to))
                fail(i, "to", true, where + ": unknown stakeholder '" + s.to + "'" + hint(s.to));
            auto t = parse_date_time(s.time);
            if (!t)
                fail(i, "time", false,
                     where + ": time '" + s.time + "' is not a date-time; expected e.g. 2022-03-01T14:30");
            if (t->seconds < previous)
                fail(i, "time", false,
                     where + ": time " + t->text + " is before " + (i ? "the step before it" : "the report") + " (" +
                         (i ? x.steps[i - 1].time : x.reported) + "); steps must be in time order");
            s.time = t->text;
            s.seconds = previous = t->seconds;
        }
    }

    /// Adds a canonical incident (see canonicalise). Strong guarantee.
    std::size_t insert(incident x) {
        detail::reserve_one_more(incidents_);
        const std::size_t i = incidents_.size();
        index_.emplace(x.id, i);  // may throw: nothing changed yet
        incidents_.push_back(std::move(x));
        return i;
    }

    /// Makes room for @p n incidents in all.
    void reserve(std::size_t n) {
        incidents_.reserve(n);
        index_.reserve(n);
    }

    /// Removes an incident; unknown_id_error if there is none. Strong guarantee.
    void remove(std::string_view id) {
        auto i = find(id);
        if (!i) throw unknown_id_error("unknown incident '" + std::string(id) + "'");
        std::vector<incident> kept = incidents_;
        kept.erase(kept.begin() + static_cast<std::ptrdiff_t>(*i));
        auto index = index_of(kept);
        incidents_.swap(kept);
        index_.swap(index);
    }

    /// A copy without the incidents in whose handling @p stakeholder takes part (as actor or
    /// receiver): what alliance::remove_stakeholder keeps.
    incident_log without_stakeholder(std::string_view stakeholder) const {
        incident_log out = *this;
        std::vector<incident> kept;
        for (const auto& x : incidents_) {
            bool involved = false;
            for (const auto& s : x.steps) involved = involved || s.stakeholder == stakeholder || s.to == stakeholder;
            if (!involved) kept.push_back(x);
        }
        out.index_ = index_of(kept);
        out.incidents_.swap(kept);
        return out;
    }

private:
    using id_map = std::unordered_map<std::string, std::size_t>;

    static id_map index_of(const std::vector<incident>& items) {
        id_map out;
        out.reserve(items.size());
        for (std::size_t i = 0; i < items.size(); ++i) out.emplace(items[i].id, i);
        return out;
    }

    static std::string did_you_mean(std::string_view name, const taxonomy& t) {
        std::vector<std::string> names;
        for (const auto& e : t.entries()) names.push_back(e.key), names.push_back(e.label);
        return detail::did_you_mean(name, names);
    }

    taxonomy categories_;
    taxonomy actions_;
    std::vector<action_kind> kinds_;
    std::vector<incident> incidents_;
    id_map index_;
};

}  // namespace wijknet
