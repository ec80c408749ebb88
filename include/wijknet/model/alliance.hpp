/// @file
/// @brief wijknet::alliance: the whole model of one neighbourhood alliance.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "wijknet/detail/bits.hpp"
#include "wijknet/detail/containers.hpp"
#include "wijknet/detail/flat_index.hpp"
#include "wijknet/detail/text.hpp"
#include "wijknet/error.hpp"
#include "wijknet/model/builtin.hpp"
#include "wijknet/model/entities.hpp"
#include "wijknet/model/incidents.hpp"
#include "wijknet/model/method_template.hpp"
#include "wijknet/model/taxonomy.hpp"

namespace wijknet {

/// Whether a new alliance starts with the built-in roles, themes, relations and templates.
enum class builtins { include, exclude };

/// The model of one alliance: its stakeholders with their roles, typed ties per wave, events and
/// who took part in them, plus the taxonomies (roles, themes), relations, waves and method
/// templates those refer to.
///
/// Invariants, kept by every edit:
/// - stakeholder and event ids are unique and non-empty;
/// - every role, theme, relation, wave and template key an object uses is declared;
/// - a tie joins two known stakeholders, both present in the tie's wave; there is at most one tie
///   per (source, target, relation, wave), and for an undirected relation (a, b) and (b, a) are
///   the same tie;
/// - a stakeholder takes part in an event at most once; organisers are known stakeholders.
///
/// Every edit gives the strong exception guarantee: if it throws, the alliance is exactly as it
/// was. Errors name the offending id and, for unknown names, the closest known ones.
///
/// Indices (index_t) address stakeholders, ties, events and participations in their vectors;
/// removing an object shifts the indices after it. Ids are the stable handles.
///
/// Threads: as a standard container. Any number of threads may use the const members (and
/// build snapshots, summaries, diagnostics, or write the alliance) at once; an edit needs
/// exclusive access, which the caller provides (e.g. a std::shared_mutex, shared for readers).
/// An edit may reallocate every vector, so references and pointers into the alliance are only
/// good until the next edit; a snapshot owns its data and stays valid. The Python bindings use
/// the GIL as this lock (docs/model.md, "Threads").
class alliance {
public:
    /// A new alliance; by default with the built-in roles, themes, relations (collaboration,
    /// information, referral, trust) and method templates (samen_in_de_wijk, alle_kleuren).
    explicit alliance(builtins with = builtins::include)
        : roles_("role"), themes_("theme"), incidents_(with == builtins::include) {
        if (with == builtins::exclude) return;
        for (const auto& r : builtin::roles()) roles_.add(r);
        for (const auto& t : builtin::themes()) themes_.add(t);
        for (const auto& r : builtin::relations()) add_relation(r);
        for (const auto& t : builtin::templates()) add_template(t);
    }

    // ---------------------------------------------------------------- vocabularies

    const taxonomy& roles() const noexcept { return roles_; }
    const taxonomy& themes() const noexcept { return themes_; }
    const std::vector<relation>& relations() const noexcept { return relations_; }
    const std::vector<wave>& waves() const noexcept { return waves_; }
    const std::vector<method_template>& templates() const noexcept { return templates_; }

    /// Adds a role to the taxonomy (see taxonomy::add for the rules).
    void add_role(category role) { roles_.add(std::move(role)); }
    /// Adds an event theme to the taxonomy.
    void add_theme(category theme) { themes_.add(std::move(theme)); }

    /// Declares a tie type. Throws duplicate_id_error if its key, label, Dutch label or an alias
    /// already names another relation. Strong guarantee.
    void add_relation(relation r) {
        require_key(r.key, "relation");
        if (r.label.empty()) r.label = r.key;
        if (auto clash = relation_names_.clash(r.names(), relations_.size()))
            throw duplicate_id_error("relation '" + clash->first + "' already exists" +
                                     (relations_[clash->second].key == clash->first
                                          ? std::string()
                                          : " (as '" + relations_[clash->second].key + "')"));
        if (relations_.size() >= std::numeric_limits<std::uint16_t>::max())
            throw invalid_value_error("too many relations (at most 65535)");
        detail::reserve_one_more(relations_);
        relation_names_.add(r.names(), relations_.size());
        relations_.push_back(std::move(r));
    }

    // ---------------------------------------------------------------- what the data describe

    /// What the data describe, for the title of a report: text by key, in the order first set. The
    /// keys reports know are neighbourhood, municipality, source, date, author and organisation; any
    /// other key is kept too. Never sensitive: a report prints it, so it holds no person's data
    /// unless that person wants it there (an author's name).
    const std::vector<std::pair<std::string, std::string>>& about() const noexcept { return about_; }

    /// Sets one entry of about(); an empty value removes it. Throws invalid_value_error for an
    /// empty key or a line break in the value (a title is one line). Strong guarantee.
    void set_about(const std::string& key, std::string value) {
        require_key(key, "description entry");
        if (value.find_first_of("\r\n") != std::string::npos)
            throw invalid_value_error("about '" + key + "': the value is one line of text, found a line break");
        auto it = std::find_if(about_.begin(), about_.end(), [&](const auto& e) { return e.first == key; });
        if (value.empty()) {
            if (it != about_.end()) about_.erase(it);
        } else if (it != about_.end()) {
            it->second = std::move(value);
        } else {
            about_.emplace_back(key, std::move(value));
        }
    }

    /// Declares a wave, after the waves already declared (declaration order is time order).
    void add_wave(wave w) {
        require_key(w.key, "wave");
        if (find_wave(w.key)) throw duplicate_id_error("wave '" + w.key + "' already exists");
        if (waves_.size() >= std::numeric_limits<std::uint16_t>::max())
            throw invalid_value_error("too many waves (at most 65535)");
        w.date = canonical_date(w.date, "wave '" + w.key + "'");
        // Waves are in time order: every comparison of "before" and "after" relies on it.
        if (!w.date.empty())
            for (const auto& earlier : waves_)
                if (!earlier.date.empty() && earlier.date > w.date)
                    throw invalid_value_error("wave '" + w.key + "' is dated " + w.date + ", before wave '" +
                                              earlier.key + "' (" + earlier.date +
                                              "); expected the waves in time order, the first measurement first");
        if (w.label.empty()) w.label = w.key;
        waves_.push_back(std::move(w));
    }

    /// Adds a method template. Its role names are looked up in the role taxonomy (key or label)
    /// and stored as keys. Throws duplicate_id_error for a taken key, unknown_id_error for an
    /// unknown role.
    void add_template(method_template t) {
        require_key(t.key, "method template");
        if (find_template(t.key)) throw duplicate_id_error("method template '" + t.key + "' already exists");
        for (auto& r : t.roles) r.role = roles_.at(r.role).key;
        if (t.label.empty()) t.label = t.key;
        templates_.push_back(std::move(t));
    }

    /// Index of the relation with this key, or else with this label, Dutch label or alias (ignoring
    /// case, accents, '_', '-' and spaces: "Doorverwijzing" finds referral), if any.
    std::optional<std::size_t> find_relation(std::string_view name) const {
        if (auto i = find_key(relations_, name)) return i;
        return relation_names_.find(name);
    }
    std::optional<std::size_t> find_wave(std::string_view key) const { return find_key(waves_, key); }
    std::optional<std::size_t> find_template(std::string_view key) const { return find_key(templates_, key); }

    /// Index of a relation by key, label, Dutch label or alias (as find_relation); unknown_id_error
    /// with the closest keys otherwise.
    std::size_t relation_index(std::string_view name) const {
        if (auto i = find_relation(name)) return *i;
        // The closest of every name a relation answers to ("samenwerkin" -> 'samenwerking'),
        // else the keys.
        std::vector<std::string> names;
        for (const auto& r : relations_)
            for (auto& n : r.names()) names.push_back(std::move(n));
        const auto near = detail::closest(name, names);
        if (near.empty()) return index_or_throw(relations_, name, "relation");
        throw unknown_id_error("unknown relation '" + std::string(name) + "'; did you mean " + detail::join_or(near) + "?");
    }
    /// Index of a wave; unknown_id_error with the closest keys otherwise.
    std::size_t wave_index(std::string_view key) const { return index_or_throw(waves_, key, "wave"); }
    /// A method template by key; unknown_id_error with the closest keys otherwise.
    const method_template& template_at(std::string_view key) const {
        return templates_[index_or_throw(templates_, key, "method template")];
    }

    // ---------------------------------------------------------------- stakeholders

    const std::vector<stakeholder>& stakeholders() const noexcept { return stakeholders_; }
    std::size_t num_stakeholders() const noexcept { return stakeholders_.size(); }

    std::optional<index_t> find_stakeholder(std::string_view id) const {
        return stakeholder_index_.find(id_hash(id), [&](index_t i) { return stakeholders_[i].id == id; });
    }

    /// A hint for readers resolving many ids: start fetching what find_stakeholder(@p id) will
    /// read, some look-ups ahead. With @p record false the index slot is fetched; with true (a few
    /// look-ups later, when the slot has arrived) the stakeholder record it points to. Changes
    /// nothing and never fails.
    void prefetch_stakeholder(std::string_view id, bool record = false) const noexcept {
        const std::uint64_t h = id_hash(id);
        if (!record) return stakeholder_index_.prefetch(h);
#if defined(__GNUC__) || defined(__clang__)
        if (auto i = stakeholder_index_.guess(h)) detail::prefetch(&stakeholders_[*i]);
#endif
    }

    /// Index of a stakeholder; unknown_id_error naming the closest ids otherwise.
    index_t stakeholder_index(std::string_view id) const {
        if (auto i = find_stakeholder(id)) return *i;
        std::vector<std::string> ids;
        ids.reserve(stakeholders_.size());
        for (const auto& s : stakeholders_) ids.push_back(s.id);
        throw unknown_id_error("unknown stakeholder '" + std::string(id) + "'" + detail::did_you_mean(id, ids));
    }

    const stakeholder& stakeholder_at(std::string_view id) const { return stakeholders_[stakeholder_index(id)]; }

    /// Adds a stakeholder and returns its index. Roles may be given by key or English label and
    /// are stored as keys, without repeats; waves must be declared. Throws duplicate_id_error,
    /// unknown_id_error (role, wave) or invalid_value_error (empty id). Strong guarantee.
    index_t add_stakeholder(stakeholder s) {
        require_key(s.id, "stakeholder");
        if (find_stakeholder(s.id)) throw duplicate_id_error("stakeholder '" + s.id + "' already exists");
        canonicalise(s);
        detail::reserve_one_more(stakeholders_);
        const auto index = static_cast<index_t>(stakeholders_.size());
        stakeholder_index_.insert(id_hash(s.id), index);  // may throw: nothing changed yet
        stakeholders_.push_back(std::move(s));    // capacity reserved: cannot throw
        return index;
    }

    /// Replaces the record of the stakeholder with the same id (name, kind, roles, waves,
    /// attributes). Throws unknown_id_error if there is none, and invalid_value_error if the new
    /// waves would leave one of its ties in a wave it no longer takes part in. Strong guarantee.
    void update_stakeholder(stakeholder s) {
        const index_t i = stakeholder_index(s.id);
        canonicalise(s);
        for (const auto& t : ties_) {
            if (t.source != i && t.target != i) continue;
            if (!in_waves(s.waves, waves_[t.wave].key))
                throw invalid_value_error("stakeholder '" + s.id + "' has a " + relations_[t.relation].key +
                                          " tie in wave '" + waves_[t.wave].key +
                                          "'; keep that wave in its waves or remove the tie first");
        }
        stakeholders_[i] = std::move(s);
    }

    /// Removes a stakeholder together with its ties and participations, and takes it off the
    /// organiser lists of events. Throws unknown_id_error if the id is unknown. Strong guarantee.
    void remove_stakeholder(std::string_view id) {
        const index_t gone = stakeholder_index(id);
        auto shift = [gone](index_t i) { return i > gone ? i - 1 : i; };

        // Build everything new aside, then swap: nothing observable changes until all succeeded.
        std::vector<stakeholder> stakeholders = stakeholders_;
        stakeholders.erase(stakeholders.begin() + gone);
        std::vector<tie> ties;
        ties.reserve(ties_.size());
        for (const auto& t : ties_) {
            if (t.source == gone || t.target == gone) continue;
            ties.push_back(t);
            ties.back().source = shift(t.source);
            ties.back().target = shift(t.target);
        }
        std::vector<participation> participations;
        for (const auto& p : participations_) {
            if (p.stakeholder == gone) continue;
            participations.push_back(p);
            participations.back().stakeholder = shift(p.stakeholder);
        }
        std::vector<event> events = events_;
        for (auto& e : events)
            e.organisers.erase(std::remove(e.organisers.begin(), e.organisers.end(), std::string(id)),
                               e.organisers.end());
        auto stakeholder_index = index_stakeholders(stakeholders);
        auto tie_index = index_ties(ties);
        auto participation_index = index_participations(participations);
        incident_log incidents = incidents_.without_stakeholder(id);

        stakeholders_.swap(stakeholders);
        stakeholder_index_.swap(stakeholder_index);
        ties_.swap(ties);
        tie_index_.swap(tie_index);
        participations_.swap(participations);
        participation_index_.swap(participation_index);
        events_.swap(events);
        std::swap(incidents_, incidents);
    }

    /// True when stakeholder @p s takes part in wave @p w (its waves list is empty or names w).
    bool present(index_t s, std::size_t w) const { return in_waves(stakeholders_[s].waves, waves_[w].key); }

    // ---------------------------------------------------------------- ties

    const std::vector<tie>& ties() const noexcept { return ties_; }
    std::size_t num_ties() const noexcept { return ties_.size(); }

    /// Index of the tie (source, target, relation, wave), if there is one. For an undirected
    /// relation the order of source and target does not matter.
    std::optional<index_t> find_tie(std::string_view source, std::string_view target, std::string_view relation,
                                    std::string_view wave) const {
        auto s = find_stakeholder(source), t = find_stakeholder(target);
        auto r = find_relation(relation), w = find_wave(wave);
        if (!s || !t || !r || !w) return std::nullopt;
        return find_tie(key_of(*s, *t, *r, *w), ties_);
    }

    /// Index of the tie (source, target, relation, wave) given by indices, if there is one; for an
    /// undirected relation the order of the ends does not matter. For readers merging listings.
    std::optional<index_t> find_tie(index_t source, index_t target, std::size_t relation, std::size_t wave) const {
        if (source >= stakeholders_.size() || target >= stakeholders_.size() || relation >= relations_.size() ||
            wave >= waves_.size())
            return std::nullopt;
        return find_tie(key_of(source, target, relation, wave), ties_);
    }

    /// Replaces the weight and attributes of tie @p i (its ends, relation and wave stay). Throws
    /// unknown_id_error for an index out of range, invalid_value_error for a weight that is not
    /// finite. Strong guarantee.
    void update_tie(index_t i, double weight, attribute_map attributes) {
        if (i >= ties_.size())
            throw unknown_id_error("no tie with index " + std::to_string(i) + " (there are " +
                                   std::to_string(ties_.size()) + ")");
        if (!std::isfinite(weight))
            throw invalid_value_error(describe(ties_[i]) + ": weight must be a finite number, got " + format_number(weight));
        ties_[i].weight = weight;
        ties_[i].attributes.swap(attributes);
    }

    /// Adds a tie and returns its index.
    ///
    /// @param source     id of the stakeholder the tie starts from
    /// @param target     id of the stakeholder the tie goes to
    /// @param relation   relation key (for an undirected one the order of source and target does not matter)
    /// @param wave       wave key; both stakeholders must take part in it
    /// @param attributes free attributes of the tie (survey item, note ...)
    /// @param weight a finite number (intensity, frequency, trust score ...); how algorithms
    ///               read it (strength or distance) is theirs to document.
    /// Throws unknown_id_error (stakeholder, relation, wave), duplicate_id_error (the same tie
    /// exists), invalid_value_error (weight not finite, a stakeholder not present in the wave).
    /// Self-ties are accepted; each algorithm documents what it does with them. Strong guarantee.
    index_t add_tie(std::string_view source, std::string_view target, std::string_view relation,
                    std::string_view wave, double weight = 1.0, attribute_map attributes = {}) {
        tie t;
        t.source = stakeholder_index(source);
        t.target = stakeholder_index(target);
        t.relation = static_cast<std::uint16_t>(relation_index(relation));
        t.wave = static_cast<std::uint16_t>(wave_index(wave));
        t.weight = weight;
        t.attributes = std::move(attributes);
        return insert_tie(std::move(t));
    }

    /// Makes room for @p n ties in all, so that a reader adding many does not grow step by step.
    /// Changes nothing observable.
    void reserve_ties(std::size_t n) {
        ties_.reserve(n);
        tie_index_.reserve(n);
    }

    /// Adds a tie given by indices (for readers that resolved ids already); same checks as above.
    index_t insert_tie(tie t) {
        auto [index, added] = emplace_tie(std::move(t));
        if (!added) throw duplicate_id_error(describe(t) + " already exists");  // t was left as it was
        return index;
    }

    /// As insert_tie, but a tie that exists already (same ends, relation and wave; for an
    /// undirected relation in either order) is no error: its index is returned with false, and
    /// @p t and the alliance are left as they were. With one look-up, for readers that combine
    /// repeated listings (tie_listings). Strong guarantee.
    std::pair<index_t, bool> emplace_tie(tie&& t) {
        if (t.source >= stakeholders_.size() || t.target >= stakeholders_.size())
            throw unknown_id_error("tie refers to stakeholder index " +
                                   std::to_string(std::max(t.source, t.target)) + ", but there are only " +
                                   std::to_string(stakeholders_.size()) + " stakeholders");
        if (t.relation >= relations_.size() || t.wave >= waves_.size())
            throw unknown_id_error("tie refers to an undeclared relation or wave index");
        auto what = [&] { return describe(t); };  // only built when there is an error
        if (!std::isfinite(t.weight))
            throw invalid_value_error(what() + ": weight must be a finite number, got " + format_number(t.weight));
        for (index_t s : {t.source, t.target})
            if (!present(s, t.wave))
                throw invalid_value_error(what() + ": stakeholder '" + stakeholders_[s].id +
                                          "' does not take part in wave '" + waves_[t.wave].key +
                                          "' (add the wave to its waves first)");
        const auto key = key_of(t.source, t.target, t.relation, t.wave);
        if (auto found = find_tie(key, ties_)) return {*found, false};
        detail::reserve_one_more(ties_);
        const auto index = static_cast<index_t>(ties_.size());
        tie_index_.insert(tie_key_hash()(key), index);
        ties_.push_back(std::move(t));
        return {index, true};
    }

    /// Removes the tie (source, target, relation, wave); unknown_id_error if there is none.
    /// Strong guarantee.
    void remove_tie(std::string_view source, std::string_view target, std::string_view relation,
                    std::string_view wave) {
        auto found = find_tie(source, target, relation, wave);
        if (!found)
            throw unknown_id_error("no " + std::string(relation) + " tie '" + std::string(source) + "' -> '" +
                                   std::string(target) + "' in wave '" + std::string(wave) + "'");
        std::vector<tie> ties = ties_;
        ties.erase(ties.begin() + *found);
        auto index = index_ties(ties);
        ties_.swap(ties);
        tie_index_.swap(index);
    }

    /// "referral tie 'a' -> 'b' in wave 'T0'" (undirected: "collaboration tie 'a' -- 'b' ...").
    std::string describe(const tie& t) const {
        const bool directed = relations_[t.relation].directed;
        return relations_[t.relation].key + " tie '" + stakeholders_[t.source].id + (directed ? "' -> '" : "' -- '") +
               stakeholders_[t.target].id + "' in wave '" + waves_[t.wave].key + "'";
    }

    // ---------------------------------------------------------------- events

    const std::vector<event>& events() const noexcept { return events_; }
    const std::vector<participation>& participations() const noexcept { return participations_; }

    std::optional<index_t> find_event(std::string_view id) const {
        auto it = event_index_.find(std::string(id));
        if (it == event_index_.end()) return std::nullopt;
        return it->second;
    }

    /// Index of an event; unknown_id_error naming the closest ids otherwise.
    index_t event_index(std::string_view id) const {
        if (auto i = find_event(id)) return *i;
        std::vector<std::string> ids;
        for (const auto& e : events_) ids.push_back(e.id);
        throw unknown_id_error("unknown event '" + std::string(id) + "'" + detail::did_you_mean(id, ids));
    }

    /// Adds an event; themes by key or label (stored as keys), organisers must be known
    /// stakeholders. Throws duplicate_id_error, unknown_id_error, invalid_value_error. Strong guarantee.
    index_t add_event(event e) {
        require_key(e.id, "event");
        if (find_event(e.id)) throw duplicate_id_error("event '" + e.id + "' already exists");
        e.date = canonical_date(e.date, "event '" + e.id + "'");
        for (auto& theme : e.themes) theme = themes_.at(theme).key;
        dedupe(e.themes);
        for (const auto& o : e.organisers) {
            try {
                stakeholder_index(o);
            } catch (const unknown_id_error& err) {
                throw unknown_id_error("event '" + e.id + "': organiser " + err.what());
            }
        }
        dedupe(e.organisers);
        if (e.name.empty()) e.name = e.id;
        detail::reserve_one_more(events_);
        const auto index = static_cast<index_t>(events_.size());
        event_index_.emplace(e.id, index);
        events_.push_back(std::move(e));
        return index;
    }

    /// Removes an event and everyone's participation in it. Strong guarantee.
    void remove_event(std::string_view id) {
        const index_t gone = event_index(id);
        std::vector<event> events = events_;
        events.erase(events.begin() + gone);
        std::vector<participation> participations;
        for (const auto& p : participations_) {
            if (p.event == gone) continue;
            participations.push_back(p);
            if (p.event > gone) --participations.back().event;
        }
        auto event_index = index_ids(events);
        auto participation_index = index_participations(participations);
        events_.swap(events);
        event_index_.swap(event_index);
        participations_.swap(participations);
        participation_index_.swap(participation_index);
    }

    /// Records that a stakeholder took part in an event. Throws unknown_id_error or
    /// duplicate_id_error (already recorded). Strong guarantee.
    index_t add_participation(std::string_view stakeholder_id, std::string_view event_id,
                              attribute_map attributes = {}) {
        participation p;
        p.stakeholder = stakeholder_index(stakeholder_id);
        p.event = event_index(event_id);
        p.attributes = std::move(attributes);
        const auto key = pair_key(p.stakeholder, p.event);
        if (participation_index_.count(key))
            throw duplicate_id_error("participation of '" + std::string(stakeholder_id) + "' in event '" +
                                     std::string(event_id) + "' already exists");
        detail::reserve_one_more(participations_);
        const auto index = static_cast<index_t>(participations_.size());
        participation_index_.emplace(key, index);
        participations_.push_back(std::move(p));
        return index;
    }

    /// Removes a participation; unknown_id_error if it is not recorded. Strong guarantee.
    void remove_participation(std::string_view stakeholder_id, std::string_view event_id) {
        auto it = participation_index_.find(pair_key(stakeholder_index(stakeholder_id), event_index(event_id)));
        if (it == participation_index_.end())
            throw unknown_id_error("'" + std::string(stakeholder_id) + "' has no participation in event '" +
                                   std::string(event_id) + "'");
        std::vector<participation> participations = participations_;
        participations.erase(participations.begin() + it->second);
        auto index = index_participations(participations);
        participations_.swap(participations);
        participation_index_.swap(index);
    }

    // ---------------------------------------------------------------- incidents

    /// The incident log: categories, handling actions, incidents and their steps.
    const incident_log& incidents() const noexcept { return incidents_; }

    /// Adds an incident category (Dutch key, English label). Strong guarantee.
    void add_incident_category(category c) { incidents_.add_category(std::move(c)); }

    /// Adds a handling action (Dutch key, English label) with its meaning. Strong guarantee.
    void add_incident_action(category c, action_kind kind) { incidents_.add_action(std::move(c), kind); }

    /// Adds an incident with its handling steps and returns its index.
    ///
    /// Category and actions may be given by key or English label and are stored as keys; times
    /// are stored as ISO 8601 text. Throws duplicate_id_error (id taken), unknown_id_error
    /// (category, action, or a stakeholder a step names) or invalid_value_error (empty id, a
    /// time that is not a date-time, steps out of time order or before the report, a referral
    /// to nobody); the message names the incident and the step (1-based). Strong guarantee.
    std::size_t add_incident(incident x) {
        return add_incident(std::move(x), [](std::size_t, const char*, bool unknown, const std::string& message) {
            if (unknown) throw unknown_id_error(message);
            if (message.find("already exists") != std::string::npos) throw duplicate_id_error(message);
            throw invalid_value_error(message);
        });
    }

    /// As add_incident(incident), with the caller's @p fail(step, field, unknown, message) (which
    /// must throw) in place of the default exceptions: readers use it to point at file, line and
    /// column.
    template <class Fail>
    std::size_t add_incident(incident x, Fail&& fail) {
        incidents_.canonicalise(
            x, [&](std::string_view id) { return find_stakeholder(id).has_value(); },
            [&](std::string_view id) {
                std::vector<std::string> ids;
                for (const auto& s : stakeholders_) ids.push_back(s.id);
                return detail::did_you_mean(id, ids);
            },
            fail);
        return incidents_.insert(std::move(x));
    }

    /// Makes room for @p n incidents in all.
    void reserve_incidents(std::size_t n) { incidents_.reserve(n); }

    /// Removes an incident; unknown_id_error if there is none. Strong guarantee.
    void remove_incident(std::string_view id) { incidents_.remove(id); }

private:
    struct tie_key {
        std::uint64_t pair;
        std::uint32_t relation_wave;
        friend bool operator==(const tie_key& a, const tie_key& b) {
            return a.pair == b.pair && a.relation_wave == b.relation_wave;
        }
    };
    struct tie_key_hash {
        std::size_t operator()(const tie_key& k) const noexcept {
            // splitmix64 finaliser: every input bit reaches the low bits the index probes with.
            std::uint64_t x = k.pair ^ (std::uint64_t(k.relation_wave) * 0x9E3779B97F4A7C15ull);
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
            return static_cast<std::size_t>(x ^ (x >> 31));
        }
    };
    using id_map = std::unordered_map<std::string, index_t>;

    static std::uint64_t id_hash(std::string_view id) { return std::hash<std::string_view>()(id); }

    std::optional<index_t> find_tie(const tie_key& key, const std::vector<tie>& ties) const {
        return tie_index_.find(tie_key_hash()(key), [&](index_t i) {
            const tie& t = ties[i];
            return key == key_of(t.source, t.target, t.relation, t.wave);
        });
    }
    using pair_map = std::unordered_map<std::uint64_t, index_t>;

    /// Room for one more element, growing geometrically (reserve(size() + 1) would reallocate on
    /// every insertion and make building an alliance quadratic).
    static std::uint64_t pair_key(index_t a, index_t b) { return (std::uint64_t(a) << 32) | b; }

    tie_key key_of(index_t s, index_t t, std::size_t r, std::size_t w) const {
        if (!relations_[r].directed && t < s) std::swap(s, t);
        return {pair_key(s, t), static_cast<std::uint32_t>((r << 16) | w)};
    }

    template <class T>
    static std::optional<std::size_t> find_key(const std::vector<T>& items, std::string_view key) {
        for (std::size_t i = 0; i < items.size(); ++i)
            if (items[i].key == key) return i;
        return std::nullopt;
    }

    template <class T>
    static std::size_t index_or_throw(const std::vector<T>& items, std::string_view key, const char* kind) {
        if (auto i = find_key(items, key)) return *i;
        std::vector<std::string> keys;
        for (const auto& x : items) keys.push_back(x.key);
        std::string hint = keys.empty() ? std::string("; none is declared yet") : detail::did_you_mean(key, keys);
        throw unknown_id_error("unknown " + std::string(kind) + " '" + std::string(key) + "'" + hint);
    }

    /// @p date as "YYYY-MM-DD" (or "YYYY-MM-DDTHH:MM" with a time): ISO dates and the day-first
    /// dates Dutch spreadsheets write (23-10-2021, 23/10/2021) are read, anything else is an
    /// invalid_value_error naming @p whose. Empty stays empty (no date). Dates are compared as
    /// text (events sorted, waves ordered), which only the canonical form makes right.
    static std::string canonical_date(const std::string& date, const std::string& whose) {
        if (date.empty()) return {};
        if (auto d = parse_date_time(date)) return d->text;
        throw invalid_value_error(whose + ": date '" + date +
                                  "' is not a date; write it as year-month-day (2021-10-23) or day-month-year "
                                  "(23-10-2021)");
    }

    static void require_key(const std::string& key, const char* kind) {
        if (key.empty()) throw invalid_value_error(std::string("a ") + kind + " needs a non-empty id");
    }

    static bool in_waves(const std::vector<std::string>& waves, const std::string& key) {
        return waves.empty() || std::find(waves.begin(), waves.end(), key) != waves.end();
    }

    static void dedupe(std::vector<std::string>& items) {
        std::vector<std::string> seen;
        for (auto& x : items)
            if (std::find(seen.begin(), seen.end(), x) == seen.end()) seen.push_back(std::move(x));
        items.swap(seen);
    }

    /// Role names to keys, waves checked, repeats dropped, name defaulted; throws, never changes *this.
    void canonicalise(stakeholder& s) const {
        for (auto& r : s.roles) {
            try {
                r = roles_.at(r).key;
            } catch (const unknown_id_error& err) {
                throw unknown_id_error("stakeholder '" + s.id + "': " + err.what());
            }
        }
        dedupe(s.roles);
        for (const auto& w : s.waves) {
            try {
                wave_index(w);
            } catch (const unknown_id_error& err) {
                throw unknown_id_error("stakeholder '" + s.id + "': " + err.what());
            }
        }
        dedupe(s.waves);
        if (s.name.empty()) s.name = s.id;
    }

    template <class T>
    static id_map index_ids(const std::vector<T>& items) {
        id_map out;
        out.reserve(items.size());
        for (std::size_t i = 0; i < items.size(); ++i) out.emplace(items[i].id, static_cast<index_t>(i));
        return out;
    }

    detail::flat_index index_ties(const std::vector<tie>& ties) const {
        detail::flat_index out;
        out.reserve(ties.size());
        for (std::size_t i = 0; i < ties.size(); ++i)
            out.insert(tie_key_hash()(key_of(ties[i].source, ties[i].target, ties[i].relation, ties[i].wave)),
                       static_cast<index_t>(i));
        return out;
    }

    static detail::flat_index index_stakeholders(const std::vector<stakeholder>& items) {
        detail::flat_index out;
        out.reserve(items.size());
        for (std::size_t i = 0; i < items.size(); ++i) out.insert(id_hash(items[i].id), static_cast<index_t>(i));
        return out;
    }

    static pair_map index_participations(const std::vector<participation>& ps) {
        pair_map out;
        out.reserve(ps.size());
        for (std::size_t i = 0; i < ps.size(); ++i)
            out.emplace(pair_key(ps[i].stakeholder, ps[i].event), static_cast<index_t>(i));
        return out;
    }

    taxonomy roles_;
    taxonomy themes_;
    std::vector<relation> relations_;
    detail::name_index relation_names_;  // folded names of the relations -> index
    std::vector<wave> waves_;
    std::vector<method_template> templates_;
    std::vector<std::pair<std::string, std::string>> about_;
    std::vector<stakeholder> stakeholders_;
    detail::flat_index stakeholder_index_;  // id -> position in stakeholders_
    std::vector<tie> ties_;
    detail::flat_index tie_index_;  // (source, target, relation, wave) -> position in ties_
    std::vector<event> events_;
    id_map event_index_;
    std::vector<participation> participations_;
    pair_map participation_index_;
    incident_log incidents_;
};

}  // namespace wijknet
