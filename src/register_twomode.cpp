// Bindings of the two-mode (stakeholder x event) network: selection, projections, two-mode
// centralities. The pandas layer is python/wijknet/_twomode.py.
#include "bindings.hpp"

namespace wijknet::python {

namespace {

using strings = std::vector<std::string>;

projection_weight parse_projection_weight(const std::string& w) {
    if (w == "none") return projection_weight::none;
    if (w == "count") return projection_weight::count;
    if (w == "newman") return projection_weight::newman;
    if (w == "jaccard") return projection_weight::jaccard;
    if (w == "overlap") return projection_weight::overlap;
    throw invalid_value_error("weight must be None, 'count', 'newman', 'jaccard' or 'overlap', got '" + w + "'");
}

two_mode_side parse_side(const std::string& side) {
    if (side == "stakeholders") return two_mode_side::actors;
    if (side == "events") return two_mode_side::events;
    throw invalid_value_error("side must be 'stakeholders' or 'events', got '" + side + "'");
}

}  // namespace

void register_twomode(py::module_& m) {
    py::class_<two_mode_network>(m, "TwoMode", R"pbdoc(The stakeholder x event participation network of the Alle Kleuren method.

        Made by ``wijknet.two_mode(alliance, **selection)``; every two-mode function takes it in
        place of an alliance. ``stakeholder_ids`` and ``event_ids`` name the two sides (the
        stakeholders with at least one selected participation; every selected event),
        ``num_participations`` counts the pairs, ``pairs()`` gives them as vertex numbers,
        ``bipartite()`` the graph as a Snapshot (stakeholders first) and ``project(side, weight)``
        a one-mode projection.

        Parameters
        ----------
        alliance : Alliance
        waves, start, end, themes, events, roles, kinds, participation_roles
            The two-mode selection keywords of ``wijknet.two_mode``.

        Examples
        --------
        >>> import wijknet
        >>> t = wijknet.two_mode(wijknet.load_example(), themes="racisme")
        >>> len(t.stakeholder_ids), t.event_ids, t.num_participations
        (28, ['ev04_racisme_bespreekbaar', 'ev06_jongerendialoog', 'ev07_keti_koti'], 38)
    )pbdoc")
        .def(py::init([](const alliance& a, const strings& waves, const std::string& from, const std::string& to,
                         const strings& themes, const strings& events, const strings& roles, const strings& kinds,
                         const strings& participation_roles) {
                 two_mode_selection s{waves, from, to, themes, events, roles, kinds, participation_roles};
                 return two_mode_network(a, s);  // GIL held: it reads the alliance
             }),
             py::arg("alliance"), py::arg("waves") = strings{}, py::arg("start") = "", py::arg("end") = "",
             py::arg("themes") = strings{}, py::arg("events") = strings{}, py::arg("roles") = strings{},
             py::arg("kinds") = strings{}, py::arg("participation_roles") = strings{})
        .def(py::init([](strings actors, strings events, const std::vector<std::uint32_t>& actor,
                         const std::vector<std::uint32_t>& event) {
                 if (actor.size() != event.size())
                     throw invalid_value_error("one event position per stakeholder position expected");
                 std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs(actor.size());
                 for (std::size_t k = 0; k < actor.size(); ++k) pairs[k] = {actor[k], event[k]};
                 py::gil_scoped_release release;
                 return two_mode_network(std::move(actors), std::move(events), std::move(pairs));
             }),
             py::arg("stakeholder_ids"), py::arg("event_ids"), py::arg("stakeholder_positions"),
             py::arg("event_positions"))
        .def_property_readonly("stakeholder_ids", &two_mode_network::actor_ids)
        .def_property_readonly("event_ids", &two_mode_network::event_ids)
        .def_property_readonly("num_participations", &two_mode_network::num_participations)
        .def("pairs", [](const two_mode_network& g) {
                 std::vector<std::uint32_t> actor, event(g.actor_events());
                 actor.reserve(event.size());
                 for (std::uint32_t u = 0; u < g.num_actors(); ++u)
                     for (auto k = g.actor_offsets()[u]; k < g.actor_offsets()[u + 1]; ++k) actor.push_back(u);
                 return py::make_tuple(actor, event);
             }, "(stakeholder positions, event positions) of every participation.")
        .def("bipartite", &two_mode_network::bipartite,
             "The bipartite graph as a Snapshot: stakeholders first, then events.")
        .def("project", [](const two_mode_network& g, const std::string& side, const std::string& weight) {
                 const auto s = parse_side(side);
                 const auto w = parse_projection_weight(weight);
                 return without_gil([&] { return projection(g, s, w); });
             }, py::arg("side"), py::arg("weight") = "count")
        .def("density", &two_mode_density)
        .def("_degree", &two_mode_degree)
        .def("_closeness", [](const two_mode_network& g, bool normalized, unsigned threads) {
                 const auto run = python_run(threads);
                 return without_gil([&] { return two_mode_closeness(g, normalized, run); });
             }, py::arg("normalized") = true, py::arg("threads") = 0)
        .def("_betweenness", [](const two_mode_network& g, unsigned threads) {
                 const auto run = python_run(threads);
                 return without_gil([&] { return two_mode_betweenness(g, run); });
             }, py::arg("threads") = 0)
        .def("_components", [](const two_mode_network& g) { return two_mode_components(g).label; })
        .def("__len__", [](const two_mode_network& g) { return g.num_actors() + g.num_events(); });
}

}  // namespace wijknet::python
