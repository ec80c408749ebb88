// Bindings of the analysis side: snapshots, structure measures and the summary.
#include "bindings.hpp"
#include <wijknet/algorithms/layout.hpp>  // not in wijknet.hpp: only this file draws

namespace wijknet::python {

namespace {

using vector = std::vector<double>;

weight_mode parse_weights(const std::string& w) {
    if (w == "none") return weight_mode::none;
    if (w == "strength") return weight_mode::strength;
    if (w == "distance") return weight_mode::distance;
    throw invalid_value_error("weights must be 'none', 'strength' or 'distance', got '" + w + "'");
}

std::vector<std::uint32_t> check_groups(const snapshot& g, const std::vector<std::uint32_t>& groups) {
    if (groups.size() != g.num_vertices())
        throw invalid_value_error("one group per stakeholder expected: got " + std::to_string(groups.size()) +
                                  " for " + std::to_string(g.num_vertices()));
    return groups;
}

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
                 selection s = make_selection(a, relations, waves, min_weight, roles, ids, where);
                 s.symmetrize = symmetrize;
                 s.parallel = parse_combine(how);
                 s.self_ties = self_ties;
                 return snapshot(a, s);  // with the GIL: the alliance is read (bindings.hpp, Threads)
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
             "Component label per vertex (ties followed both ways), numbered from the lowest vertex.")
        .def("_strong_components", [](const snapshot& g) { return strong_components(g).label; })
        .def("_degree", [](const snapshot& g, const std::string& d, const std::string& w) {
            return to_numpy(degree(g, parse_direction(d), parse_weights(w)));
        })
        .def("_betweenness", [](const snapshot& g, const std::string& w, bool normalized, bool edges, unsigned threads) {
            betweenness_options o;
            o.weights = parse_weights(w);
            o.normalized = normalized;
            o.run = python_run(threads);
            const graph_view v = make_graph_view(g);
            auto r = without_gil([&] { return betweenness_full(v, o, edges); });
            return py::make_tuple(r.node, r.edge);
        })
        .def("_edge_ends", [](const snapshot& g) {
            // (source vertex, target vertex) by edge id.
            std::vector<std::uint32_t> src(g.num_ties()), dst(g.num_ties());
            for (std::uint32_t u = 0; u < g.num_vertices(); ++u)
                for (auto a = g.out_begin(u); a < g.out_end(u); ++a) {
                    const auto v = g.arc_target(a);
                    if (!g.is_directed() && v < u) continue;
                    src[g.arc_edge(a)] = u, dst[g.arc_edge(a)] = v;
                }
            return py::make_tuple(src, dst);
        })
        .def("_closeness", [](const snapshot& g, const std::string& d, const std::string& w, const std::string& convention,
                              bool harmonic_, bool normalized, unsigned threads) {
            closeness_options o;
            o.along = parse_direction(d);
            o.weights = parse_weights(w);
            o.normalized = normalized;
            if (convention == "wasserman_faust") o.convention = closeness_convention::wasserman_faust;
            else if (convention == "reachable") o.convention = closeness_convention::reachable_only;
            else if (convention == "freeman") o.convention = closeness_convention::freeman;
            else throw invalid_value_error("convention must be 'wasserman_faust', 'reachable' or 'freeman', got '" + convention + "'");
            o.run = python_run(threads);
            const graph_view v = make_graph_view(g);
            return without_gil([&] { return harmonic_ ? harmonic(v, o) : closeness(v, o); });
        })
        .def("_eigenvector", [](const snapshot& g, const std::string& w, double tol, unsigned max_iter) {
            iteration_options o;
            o.weights = parse_weights(w), o.tolerance = tol, o.max_iterations = max_iter, o.run = python_run(1);
            const graph_view v = make_graph_view(g);
            return without_gil([&] { return eigenvector(v, o); });
        })
        .def("_pagerank", [](const snapshot& g, double alpha, const std::string& w, double tol, unsigned max_iter) {
            iteration_options o;
            o.weights = parse_weights(w), o.tolerance = tol, o.max_iterations = max_iter, o.run = python_run(1);
            const graph_view v = make_graph_view(g);
            return without_gil([&] { return pagerank(v, alpha, o); });
        })
        .def("_katz", [](const snapshot& g, double alpha, double beta, const std::string& w, double tol, unsigned max_iter) {
            iteration_options o;
            o.weights = parse_weights(w), o.tolerance = tol, o.max_iterations = max_iter, o.run = python_run(1);
            const graph_view v = make_graph_view(g);
            return without_gil([&] { return katz(v, alpha, beta, o); });
        })
        .def("_centralization", [](const snapshot& g, const std::string& kind, unsigned threads) {
            centrality_kind k;
            if (kind == "degree") k = centrality_kind::degree;
            else if (kind == "indegree") k = centrality_kind::in_degree;
            else if (kind == "outdegree") k = centrality_kind::out_degree;
            else if (kind == "betweenness") k = centrality_kind::betweenness;
            else if (kind == "closeness") k = centrality_kind::closeness;
            else throw invalid_value_error("measure must be 'degree', 'indegree', 'outdegree', 'betweenness' or 'closeness', got '" + kind + "'");
            const graph_view v = make_graph_view(g);
            const run_options run = python_run(threads);
            return without_gil([&] { return centralization_of(v, k, run); });
        })
        .def("_reciprocity", [](const snapshot& g, const std::string& kind) {
            if (kind == "edgewise") return reciprocity(g, reciprocity_kind::edgewise);
            if (kind == "dyadic") return reciprocity(g, reciprocity_kind::dyadic);
            if (kind == "dyadic_non_null") return reciprocity(g, reciprocity_kind::dyadic_non_null);
            throw invalid_value_error("kind must be 'edgewise', 'dyadic' or 'dyadic_non_null', got '" + kind + "'");
        })
        .def("_dyad_census", [](const snapshot& g) {
            const auto d = dyad_census(g);
            return py::make_tuple(d.mutual, d.asymmetric, d.null);
        })
        .def("_triad_census", [](const snapshot& g) {
            const auto c = triad_census(g);
            return std::vector<double>(c.begin(), c.end());
        })
        .def("_transitivity", [](const snapshot& g) { return transitivity(g); })
        .def("_clustering", [](const snapshot& g, const std::string& kind) {
            if (kind == "unweighted") return clustering(g, clustering_kind::unweighted);
            if (kind == "onnela") return clustering(g, clustering_kind::onnela);
            if (kind == "barrat") return clustering(g, clustering_kind::barrat);
            throw invalid_value_error("weighted clustering must be 'onnela' or 'barrat', got '" + kind + "'");
        })
        .def("_distances", [](const snapshot& g, const std::string& d, const std::string& w, unsigned threads) {
            const graph_view v = make_graph_view(g);
            const run_options run = python_run(threads);
            auto r = without_gil([&] { return distances(v, parse_direction(d), parse_weights(w), run); });
            return py::make_tuple(r.eccentricity, r.diameter, r.average_path_length, r.reachable_pairs,
                                  r.unreachable_pairs);
        })
        .def("_structural_holes", [](const snapshot& g, const std::string& alters, const std::string& w) {
            holes_options o;
            if (alters == "both") o.alters = alter_ties::both;
            else if (alters == "out") o.alters = alter_ties::out;
            else if (alters == "in") o.alters = alter_ties::in;
            else throw invalid_value_error("alters must be 'both', 'out' or 'in', got '" + alters + "'");
            o.weights = parse_weights(w);
            const graph_view v = make_graph_view(g);
            auto r = without_gil([&] { return structural_holes(v, o); });
            return py::make_tuple(r.constraint, r.effective_size, r.efficiency, r.hierarchy);
        })
        .def("_brokerage", [](const snapshot& g, const std::vector<std::uint32_t>& groups) {
            const graph_view v = make_graph_view(g);
            auto grp = check_groups(g, groups);
            auto r = without_gil([&] { return brokerage(v, grp); });
            return py::make_tuple(r.raw, r.expected, r.sd, r.z, r.density);
        })
        .def("_mixing", [](const snapshot& g, const std::vector<std::uint32_t>& groups, const std::string& w) {
            auto r = mixing_matrix(g, check_groups(g, groups), parse_weights(w));
            return py::make_tuple(r.ties, r.density, r.size);
        })
        .def("_ei_index", [](const snapshot& g, const std::vector<std::uint32_t>& groups) {
            auto r = ei_index(g, check_groups(g, groups));
            return py::make_tuple(r.network, r.group, r.vertex, r.expected, r.rescaled, r.external, r.internal);
        })
        .def("_assortativity", [](const snapshot& g, const std::vector<std::uint32_t>& groups) {
            return assortativity(g, check_groups(g, groups));
        })
        .def("_numeric_assortativity", [](const snapshot& g, const vector& x, const vector& y) {
            if (x.size() != g.num_vertices() || y.size() != g.num_vertices())
                throw invalid_value_error("one value per stakeholder expected");
            return numeric_assortativity(make_graph_view(g), x, y);
        })
        .def("_core_number", [](const snapshot& g) { return to_numpy(core_number(g)); })
        .def("_biconnected", [](const snapshot& g) {
            auto r = biconnected(g);
            return py::make_tuple(r.articulation_points, r.bridges, r.components);
        })
        .def("_cliques", [](const snapshot& g, std::uint32_t min_size) {
            const graph_view v = make_graph_view(g);
            const run_options run = python_run(1);
            return without_gil([&] { return maximal_cliques(v, min_size, run); });
        })
        .def("_node_connectivity", [](const snapshot& g, std::uint32_t s, std::uint32_t t, const std::string& d) {
            return node_connectivity(make_graph_view(g), s, t, parse_direction(d));
        })
        .def("_communities", [](const snapshot& g, const std::string& method, double resolution, const std::string& w,
                                std::uint64_t seed, unsigned max_iterations) {
            community_options o;
            o.resolution = resolution, o.weights = parse_weights(w), o.seed = seed, o.run = python_run(1);
            o.max_iterations = max_iterations;
            const graph_view v = make_graph_view(g);
            return without_gil([&] {
                if (method == "louvain") return louvain(v, o);
                if (method == "leiden") return leiden(v, o);
                if (method == "label_propagation") return label_propagation(v, o);
                throw invalid_value_error("unknown community method '" + method + "'");
            });
        })
        .def("_modularity", [](const snapshot& g, const std::vector<std::uint32_t>& communities, double resolution,
                               const std::string& w) {
            return modularity(g, check_groups(g, communities), resolution, parse_weights(w));
        });

    m.def("_layout", [](const snapshot& g, const std::string& method, std::uint32_t seed, std::uint32_t iterations,
                        double min_distance) {
        layout_options o;
        if (method == "auto") o.method = layout_method::automatic;
        else if (method == "kamada_kawai") o.method = layout_method::kamada_kawai;
        else if (method == "fruchterman_reingold") o.method = layout_method::fruchterman_reingold;
        else throw invalid_value_error("method must be 'auto', 'kamada_kawai' or 'fruchterman_reingold', got '" + method + "'");
        o.seed = seed;
        o.iterations = iterations;
        o.min_distance = min_distance;
        o.should_stop = python_run(1).should_stop;  // Ctrl-C
        std::vector<point> p = without_gil([&] { return spring_layout(g, o); });
        std::vector<double> xs(p.size()), ys(p.size());
        for (std::size_t i = 0; i < p.size(); ++i) xs[i] = p[i].x, ys[i] = p[i].y;
        return std::make_pair(xs, ys);
    }, py::arg("snapshot"), py::arg("method") = "auto", py::arg("seed") = 1, py::arg("iterations") = 0,
       py::arg("min_distance") = 0.8);

    m.def("_summarize", [](const alliance& a, const strings& templates) {
        const alliance_summary s = summarize(a, templates);  // with the GIL: it reads the alliance
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
