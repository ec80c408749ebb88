// Bindings of the model: wijknet::alliance and its vocabularies, and the CSV folder reader.
#include "bindings.hpp"

namespace wijknet::python {

namespace {

using strings = std::vector<std::string>;

stakeholder make_stakeholder(const std::string& id, const std::string& name, const std::string& kind,
                             const strings& roles, const strings& waves, const py::object& attributes,
                             const strings& sensitive) {
    stakeholder s;
    s.id = id;
    s.name = name;
    s.kind = parse_stakeholder_kind(kind);
    s.roles = roles;
    s.waves = waves;
    s.attributes = to_attributes(attributes, sensitive);
    return s;
}

// The attributes as a dict; sensitive ones only when include_sensitive.
py::dict attributes_dict(const attribute_map& attributes, bool include_sensitive) {
    py::dict out;
    for (const auto& [key, a] : attributes)
        if (!a.sensitive || include_sensitive) out[py::str(key)] = from_value(a.value);
    return out;
}

strings sensitive_names(const attribute_map& attributes) {
    strings out;
    for (const auto& [key, a] : attributes)
        if (a.sensitive) out.push_back(key);
    return out;
}

py::dict category_dict(const category& c) {
    py::dict d;
    d["key"] = c.key;
    d["label"] = c.label;
    d["description"] = c.description;
    d["label_nl"] = c.label_in("nl");
    d["aliases"] = c.aliases;
    return d;
}

py::dict relation_dict(const relation& r) {
    py::dict d;
    d["key"] = r.key, d["label"] = r.label, d["directed"] = r.directed;
    d["label_nl"] = r.label_in("nl"), d["aliases"] = r.aliases;
    return d;
}

// A problem as a dict for the Python layer (wijknet.Problem).
py::dict problem_dict(const problem& p) {
    py::dict d;
    d["file"] = p.file, d["line"] = p.line, d["column"] = p.column, d["severity"] = to_string(p.level);
    d["message"] = p.message, d["suggestion"] = p.suggestion;
    d["message_nl"] = p.message_nl, d["suggestion_nl"] = p.suggestion_nl;
    d["more"] = p.more;
    d["stakeholders"] = p.stakeholders;
    return d;
}

// decimal_comma: true or false as asked; None: a file separated by ';' has decimal commas (Dutch Excel).
csv_folder_options folder_options(const std::string& separator, std::optional<bool> decimal_comma,
                                  const std::string& encoding, const std::string& duplicates) {
    csv_folder_options o;
    if (separator.size() > 1 && separator != "\\t")
        throw invalid_value_error("separator must be one character, got '" + separator + "'");
    o.csv.separator = separator.empty() ? 0 : separator == "\\t" ? '\t' : separator[0];
    o.csv.decimal_comma = decimal_comma.value_or(false);
    o.csv.infer_decimal_comma = !decimal_comma.has_value();
    o.csv.encoding = parse_text_encoding(encoding);
    o.duplicates = parse_duplicate_rule(duplicates);
    return o;
}

// Columns of a table as a dict of lists, ready for pandas.DataFrame(dict); attribute columns
// are the union over all rows, missing where a row lacks one.
template <class Items, class Fixed>
py::dict columns(const Items& items, const strings& fixed_names, Fixed fixed) {
    std::vector<py::list> lists(fixed_names.size());
    std::map<std::string, py::list> attribute_lists;
    std::map<std::string, bool> attribute_sensitive;
    for (const auto& item : items)
        for (const auto& [key, a] : item.attributes) {
            attribute_lists.emplace(key, py::list());
            attribute_sensitive[key] = attribute_sensitive[key] || a.sensitive;
        }
    for (const auto& item : items) {
        fixed(item, lists);
        for (auto& [key, list] : attribute_lists) {
            auto it = item.attributes.find(key);
            list.append(it == item.attributes.end() ? py::none() : from_value(it->second.value));
        }
    }
    py::dict out;
    for (std::size_t i = 0; i < fixed_names.size(); ++i) out[py::str(fixed_names[i])] = lists[i];
    for (auto& [key, list] : attribute_lists) out[py::str(key)] = list;
    py::list sensitive;
    for (const auto& [key, flag] : attribute_sensitive)
        if (flag) sensitive.append(key);
    out["__sensitive__"] = sensitive;
    return out;
}

}  // namespace

void register_model(py::module_& m) {
    py::class_<alliance>(m, "Alliance", py::dynamic_attr(), R"pbdoc(
        The model of one alliance: stakeholders with roles, typed ties per wave, events and
        participation, with the role and theme taxonomies, relations, waves and method templates.

        Every edit either succeeds or raises and leaves the alliance exactly as it was.
    )pbdoc")
        .def(py::init([](bool with_builtins) {
                 return alliance(with_builtins ? builtins::include : builtins::exclude);
             }),
             py::arg("builtins") = true,
             "A new alliance; with the built-in roles, themes, relations and method templates unless builtins=False.")
        .def("_assign", [](alliance& a, const alliance& other) { a = other; }, py::arg("other"),
             "Makes this alliance a copy of other.")

        // vocabularies
        .def("add_role", [](alliance& a, const std::string& key, const std::string& label, const std::string& d,
                            const std::string& label_nl, const strings& aliases) {
                 a.add_role({key, label, d, label_nl, aliases});
             }, py::arg("key"), py::arg("label") = "", py::arg("description") = "", py::arg("label_nl") = "",
             py::arg("aliases") = strings{},
             R"pbdoc(
                Adds a role to the taxonomy: a Dutch key, an English label, a Dutch label (label_nl, for
                Dutch reports) and other names it is known by (aliases). Every name must be unique
                among all roles; look-ups ignore case, accents, '_', '-' and spaces.
             )pbdoc")
        .def("add_theme", [](alliance& a, const std::string& key, const std::string& label, const std::string& d,
                             const std::string& label_nl, const strings& aliases) {
                 a.add_theme({key, label, d, label_nl, aliases});
             }, py::arg("key"), py::arg("label") = "", py::arg("description") = "", py::arg("label_nl") = "",
             py::arg("aliases") = strings{}, "Adds an event theme (names as for add_role).")
        .def("add_relation", [](alliance& a, const std::string& key, const std::string& label, bool directed,
                                const std::string& label_nl, const strings& aliases) {
                 a.add_relation({key, label, directed, label_nl, aliases});
             }, py::arg("key"), py::arg("label") = "", py::arg("directed") = true, py::arg("label_nl") = "",
             py::arg("aliases") = strings{},
             "Declares a tie type; label_nl and aliases as for add_role (relations are then found by any of them).")
        .def("add_wave", [](alliance& a, const std::string& key, const std::string& label, const std::string& date) {
                 a.add_wave({key, label, date});
             }, py::arg("key"), py::arg("label") = "", py::arg("date") = "",
             "Declares a wave after the existing ones (declaration order is time order).")
        .def("add_template",
             [](alliance& a, const std::string& key, const std::string& label, const strings& required,
                const strings& recommended, const std::string& description, const std::string& source) {
                 method_template t{key, label, description, {}};
                 for (const auto& r : required) t.roles.push_back({r, requirement_level::required, source});
                 for (const auto& r : recommended) t.roles.push_back({r, requirement_level::recommended, source});
                 a.add_template(std::move(t));
             },
             py::arg("key"), py::arg("label") = "", py::arg("required") = strings{},
             py::arg("recommended") = strings{}, py::arg("description") = "", py::arg("source") = "",
             "Adds a method template: the roles it requires and recommends (by key or label).")
        .def_property_readonly("roles", [](const alliance& a) {
                 py::list out;
                 for (const auto& c : copied(a, [](const alliance& x) { return x.roles().entries(); }))
                     out.append(category_dict(c));
                 return out;
             }, "The role taxonomy: a list of dicts with key, label, description, label_nl (the Dutch label; the key "
                "when none was given) and aliases.")
        .def_property_readonly("themes", [](const alliance& a) {
                 py::list out;
                 for (const auto& c : copied(a, [](const alliance& x) { return x.themes().entries(); }))
                     out.append(category_dict(c));
                 return out;
             }, "The event themes: a list of dicts with key, label, description, label_nl, aliases.")
        .def("role", [](const alliance& a, const std::string& name) {
                 return category_dict(copied(a, [&](const alliance& x) { return x.roles().at(name); }));
             },
             py::arg("name"), "The role with this key, label, Dutch label or alias (ignoring case and accents).")
        .def_property_readonly("relations", [](const alliance& a) {
                 py::list out;
                 for (const auto& r : copied(a, [](const alliance& x) { return x.relations(); }))
                     out.append(relation_dict(r));
                 return out;
             }, "The relations: a list of dicts with key, label, directed, label_nl (the Dutch name; the key when "
                "none was given) and aliases.")
        .def("relation", [](const alliance& a, const std::string& name) {
                 return relation_dict(copied(a, [&](const alliance& x) { return x.relations()[x.relation_index(name)]; }));
             }, py::arg("name"), "The relation with this key, label, Dutch label or alias (ignoring case and accents).")
        .def_property_readonly("waves", [](const alliance& a) {
                 py::list out;
                 for (const auto& w : copied(a, [](const alliance& x) { return x.waves(); })) {
                     py::dict d;
                     d["key"] = w.key, d["label"] = w.label, d["date"] = w.date;
                     out.append(d);
                 }
                 return out;
             }, "The waves in time order: a list of dicts with key, label, date.")
        .def_property_readonly("about", [](const alliance& a) {
                 py::dict out;
                 for (const auto& [key, value] : copied(a, [](const alliance& x) { return x.about(); }))
                     out[py::str(key)] = value;
                 return out;
             }, "What the data describe, for the title of a report: a dict such as {'neighbourhood': 'Vogelwijk-Oost', "
                "'municipality': 'Rivierstad', 'source': 'Enquête najaar 2022', 'author': '...'}. Set entries "
                "with set_about(); written and read with the alliance in every format.")
        .def("set_about", &alliance::set_about, py::arg("key"), py::arg("value"),
             "Set one entry of about (an empty value removes it). The keys reports know: neighbourhood, "
             "municipality, source, date, author, organisation. One line of text; never sensitive data.")
        .def_property_readonly("templates", [](const alliance& a) {
                 py::list out;
                 for (const auto& t : copied(a, [](const alliance& x) { return x.templates(); })) {
                     py::dict d;
                     d["key"] = t.key, d["label"] = t.label, d["description"] = t.description;
                     d["required"] = t.roles_at(requirement_level::required);
                     d["recommended"] = t.roles_at(requirement_level::recommended);
                     py::list sources;
                     for (const auto& r : t.roles) sources.append(py::make_tuple(r.role, to_string(r.level), r.source));
                     d["sources"] = sources;
                     out.append(d);
                 }
                 return out;
             }, "The method templates: dicts with key, label, description, required, recommended, sources.")

        // stakeholders
        .def("add_stakeholder",
             [](alliance& a, const std::string& id, const std::string& name, const std::string& kind,
                const strings& roles, const strings& waves, const py::object& attributes, const strings& sensitive) {
                 a.add_stakeholder(make_stakeholder(id, name, kind, roles, waves, attributes, sensitive));
             },
             py::arg("id"), py::arg("name") = "", py::arg("kind") = "organisation", py::arg("roles") = strings{},
             py::arg("waves") = strings{}, py::arg("attributes") = py::none(), py::arg("sensitive") = strings{},
             R"pbdoc(
                Adds a stakeholder.

                roles: role keys or English labels; waves: the waves it takes part in (empty: all);
                attributes: a dict of None/bool/number/str; sensitive: attribute names never written
                out unless asked for explicitly.
             )pbdoc")
        .def("update_stakeholder",
             [](alliance& a, const std::string& id, const std::string& name, const std::string& kind,
                const strings& roles, const strings& waves, const py::object& attributes, const strings& sensitive) {
                 a.update_stakeholder(make_stakeholder(id, name, kind, roles, waves, attributes, sensitive));
             },
             py::arg("id"), py::arg("name") = "", py::arg("kind") = "organisation", py::arg("roles") = strings{},
             py::arg("waves") = strings{}, py::arg("attributes") = py::none(), py::arg("sensitive") = strings{},
             "Replaces the record of an existing stakeholder (same arguments as add_stakeholder).")
        .def("remove_stakeholder", &alliance::remove_stakeholder, py::arg("id"),
             "Removes a stakeholder with its ties and participations.")
        .def("stakeholder", [](const alliance& a, const std::string& id, bool include_sensitive) {
                 const stakeholder s = copied(a, [&](const alliance& x) { return x.stakeholder_at(id); });
                 py::dict d;
                 d["id"] = s.id, d["name"] = s.name, d["kind"] = to_string(s.kind);
                 d["roles"] = s.roles, d["waves"] = s.waves;
                 d["attributes"] = attributes_dict(s.attributes, include_sensitive);
                 d["sensitive"] = sensitive_names(s.attributes);
                 return d;
             }, py::arg("id"), py::arg("include_sensitive") = false,
             "One stakeholder as a dict: id, name, kind, roles, waves, attributes, sensitive (the names of its "
             "sensitive attributes). Their values are in attributes only with include_sensitive=True.")
        .def("__contains__", [](const alliance& a, const std::string& id) { return a.find_stakeholder(id).has_value(); })
        .def("__len__", &alliance::num_stakeholders, "Number of stakeholders.")
        .def_property_readonly("num_ties", &alliance::num_ties)

        // ties
        .def("add_tie",
             [](alliance& a, const std::string& s, const std::string& t, const std::string& relation,
                const std::string& wave, double weight, const py::object& attributes, const strings& sensitive) {
                 a.add_tie(s, t, relation, wave, weight, to_attributes(attributes, sensitive));
             },
             py::arg("source"), py::arg("target"), py::arg("relation"), py::arg("wave"), py::arg("weight") = 1.0,
             py::arg("attributes") = py::none(), py::arg("sensitive") = strings{},
             "Adds a tie of a relation in a wave (for an undirected relation the order of the ends does not matter).")
        .def("remove_tie", &alliance::remove_tie, py::arg("source"), py::arg("target"), py::arg("relation"),
             py::arg("wave"), "Removes a tie.")
        .def("has_tie", [](const alliance& a, const std::string& s, const std::string& t, const std::string& r,
                           const std::string& w) { return a.find_tie(s, t, r, w).has_value(); },
             py::arg("source"), py::arg("target"), py::arg("relation"), py::arg("wave"))

        // events
        .def("add_event",
             [](alliance& a, const std::string& id, const std::string& name, const std::string& date,
                const strings& themes, const strings& organisers, const py::object& attributes,
                const strings& sensitive) {
                 a.add_event({id, name, date, themes, organisers, to_attributes(attributes, sensitive)});
             },
             py::arg("id"), py::arg("name") = "", py::arg("date") = "", py::arg("themes") = strings{},
             py::arg("organisers") = strings{}, py::arg("attributes") = py::none(), py::arg("sensitive") = strings{},
             "Adds an event (themes by key or label; organisers are stakeholder ids).")
        .def("remove_event", &alliance::remove_event, py::arg("id"), "Removes an event and its participations.")
        .def("add_participation",
             [](alliance& a, const std::string& s, const std::string& e, const py::object& attributes,
                const strings& sensitive) { a.add_participation(s, e, to_attributes(attributes, sensitive)); },
             py::arg("stakeholder"), py::arg("event"), py::arg("attributes") = py::none(),
             py::arg("sensitive") = strings{}, "Records that a stakeholder took part in an event.")
        .def("remove_participation", &alliance::remove_participation, py::arg("stakeholder"), py::arg("event"))

        // tables for the pandas layer: each copies what it lists first (copied, bindings.hpp)
        .def("_stakeholder_columns", [](const alliance& a) {
            const std::vector<stakeholder> items = copied(a, [](const alliance& x) { return x.stakeholders(); });
            return columns(items, {"id", "name", "kind", "roles", "waves"},
                           [](const stakeholder& s, std::vector<py::list>& l) {
                               l[0].append(s.id), l[1].append(s.name), l[2].append(to_string(s.kind));
                               l[3].append(py::cast(s.roles)), l[4].append(py::cast(s.waves));
                           });
        })
        .def("_tie_columns", [](const alliance& a) {
            const auto copy = copied(a, [](const alliance& x) {
                return std::make_tuple(x.ties(), field_of(x.stakeholders(), &stakeholder::id),
                                       field_of(x.relations(), &relation::key), field_of(x.waves(), &wave::key));
            });
            // No structured binding: C++17 lambdas cannot capture one.
            const auto& items = std::get<0>(copy);
            const auto &ids = std::get<1>(copy), &relations = std::get<2>(copy), &waves = std::get<3>(copy);
            return columns(items, {"source", "target", "relation", "wave", "weight"},
                           [&](const tie& t, std::vector<py::list>& l) {
                               l[0].append(ids[t.source]), l[1].append(ids[t.target]);
                               l[2].append(relations[t.relation]), l[3].append(waves[t.wave]);
                               l[4].append(t.weight);
                           });
        })
        .def("_event_columns", [](const alliance& a) {
            const std::vector<event> items = copied(a, [](const alliance& x) { return x.events(); });
            return columns(items, {"id", "name", "date", "themes", "organisers"},
                           [](const event& e, std::vector<py::list>& l) {
                               l[0].append(e.id), l[1].append(e.name), l[2].append(e.date);
                               l[3].append(py::cast(e.themes)), l[4].append(py::cast(e.organisers));
                           });
        })
        .def("_participation_columns", [](const alliance& a) {
            const auto copy = copied(a, [](const alliance& x) {
                return std::make_tuple(x.participations(), field_of(x.stakeholders(), &stakeholder::id),
                                       field_of(x.events(), &event::id));
            });
            const auto& items = std::get<0>(copy);
            const auto &ids = std::get<1>(copy), &events = std::get<2>(copy);
            return columns(items, {"stakeholder", "event"},
                           [&](const participation& p, std::vector<py::list>& l) {
                               l[0].append(ids[p.stakeholder]), l[1].append(events[p.event]);
                           });
        })
        .def("_read_csv_folder",
             [](alliance& a, const std::string& folder, const std::string& separator, std::optional<bool> decimal_comma,
                const std::string& encoding, const std::string& duplicates) {
                 const csv_folder_options o = folder_options(separator, decimal_comma, encoding, duplicates);
                 alliance loaded;
                 std::vector<problem> warnings;
                 {
                     py::gil_scoped_release release;
                     loaded = read_csv_folder(folder, o, &warnings);
                 }
                 a = std::move(loaded);  // only once everything was read
                 py::list out;
                 for (const auto& w : warnings) out.append(problem_dict(w));
                 return out;
             },
             py::arg("folder"), py::arg("separator") = "", py::arg("decimal_comma") = py::none(),
             py::arg("encoding") = "auto", py::arg("duplicates") = "merge",
             "Reads a CSV folder into this alliance; returns the warnings as dicts.");
    m.def("_check_csv_folder",
          [](const std::string& folder, const std::string& separator, std::optional<bool> decimal_comma,
             const std::string& encoding, const std::string& duplicates) {
              const csv_folder_options o = folder_options(separator, decimal_comma, encoding, duplicates);
              std::vector<problem> problems;
              {
                  py::gil_scoped_release release;
                  problems = check_csv_folder(folder, o);
              }
              py::list out;
              for (const auto& p : problems) out.append(problem_dict(p));
              return out;
          },
          py::arg("folder"), py::arg("separator") = "", py::arg("decimal_comma") = py::none(),
          py::arg("encoding") = "auto", py::arg("duplicates") = "merge",
          "Every problem of a CSV folder, as dicts (wijknet.validate).");
    m.def("_csv_folder_file_names", [] {
              std::vector<std::pair<std::string, strings>> out;
              for (const auto& f : csv_folder_file_names()) out.emplace_back(f.name, f.aliases);
              return out;
          },
          "The files of the CSV folder layout: (the name wijknet writes, the other names it reads).");
    m.def("_dutch", [](const std::string& english) { return detail::dutch(english); }, py::arg("english"),
          "The Dutch of a message of wijknet's readers and model, phrase by phrase (quoted text kept); phrases "
          "it does not know stay English.");
    m.def("_match_header",
          [](const std::string& file, const std::vector<std::string>& header, const std::map<std::string, std::string>& named) {
              // The folder reader's header rules for a pandas frame: `named` holds the names the
              // caller gave (from_pandas' id=, source= ...), by csv_columns field.
              csv_columns col;
              std::map<std::string, std::string*> fields = {
                  {"id", &col.id},         {"name", &col.name},         {"kind", &col.kind},
                  {"role", &col.role},     {"waves", &col.waves},       {"source", &col.source},
                  {"target", &col.target}, {"relation", &col.relation}, {"wave", &col.wave},
                  {"weight", &col.weight}, {"date", &col.date},         {"theme", &col.theme},
                  {"organisers", &col.organisers}, {"stakeholder", &col.stakeholder}, {"event", &col.event}};
              for (const auto& [field, name] : named) {
                  auto it = fields.find(field);
                  if (it == fields.end()) throw invalid_value_error("_match_header: no column field '" + field + "'");
                  *it->second = name;
              }
              const auto known = csv_known_columns(file, col);
              std::vector<problem> problems;
              const auto at = detail::match_header(file, header, known, [&](problem p) { problems.push_back(std::move(p)); }).at;
              py::dict positions;
              for (std::size_t k = 0; k < known.size(); ++k)
                  positions[py::str(known[k].field)] = at[k] ? py::cast(*at[k]) : py::none();
              py::list out;
              for (const auto& p : problems) out.append(problem_dict(p));
              return py::make_tuple(positions, out);
          },
          py::arg("file"), py::arg("header"), py::arg("named"),
          "Where the known columns of `file` (\"stakeholders.csv\" ...) sit in `header`, by field, and the header's "
          "problems as dicts: the folder reader's rules, for from_pandas.");
}

}  // namespace wijknet::python
