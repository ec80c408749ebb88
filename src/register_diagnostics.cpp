// Bindings of the alliance diagnostics: role coverage, chains, resilience, tie suggestions.
// The pandas layer is python/wijknet/_diagnostics.py.
#include "bindings.hpp"

namespace wijknet::python {

namespace {

using strings = std::vector<std::string>;

scope make_scope(const std::string& wave, const strings& relations) {
    scope s;
    s.wave = wave;
    s.relations = relations;
    return s;
}

chain make_chain(const strings& roles, const strings& relations, bool intermediaries) {
    chain c;
    c.roles = roles;
    c.relations = relations;
    c.intermediaries = intermediaries;
    return c;
}

std::vector<char> removal_mask(const snapshot& g, const strings& ids) {
    std::vector<char> removed(g.num_vertices(), 0);
    for (const auto& id : ids) {
        const auto it = std::find(g.ids().begin(), g.ids().end(), id);
        if (it == g.ids().end())
            throw unknown_id_error("stakeholder '" + id + "' is not in the snapshot (unknown, or not selected)");
        removed[static_cast<std::size_t>(it - g.ids().begin())] = 1;
    }
    return removed;
}

py::dict fragmentation_dict(const fragmentation_result& f) {
    py::dict d;
    d["fragmentation"] = f.fragmentation;
    d["distance_fragmentation"] = f.distance_fragmentation;
    d["stakeholders"] = f.stakeholders;
    d["components"] = f.components;
    d["largest_component"] = f.largest_component;
    return d;
}

}  // namespace

void register_diagnostics(py::module_& m) {
    m.def("_role_coverage", [](const alliance& a, const std::string& tmpl, const std::string& wave,
                               const strings& relations) {
        const auto rows = role_coverage(a, tmpl, make_scope(wave, relations));  // GIL held: reads the alliance
        py::list out;
        for (const auto& e : rows) {
            py::dict d;
            d["role"] = e.role, d["label"] = e.label, d["level"] = to_string(e.level);
            d["status"] = to_string(e.status), d["holders"] = e.holders, d["isolated_holders"] = e.isolated_holders;
            d["explanation"] = e.explanation;
            out.append(d);
        }
        return out;
    }, py::arg("alliance"), py::arg("template"), py::arg("wave"), py::arg("relations"));

    m.def("_role_matrices", [](const alliance& a, const strings& roles, const std::string& wave,
                               const strings& relations, const std::string& d) {
        const auto r = role_matrices(a, roles, make_scope(wave, relations), parse_direction(d));  // GIL held
        return py::make_tuple(r.roles, r.ties, r.distance);
    }, py::arg("alliance"), py::arg("roles"), py::arg("wave"), py::arg("relations"), py::arg("direction"));

    m.def("_chain_routes", [](const alliance& a, const strings& roles, const strings& steps, bool intermediaries,
                              const std::string& wave, const strings& relations, std::size_t max_routes) {
        chain_options o;
        o.max_routes = max_routes;
        const alliance own = a;  // copied with the GIL held; the search runs on the copy without it
        const auto r = without_gil(
            [&] { return chain_routes(own, make_chain(roles, steps, intermediaries), make_scope(wave, relations), o); });
        py::dict d;
        d["exists"] = r.exists, d["length"] = r.length, d["shortest_routes"] = r.shortest_routes;
        d["routes"] = r.routes, d["on_routes"] = r.on_routes, d["best_routes"] = r.best_routes;
        d["disjoint_routes"] = r.disjoint_routes, d["disjoint_exact"] = r.disjoint_exact, d["broken_step"] = r.broken_step, d["stranded"] = r.stranded;
        d["explanation"] = r.explanation;
        return d;
    }, py::arg("alliance"), py::arg("roles"), py::arg("steps"), py::arg("intermediaries"), py::arg("wave"),
       py::arg("relations"), py::arg("max_routes"));

    m.def("_fragmentation", [](const snapshot& g, const strings& removed, const std::string& d, unsigned threads) {
        const graph_view v = make_graph_view(g);
        auto mask = removal_mask(g, removed);
        const run_options run = python_run(threads);
        return fragmentation_dict(without_gil([&] { return fragmentation(v, mask, parse_direction(d), run); }));
    }, py::arg("snapshot"), py::arg("removed"), py::arg("direction"), py::arg("threads"));

    m.def("_key_players", [](const snapshot& g, std::uint32_t k, const std::string& objective, std::uint32_t max_distance,
                             const std::string& d, std::uint64_t seed, std::uint32_t max_rounds, std::uint32_t restarts,
                             std::uint32_t candidates, unsigned threads) {
        key_player_options o;
        o.k = k;
        if (objective == "fragmentation") o.objective = key_player_objective::fragmentation;
        else if (objective == "distance_fragmentation") o.objective = key_player_objective::distance_fragmentation;
        else if (objective == "reach") o.objective = key_player_objective::reach;
        else throw invalid_value_error("objective must be 'fragmentation', 'distance_fragmentation' or 'reach', got '" +
                                       objective + "'");
        o.max_distance = max_distance, o.along = parse_direction(d), o.seed = seed;
        o.max_rounds = max_rounds, o.restarts = restarts, o.candidates = candidates, o.run = python_run(threads);
        const graph_view v = make_graph_view(g);
        const auto r = without_gil([&] { return key_players(v, o); });
        strings ids;
        for (auto p : r.players) ids.push_back(g.id(p));
        return py::make_tuple(ids, r.score, r.before);
    }, py::arg("snapshot"), py::arg("k"), py::arg("objective"), py::arg("max_distance"), py::arg("direction"),
       py::arg("seed"), py::arg("max_rounds"), py::arg("restarts"), py::arg("candidates"), py::arg("threads"));

    m.def("_suggest_ties", [](const alliance& a, const std::string& objective, std::uint32_t k, const std::string& wave,
                              const strings& relations, const strings& chain_roles, const strings& chain_steps,
                              bool intermediaries, const strings& removed, const std::string& role_a,
                              const std::string& role_b, const strings& from_roles, const strings& to_roles,
                              const std::vector<std::pair<std::string, std::string>>& excluded,
                              std::uint32_t max_per_stakeholder) {
        suggestion_options o;
        if (objective == "chain") o.objective = suggestion_objective::chain;
        else if (objective == "fragmentation") o.objective = suggestion_objective::fragmentation;
        else if (objective == "distance") o.objective = suggestion_objective::distance;
        else throw invalid_value_error("objective must be 'chain', 'fragmentation' or 'distance', got '" + objective + "'");
        o.k = k;
        if (o.objective == suggestion_objective::chain) o.target = make_chain(chain_roles, chain_steps, intermediaries);
        o.removed = removed, o.role_a = role_a, o.role_b = role_b;
        o.from_roles = from_roles, o.to_roles = to_roles, o.excluded = excluded;
        o.max_per_stakeholder = max_per_stakeholder;
        o.run = python_run(1);
        const alliance own = a;  // copied with the GIL held; the search runs on the copy without it
        const auto rows = without_gil([&] { return suggest_ties(own, make_scope(wave, relations), o); });
        py::list out;
        for (const auto& s : rows) {
            py::dict d;
            d["source"] = s.source, d["target"] = s.target, d["relation"] = s.relation;
            d["before"] = s.before, d["after"] = s.after, d["reason"] = s.reason;
            out.append(d);
        }
        return out;
    }, py::arg("alliance"), py::arg("objective"), py::arg("k"), py::arg("wave"), py::arg("relations"),
       py::arg("chain_roles"), py::arg("chain_steps"), py::arg("intermediaries"), py::arg("removed"),
       py::arg("role_a"), py::arg("role_b"), py::arg("from_roles"), py::arg("to_roles"), py::arg("excluded"),
       py::arg("max_per_stakeholder"));

    m.def("_assess", [](const alliance& a, const std::string& wave, const strings& relations, const std::string& tmpl,
                        const std::vector<std::tuple<strings, strings, bool>>& chains, unsigned threads) {
        std::vector<chain> cs;
        for (const auto& [roles, steps, loose] : chains) cs.push_back(make_chain(roles, steps, loose));
        const run_options run = python_run(threads);
        const alliance own = a;  // copied with the GIL held; the assessment runs on the copy without it
        const auto s = without_gil([&] { return assess(own, make_scope(wave, relations), tmpl, cs, run); });
        py::dict d = fragmentation_dict(s.fragmentation);
        d["roles_absent"] = s.roles_absent;
        d["roles_single"] = s.roles_single;
        std::vector<bool> working(s.chains_working.begin(), s.chains_working.end());
        d["chains_working"] = working;
        return d;
    }, py::arg("alliance"), py::arg("wave"), py::arg("relations"), py::arg("template"), py::arg("chains"),
       py::arg("threads"));
}

}  // namespace wijknet::python
