/// @file
/// @brief wijknet's own file format: the whole alliance as JSON, lossless (docs/io/json.md,
/// schema docs/io/wijknet.schema.json).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "wijknet/config.hpp"
#include "wijknet/io/atomic_file.hpp"
#include "wijknet/model/alliance.hpp"

#if WIJKNET_BODIES
#include <cmath>
#include <set>

#include "wijknet/detail/file.hpp"
#include "wijknet/detail/json.hpp"
#include "wijknet/version.hpp"
#endif

namespace wijknet {

/// The version of the JSON format this wijknet writes and reads.
inline constexpr int json_format_version = 1;

/// Options of the JSON writer.
struct json_options {
    /// Write attributes marked sensitive. When false (the default) they are left out and the file
    /// lists their names under "omitted_sensitive".
    bool include_sensitive = false;
};

#if WIJKNET_BODIES
namespace detail {

/// Writes the attributes and sensitivity marks of one record; collects the names left out.
inline void json_attributes(std::string& out, const attribute_map& attributes, bool include_sensitive,
                            std::set<std::string>& omitted, const std::string& owner) {
    std::string sensitive;
    bool first = true;
    out += ", \"attributes\": {";
    for (const auto& [name, a] : attributes) {
        if (a.sensitive && !include_sensitive) {
            omitted.insert(name);
            continue;
        }
        if (!first) out += ", ";
        first = false;
        json_escape(out, name);
        out += ": ";
        if (auto s = std::get_if<std::string>(&a.value)) {
            json_escape(out, *s);
        } else if (auto d = std::get_if<double>(&a.value)) {
            if (!std::isfinite(*d))
                throw invalid_value_error(owner + ": attribute '" + name + "' is " + format_number(*d) +
                                          ", which JSON cannot hold; set it to a finite number or missing");
            out += format_number(*d);
        } else if (auto b = std::get_if<bool>(&a.value)) {
            out += *b ? "true" : "false";
        } else {
            out += "null";
        }
        if (a.sensitive) {
            if (!sensitive.empty()) sensitive += ", ";
            json_escape(sensitive, name);
        }
    }
    out += "}";
    if (!sensitive.empty()) out += ", \"sensitive\": [" + sensitive + "]";
}

inline void json_member(std::string& out, const char* key, std::string_view value, bool comma = true) {
    if (comma) out += ", ";
    json_escape(out, key);
    out += ": ";
    json_escape(out, value);
}

inline void json_list(std::string& out, const char* key, const std::vector<std::string>& values) {
    out += ", ";
    json_escape(out, key);
    out += ": [";
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i) out += ", ";
        json_escape(out, values[i]);
    }
    out += "]";
}

/// Checks and reads the JSON document tree into an alliance; every error names the value's line
/// and column.
class json_alliance_reader {
public:
    explicit json_alliance_reader(std::string file) : file_(std::move(file)) {}

    alliance read(const json_value& root) {
        require(root, json_value::type::object, "the document");
        members(root, "the document",
                {"format", "version", "generator", "builtins", "about", "roles", "themes", "relations", "waves", "templates",
                 "stakeholders", "ties", "events", "participation", "incident_categories", "incident_actions",
                 "incidents", "omitted_sensitive"});
        const json_value* format = root.find("format");
        if (!format || format->kind != json_value::type::string || format->text != "wijknet")
            fail(format ? *format : root, "expected \"format\": \"wijknet\" (is this a wijknet JSON file?)");
        const json_value* version = root.find("version");
        if (!version) fail(root, "missing member 'version'; expected \"version\": 1");
        require(*version, json_value::type::number, "'version'");
        if (version->number != std::floor(version->number) || version->number < 1)
            fail(*version, "expected a positive whole number as 'version', found " + format_number(version->number));
        if (version->number > json_format_version)
            fail(*version, "the file has format version " + format_number(version->number) +
                               ", written by a newer wijknet; this wijknet reads versions up to " +
                               std::to_string(json_format_version));
        bool with_builtins = false;
        if (auto b = root.find("builtins")) {
            require(*b, json_value::type::boolean, "'builtins'");
            with_builtins = b->boolean;
        }
        alliance a(with_builtins ? builtins::include : builtins::exclude);
        if (auto about = root.find("about")) {
            require(*about, json_value::type::object, "'about'");
            for (std::size_t i = 0; i < about->keys.size(); ++i) {
                require(about->items[i], json_value::type::string, "'about." + about->keys[i] + "'");
                try {
                    a.set_about(about->keys[i], about->items[i].text);
                } catch (const invalid_value_error& e) {
                    fail(about->items[i], e.what());
                }
            }
        }
        for_each(root, "roles", [&](const json_value& v) {
            record(v, "a role", {"key", "label", "description", "label_nl", "aliases"});
            a.add_role({text(v, "key", true), text(v, "label"), text(v, "description"), text(v, "label_nl"),
                        texts(v, "aliases")});
        });
        for_each(root, "themes", [&](const json_value& v) {
            record(v, "a theme", {"key", "label", "description", "label_nl", "aliases"});
            a.add_theme({text(v, "key", true), text(v, "label"), text(v, "description"), text(v, "label_nl"),
                         texts(v, "aliases")});
        });
        for_each(root, "relations", [&](const json_value& v) {
            record(v, "a relation", {"key", "label", "directed", "label_nl", "aliases"});
            a.add_relation({text(v, "key", true), text(v, "label"), flag(v, "directed", true), text(v, "label_nl"),
                            texts(v, "aliases")});
        });
        for_each(root, "waves", [&](const json_value& v) {
            record(v, "a wave", {"key", "label", "date"});
            a.add_wave({text(v, "key", true), text(v, "label"), text(v, "date")});
        });
        for_each(root, "templates", [&](const json_value& v) {
            record(v, "a method template", {"key", "label", "description", "roles"});
            method_template t{text(v, "key", true), text(v, "label"), text(v, "description"), {}};
            for_each(v, "roles", [&](const json_value& r) {
                record(r, "a role requirement", {"role", "level", "source"});
                role_requirement req{text(r, "role", true), requirement_level::required, text(r, "source")};
                const std::string level = text(r, "level");
                if (level == "recommended") req.level = requirement_level::recommended;
                else if (!level.empty() && level != "required")
                    fail(*r.find("level"), "expected \"required\" or \"recommended\", found \"" + level + "\"");
                t.roles.push_back(std::move(req));
            });
            a.add_template(std::move(t));
        });
        for_each(root, "stakeholders", [&](const json_value& v) {
            record(v, "a stakeholder", {"id", "name", "kind", "roles", "waves", "attributes", "sensitive"});
            stakeholder s;
            s.id = text(v, "id", true);
            s.name = text(v, "name");
            if (auto k = v.find("kind")) {
                require(*k, json_value::type::string, "'kind'");
                s.kind = parse_stakeholder_kind(k->text);
            }
            s.roles = texts(v, "roles");
            s.waves = texts(v, "waves");
            s.attributes = attributes(v);
            a.add_stakeholder(std::move(s));
        });
        for_each(root, "ties", [&](const json_value& v) {
            record(v, "a tie", {"source", "target", "relation", "wave", "weight", "attributes", "sensitive"});
            double weight = 1.0;
            if (auto w = v.find("weight")) {
                require(*w, json_value::type::number, "'weight'");
                weight = w->number;
            }
            a.add_tie(text(v, "source", true), text(v, "target", true), text(v, "relation", true),
                      text(v, "wave", true), weight, attributes(v));
        });
        for_each(root, "events", [&](const json_value& v) {
            record(v, "an event", {"id", "name", "date", "themes", "organisers", "attributes", "sensitive"});
            a.add_event({text(v, "id", true), text(v, "name"), text(v, "date"), texts(v, "themes"),
                         texts(v, "organisers"), attributes(v)});
        });
        for_each(root, "participation", [&](const json_value& v) {
            record(v, "a participation", {"stakeholder", "event", "attributes", "sensitive"});
            a.add_participation(text(v, "stakeholder", true), text(v, "event", true), attributes(v));
        });
        for_each(root, "incident_categories", [&](const json_value& v) {
            record(v, "an incident category", {"key", "label", "description", "label_nl", "aliases"});
            a.add_incident_category({text(v, "key", true), text(v, "label"), text(v, "description"),
                                     text(v, "label_nl"), texts(v, "aliases")});
        });
        for_each(root, "incident_actions", [&](const json_value& v) {
            record(v, "an incident action", {"key", "label", "description", "kind", "label_nl", "aliases"});
            const json_value* kind = v.find("kind");
            if (!kind) fail(v, "missing member 'kind' (receive, refer, act, inform or close)");
            require(*kind, json_value::type::string, "'kind'");
            action_kind k = action_kind::act;
            try {
                k = parse_action_kind(kind->text);
            } catch (const error& e) {
                fail(*kind, e.what());
            }
            a.add_incident_action(
                {text(v, "key", true), text(v, "label"), text(v, "description"), text(v, "label_nl"), texts(v, "aliases")}, k);
        });
        for_each(root, "incidents", [&](const json_value& v) {
            record(v, "an incident",
                    {"id", "reported", "category", "neighbourhood", "description", "attributes", "sensitive", "steps"});
            incident x;
            x.id = text(v, "id", true);
            x.reported = text(v, "reported", true);
            x.category = text(v, "category", true);
            x.neighbourhood = text(v, "neighbourhood");
            x.description = text(v, "description");
            x.attributes = attributes(v);
            std::vector<const json_value*> step_values;
            for_each(v, "steps", [&](const json_value& st) {
                record(st, "an incident step", {"stakeholder", "action", "to", "time", "note"});
                x.steps.push_back({text(st, "stakeholder", true), text(st, "action", true), text(st, "to"),
                                   text(st, "time", true), text(st, "note"), 0});
                step_values.push_back(&st);
            });
            a.add_incident(std::move(x), [&](std::size_t step, const char* field, bool, const std::string& what) {
                const json_value& at = step == std::size_t(-1) ? v : *step_values[step];
                const json_value* member = at.find(field);
                fail(member ? *member : at, what);
            });
        });
        if (auto o = root.find("omitted_sensitive")) {
            require(*o, json_value::type::object, "'omitted_sensitive'");
            members(*o, "'omitted_sensitive'", {"stakeholders", "ties", "events", "participation", "incidents"});
            for (std::size_t i = 0; i < o->items.size(); ++i) {
                const json_value& list = o->items[i];
                if (o->keys[i] == "incidents") {
                    require(list, json_value::type::number, "the number of incidents left out");
                    continue;
                }
                require(list, json_value::type::array, "a list of attribute names");
                for (const auto& name : list.items) require(name, json_value::type::string, "an attribute name");
            }
        }
        return a;
    }

private:
    [[noreturn]] void fail(const json_value& at, const std::string& what) const {
        throw parse_error(file_, at.line, at.column, what);
    }

    void require(const json_value& v, json_value::type kind, const std::string& what) const {
        if (v.kind != kind)
            fail(v, "expected " + std::string(json_type_name(kind)) + " as " + what + ", found " +
                        json_type_name(v.kind));
    }

    void members(const json_value& v, const std::string& what, const std::vector<std::string>& allowed) const {
        for (std::size_t i = 0; i < v.keys.size(); ++i)
            if (std::find(allowed.begin(), allowed.end(), v.keys[i]) == allowed.end()) {
                std::string known;
                for (const auto& k : allowed) known += (known.empty() ? "" : ", ") + k;
                const auto near = closest(v.keys[i], allowed);
                fail(v.items[i], "unknown member '" + v.keys[i] + "' in " + what +
                                     (near.empty() ? "; expected one of: " + known : "; did you mean " + join_or(near) + "?"));
            }
    }

    void record(const json_value& v, const std::string& what, const std::vector<std::string>& allowed) const {
        require(v, json_value::type::object, what);
        members(v, what, allowed);
    }

    /// Runs @p f on every element of the array member @p key (if present); a model error becomes
    /// a parse_error at the element.
    template <class F>
    void for_each(const json_value& parent, const char* key, F&& f) const {
        const json_value* list = parent.find(key);
        if (!list) return;
        require(*list, json_value::type::array, std::string("'") + key + "'");
        for (const auto& item : list->items) {
            try {
                f(item);
            } catch (const parse_error&) {
                throw;
            } catch (const error& e) {
                fail(item, e.what());
            }
        }
    }

    std::string text(const json_value& v, const char* key, bool required = false) const {
        const json_value* m = v.find(key);
        if (!m) {
            if (required) fail(v, std::string("missing member '") + key + "'");
            return {};
        }
        require(*m, json_value::type::string, std::string("'") + key + "'");
        return m->text;
    }

    bool flag(const json_value& v, const char* key, bool fallback) const {
        const json_value* m = v.find(key);
        if (!m) return fallback;
        require(*m, json_value::type::boolean, std::string("'") + key + "'");
        return m->boolean;
    }

    std::vector<std::string> texts(const json_value& v, const char* key) const {
        std::vector<std::string> out;
        const json_value* m = v.find(key);
        if (!m) return out;
        require(*m, json_value::type::array, std::string("'") + key + "' (a list of strings)");
        for (const auto& item : m->items) {
            require(item, json_value::type::string, std::string("an element of '") + key + "'");
            out.push_back(item.text);
        }
        return out;
    }

    attribute_map attributes(const json_value& v) const {
        attribute_map out;
        if (const json_value* m = v.find("attributes")) {
            require(*m, json_value::type::object, "'attributes'");
            for (std::size_t i = 0; i < m->keys.size(); ++i) {
                const json_value& x = m->items[i];
                attribute a;
                switch (x.kind) {
                    case json_value::type::null: break;
                    case json_value::type::boolean: a.value = x.boolean; break;
                    case json_value::type::number: a.value = x.number; break;
                    case json_value::type::string: a.value = x.text; break;
                    default:
                        fail(x, "attribute '" + m->keys[i] + "': expected null, a boolean, a number or a string, found " +
                                    json_type_name(x.kind));
                }
                out.emplace(m->keys[i], std::move(a));
            }
        }
        if (const json_value* m = v.find("sensitive")) {
            require(*m, json_value::type::array, "'sensitive' (a list of attribute names)");
            for (const auto& name : m->items) {
                require(name, json_value::type::string, "an attribute name in 'sensitive'");
                auto it = out.find(name.text);
                if (it == out.end())
                    fail(name, "'sensitive' names attribute '" + name.text + "', which is not among the attributes");
                it->second.sensitive = true;
            }
        }
        return out;
    }

    std::string file_;
};

}  // namespace detail
#endif  // WIJKNET_BODIES

/// The alliance as a JSON document of wijknet's own format (docs/io/json.md): vocabularies
/// (roles, themes, relations, waves, method templates) in full, then stakeholders, ties, events
/// and participation, one record per line, in the alliance's order. Reading it back with
/// parse_json gives an alliance equal in every field and order.
///
/// @param a       the alliance
/// @param options whether sensitive attributes are written (by default they are not; their
///                names are listed under "omitted_sensitive")
///
/// Throws invalid_value_error for a non-finite number attribute (JSON has no infinity). O(size).
WIJKNET_DECL std::string to_json(const alliance& a, const json_options& options = {});
#if WIJKNET_BODIES
WIJKNET_DECL std::string to_json(const alliance& a, const json_options& options) {
    using detail::json_escape;
    using detail::json_list;
    using detail::json_member;
    std::string out;
    out.reserve(256 + a.num_stakeholders() * 160 + a.num_ties() * 96);
    out += "{\n  \"format\": \"wijknet\",\n  \"version\": " + std::to_string(json_format_version) +
           ",\n  \"generator\": \"wijknet " + std::string(version) + "\"";
    if (!a.about().empty()) {  // only when there is any, so files without it stay as they were
        out += ",\n  \"about\": {";
        for (std::size_t i = 0; i < a.about().size(); ++i) {
            if (i) out += ", ";
            json_escape(out, a.about()[i].first);
            out += ": ";
            json_escape(out, a.about()[i].second);
        }
        out += "}";
    }
    auto section = [&](const char* name, const auto& items, auto&& write_one) {
        out += ",\n  ";
        json_escape(out, name);
        out += ": [";
        bool first = true;
        for (const auto& item : items) {
            out += first ? "\n    {" : ",\n    {";
            first = false;
            write_one(item);
            out += "}";
        }
        out += first ? "]" : "\n  ]";
    };
    // Dutch label and aliases only when there are any, so files without them stay as they were.
    auto names = [&](const std::string& label_nl, const std::vector<std::string>& aliases) {
        if (!label_nl.empty()) json_member(out, "label_nl", label_nl);
        if (!aliases.empty()) json_list(out, "aliases", aliases);
    };
    auto category_record = [&](const category& c) {
        json_member(out, "key", c.key, false);
        json_member(out, "label", c.label);
        json_member(out, "description", c.description);
        names(c.label_nl, c.aliases);
    };
    section("roles", a.roles().entries(), category_record);
    section("themes", a.themes().entries(), category_record);
    section("relations", a.relations(), [&](const relation& r) {
        json_member(out, "key", r.key, false);
        json_member(out, "label", r.label);
        out += std::string(", \"directed\": ") + (r.directed ? "true" : "false");
        names(r.label_nl, r.aliases);
    });
    section("waves", a.waves(), [&](const wave& w) {
        json_member(out, "key", w.key, false);
        json_member(out, "label", w.label);
        json_member(out, "date", w.date);
    });
    section("templates", a.templates(), [&](const method_template& t) {
        json_member(out, "key", t.key, false);
        json_member(out, "label", t.label);
        json_member(out, "description", t.description);
        out += ", \"roles\": [";
        for (std::size_t i = 0; i < t.roles.size(); ++i) {
            out += i ? ",\n      {" : "\n      {";
            json_member(out, "role", t.roles[i].role, false);
            json_member(out, "level", to_string(t.roles[i].level));
            json_member(out, "source", t.roles[i].source);
            out += "}";
        }
        out += t.roles.empty() ? "]" : "\n    ]";
    });
    std::set<std::string> omitted_s, omitted_t, omitted_e, omitted_p;
    const bool all = options.include_sensitive;
    section("stakeholders", a.stakeholders(), [&](const stakeholder& s) {
        json_member(out, "id", s.id, false);
        json_member(out, "name", s.name);
        json_member(out, "kind", to_string(s.kind));
        json_list(out, "roles", s.roles);
        json_list(out, "waves", s.waves);
        detail::json_attributes(out, s.attributes, all, omitted_s, "stakeholder '" + s.id + "'");
    });
    section("ties", a.ties(), [&](const tie& t) {
        json_member(out, "source", a.stakeholders()[t.source].id, false);
        json_member(out, "target", a.stakeholders()[t.target].id);
        json_member(out, "relation", a.relations()[t.relation].key);
        json_member(out, "wave", a.waves()[t.wave].key);
        out += ", \"weight\": " + format_number(t.weight);
        detail::json_attributes(out, t.attributes, all, omitted_t, a.describe(t));
    });
    section("events", a.events(), [&](const event& e) {
        json_member(out, "id", e.id, false);
        json_member(out, "name", e.name);
        json_member(out, "date", e.date);
        json_list(out, "themes", e.themes);
        json_list(out, "organisers", e.organisers);
        detail::json_attributes(out, e.attributes, all, omitted_e, "event '" + e.id + "'");
    });
    section("participation", a.participations(), [&](const participation& p) {
        json_member(out, "stakeholder", a.stakeholders()[p.stakeholder].id, false);
        json_member(out, "event", a.events()[p.event].id);
        detail::json_attributes(out, p.attributes, all, omitted_p,
                                "participation of '" + a.stakeholders()[p.stakeholder].id + "'");
    });
    section("incident_categories", a.incidents().categories().entries(), category_record);
    {
        std::size_t i = 0;
        section("incident_actions", a.incidents().actions().entries(), [&](const category& c) {
            category_record(c);
            json_member(out, "kind", to_string(a.incidents().kind_of(i++)));
        });
    }
    // Every incident field is sensitive: the log is written only when sensitive data is asked for.
    const std::size_t omitted_incidents = all ? 0 : a.incidents().size();
    if (all)
        section("incidents", a.incidents().incidents(), [&](const incident& x) {
            json_member(out, "id", x.id, false);
            json_member(out, "reported", x.reported);
            json_member(out, "category", x.category);
            json_member(out, "neighbourhood", x.neighbourhood);
            json_member(out, "description", x.description);
            std::set<std::string> unused;
            detail::json_attributes(out, x.attributes, true, unused, "incident '" + x.id + "'");
            out += ", \"steps\": [";
            for (std::size_t k = 0; k < x.steps.size(); ++k) {
                const incident_step& st = x.steps[k];
                out += k ? ",\n      {" : "\n      {";
                json_member(out, "stakeholder", st.stakeholder, false);
                json_member(out, "action", st.action);
                if (!st.to.empty()) json_member(out, "to", st.to);
                json_member(out, "time", st.time);
                if (!st.note.empty()) json_member(out, "note", st.note);
                out += "}";
            }
            out += x.steps.empty() ? "]" : "\n    ]";
        });
    if (!omitted_s.empty() || !omitted_t.empty() || !omitted_e.empty() || !omitted_p.empty() || omitted_incidents) {
        out += ",\n  \"omitted_sensitive\": {";
        bool first = true;
        for (const auto& [name, set] : {std::pair<const char*, const std::set<std::string>*>{"stakeholders", &omitted_s},
                                        {"ties", &omitted_t},
                                        {"events", &omitted_e},
                                        {"participation", &omitted_p}}) {
            if (set->empty()) continue;
            if (!first) out += ",";
            first = false;
            out += "\n    ";
            json_escape(out, name);
            out += ": [";
            bool first_name = true;
            for (const auto& n : *set) {
                if (!first_name) out += ", ";
                first_name = false;
                json_escape(out, n);
            }
            out += "]";
        }
        if (omitted_incidents)
            out += std::string(first ? "" : ",") + "\n    \"incidents\": " + std::to_string(omitted_incidents);
        out += "\n  }";
    }
    out += "\n}\n";
    return out;
}
#endif

/// Writes the alliance to a JSON file, atomically (see write_file_atomically).
///
/// @param a       the alliance
/// @param path    the file to create or replace
/// @param options whether sensitive attributes are written (see json_options)
WIJKNET_DECL void write_json(const alliance& a, const std::string& path, const json_options& options = {});
#if WIJKNET_BODIES
WIJKNET_DECL void write_json(const alliance& a, const std::string& path, const json_options& options) {
    const std::string text = to_json(a, options);
    write_file_atomically(path, [&](std::ostream& out) { out.write(text.data(), static_cast<std::streamsize>(text.size())); });
}
#endif

/// Reads an alliance from JSON text of wijknet's format.
///
/// @param text the JSON document
/// @param file the file name used in error messages (may be empty)
///
/// The alliance starts without built-ins unless the document says "builtins": true; every
/// vocabulary entry it uses must be in the file. Throws parse_error naming line and column of
/// the offending value: JSON syntax, a missing or unknown member, a value of the wrong type, a
/// newer format version, or a model rule broken (unknown role, duplicate id ...). Nothing is
/// returned half-built. O(size of the text).
WIJKNET_DECL alliance parse_json(std::string_view text, const std::string& file = "");
#if WIJKNET_BODIES
WIJKNET_DECL alliance parse_json(std::string_view text, const std::string& file) {
    const detail::json_value root = detail::json_parser(text, file).parse();
    return detail::json_alliance_reader(file).read(root);
}
#endif

/// Reads an alliance from a JSON file of wijknet's format (see parse_json).
///
/// @param path the file
WIJKNET_DECL alliance read_json(const std::string& path);
#if WIJKNET_BODIES
WIJKNET_DECL alliance read_json(const std::string& path) { return parse_json(detail::read_file(path), path); }
#endif

}  // namespace wijknet
