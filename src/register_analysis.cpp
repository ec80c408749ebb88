// Bindings of the analysis side: snapshots, structure measures and the summary.
#include "bindings.hpp"

namespace wijknet::python {

namespace {

combine parse_combine(const std::string& how) {
    if (how == "sum") return combine::sum;
    if (how == "max") return combine::max;
    if (how == "min") return combine::min;
    if (how == "count") return combine::count;
    if (how == "keep") return combine::keep;
    throw invalid_value_error("combine must be 'sum', 'max', 'min', 'count' or 'keep', got '" + how + "'");
}

}  // namespace

void register_analysis(py::module_& m) {
    using strings = std::vector<std::string>;

    py::class_<snapshot>(m, "Snapshot", R"pbdoc(
        A compact, immutable graph of part of an alliance, for analysis.

        relations, waves: keys (None: all); min_weight: leave out lighter ties; roles: keep
        stakeholders holding one of these roles; ids: keep only these stakeholders; where: keep
        only stakeholders whose attributes equal these values (a dict, e.g. {"sector": "welzijn"});
        symmetrize: read every tie as undirected; combine: how ties joining the same pair merge
        ('sum', 'max', 'min', 'count' or 'keep'); self_ties: keep ties of a stakeholder to itself.
    )pbdoc")
        .def(py::init([](const alliance& a, const std::optional<strings>& relations,
                         const std::optional<strings>& waves, std::optional<double> min_weight,
                         const std::optional<strings>& roles, const std::optional<strings>& ids,
                         const py::object& where, bool symmetrize, const std::string& how, bool self_ties) {
                 selection s;
                 if (relations) s.relations = *relations;
                 if (waves) s.waves = *waves;
                 if (min_weight) s.min_weight = *min_weight;
                 if (roles) s.roles = *roles;
                 std::optional<std::unordered_set<std::string>> keep;
                 if (ids) {
                     for (const auto& id : *ids) a.stakeholder_index(id);  // unknown ids are errors
                     keep.emplace(ids->begin(), ids->end());
                 }
                 const attribute_map wanted = to_attributes(where, {});
                 if (keep || !wanted.empty())
                     s.filter = [keep, wanted](const stakeholder& x) {
                         if (keep && !keep->count(x.id)) return false;
                         for (const auto& [key, a] : wanted) {
                             auto it = x.attributes.find(key);
                             if (it == x.attributes.end() || it->second.value != a.value) return false;
                         }
                         return true;
                     };
                 s.symmetrize = symmetrize;
                 s.parallel = parse_combine(how);
                 s.self_ties = self_ties;
                 py::gil_scoped_release release;
                 return snapshot(a, s);
             }),
             py::arg("alliance"), py::arg("relations") = py::none(), py::arg("waves") = py::none(),
             py::arg("min_weight") = py::none(), py::arg("roles") = py::none(), py::arg("ids") = py::none(),
             py::arg("where") = py::none(), py::arg("symmetrize") = false, py::arg("combine") = "sum", py::arg("self_ties") = false)
        .def_property_readonly("directed", &snapshot::is_directed)
        .def_property_readonly("weighted", &snapshot::is_weighted)
        .def_property_readonly("ids", &snapshot::ids, "Stakeholder ids, by vertex.")
        .def_property_readonly("num_ties", &snapshot::num_ties, "Edges after merging; undirected ones counted once.")
        .def("__len__", &snapshot::num_vertices)
        .def_property_readonly("memory_bytes", &snapshot::memory_bytes)
        .def("edges", [](const snapshot& g) {
                 // Each tie once: directed arcs as they are, undirected edges from the lower vertex.
                 py::list sources, targets, weights;
                 for (std::uint32_t u = 0; u < g.num_vertices(); ++u)
                     for (auto arc = g.out_begin(u); arc < g.out_end(u); ++arc) {
                         const auto v = g.arc_target(arc);
                         if (!g.is_directed() && v < u) continue;
                         sources.append(g.id(u)), targets.append(g.id(v)), weights.append(g.weight(g.arc_edge(arc)));
                     }
                 return py::make_tuple(sources, targets, weights);
             }, "(sources, targets, weights) as lists of stakeholder ids and numbers, each tie once.")
        .def("density", [](const snapshot& g) { return density(g); },
             "Ties / possible ties: m / (n (n - 1)) directed, 2 m / (n (n - 1)) undirected.")
        .def("weak_components", [](const snapshot& g) { return weak_components(g).label; },
             "Component label per vertex (ties followed both ways), numbered from the lowest vertex.");

    m.def("_summarize", [](const alliance& a, const strings& templates) {
        alliance_summary s;
        {
            py::gil_scoped_release release;
            s = summarize(a, templates);
        }
        py::dict out;
        out["stakeholders"] = s.stakeholders;
        out["events"] = s.events;
        out["participations"] = s.participations;
        out["stakeholders_per_role"] = s.stakeholders_per_role;
        py::list relations;
        for (const auto& r : s.relations) {
            py::dict d;
            d["relation"] = r.relation, d["wave"] = r.wave, d["directed"] = r.directed;
            d["stakeholders"] = r.stakeholders, d["ties"] = r.ties, d["density"] = r.density;
            d["components"] = r.components, d["largest_component"] = r.largest_component;
            d["isolates"] = r.isolates;
            relations.append(d);
        }
        out["relations"] = relations;
        py::list missing;
        for (const auto& mr : s.missing) {
            py::dict d;
            d["template"] = mr.template_key, d["required"] = mr.required, d["recommended"] = mr.recommended;
            missing.append(d);
        }
        out["missing"] = missing;
        return out;
    }, py::arg("alliance"), py::arg("templates") = strings{});
}

}  // namespace wijknet::python
