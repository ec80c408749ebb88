// Bindings of the incident log: its edits and tables on Alliance, and the analysis kernels of
// wijknet/diagnostics/incidents.hpp (the pandas layer is python/wijknet/_incidents.py).
#include "bindings.hpp"

namespace wijknet::python {

namespace {

using strings = std::vector<std::string>;

incident_selection selection(const strings& waves, const std::string& start, const std::string& end,
                             const strings& categories) {
    incident_selection s;
    s.waves = waves, s.from = start, s.to = end, s.categories = categories;
    return s;
}

std::string item(const py::handle& step, const char* key, bool required, std::size_t number) {
    py::object value;
    if (py::isinstance<py::dict>(step)) {
        py::dict d = py::reinterpret_borrow<py::dict>(step);
        if (d.contains(key)) value = d[key];
    } else if (py::hasattr(step, "get")) {
        value = step.attr("get")(key);
    }
    if (!value || value.is_none() || (py::isinstance<py::float_>(value) && value.cast<double>() != value.cast<double>())) {
        if (required) throw invalid_value_error("step " + std::to_string(number) + ": missing '" + key + "'");
        return {};
    }
    return py::str(value);
}

incident make_incident(const std::string& id, const std::string& reported, const std::string& category,
                       const std::string& neighbourhood, const std::string& description, const py::object& steps,
                       const py::object& attributes) {
    incident x;
    x.id = id, x.reported = reported, x.category = category, x.neighbourhood = neighbourhood;
    x.description = description;
    x.attributes = to_attributes(attributes, {});
    for (auto& [name, a] : x.attributes) a.sensitive = true;  // every incident field is sensitive
    std::size_t number = 0;
    if (!steps.is_none())
        for (auto step : steps) {
            ++number;
            x.steps.push_back({item(step, "stakeholder", true, number), item(step, "action", true, number),
                               item(step, "to", false, number), item(step, "time", true, number),
                               item(step, "note", false, number), 0});
        }
    return x;
}

template <class T>
py::list nan_list(const std::vector<T>& items, double T::*field) {
    py::list out;
    for (const auto& x : items) out.append(x.*field);
    return out;
}

// The ids and keys incident results name by index, copied (see copied, bindings.hpp).
struct names {
    strings stakeholders, waves, incidents;
};

names names_of(const alliance& a) {
    return {field_of(a.stakeholders(), &stakeholder::id), field_of(a.waves(), &wave::key),
            field_of(a.incidents().incidents(), &incident::id)};
}

}  // namespace

void register_incidents(py::module_& m) {
    auto cls = py::reinterpret_borrow<py::class_<alliance>>(m.attr("Alliance"));
    cls.def("add_incident_category",
            [](alliance& a, const std::string& key, const std::string& label, const std::string& d) {
                a.add_incident_category({key, label, d});
            },
            py::arg("key"), py::arg("label") = "", py::arg("description") = "",
            "Adds an incident category: a Dutch key and an English label, both unique (case-insensitive).")
        .def("add_incident_action",
             [](alliance& a, const std::string& key, const std::string& label, const std::string& kind,
                const std::string& d) { a.add_incident_action({key, label, d}, parse_action_kind(kind)); },
             py::arg("key"), py::arg("label") = "", py::arg("kind") = "act", py::arg("description") = "",
             "Adds a handling action: a Dutch key, an English label and what it means "
             "(receive, refer, act, inform or close).")
        .def_property_readonly("incident_categories", [](const alliance& a) {
            py::list out;
            for (const auto& c : copied(a, [](const alliance& x) { return x.incidents().categories().entries(); })) {
                py::dict d;
                d["key"] = c.key, d["label"] = c.label, d["description"] = c.description;
                out.append(d);
            }
            return out;
        }, "The incident categories: list of dicts with key, label (English) and description.")
        .def_property_readonly("incident_actions", [](const alliance& a) {
            const auto actions = copied(a, [](const alliance& x) {
                std::vector<std::pair<category, std::string>> out;  // each action with its kind
                for (std::size_t i = 0; i < x.incidents().actions().size(); ++i)
                    out.emplace_back(x.incidents().actions()[i], to_string(x.incidents().kind_of(i)));
                return out;
            });
            py::list out;
            for (const auto& [action, kind] : actions) {
                py::dict d;
                d["key"] = action.key, d["label"] = action.label, d["description"] = action.description;
                d["kind"] = kind;
                out.append(d);
            }
            return out;
        }, "The handling actions: list of dicts with key, label (English), description and kind.")
        .def("add_incident",
             [](alliance& a, const std::string& id, const std::string& reported, const std::string& category,
                const std::string& neighbourhood, const std::string& description, const py::object& steps,
                const py::object& attributes) {
                 a.add_incident(make_incident(id, reported, category, neighbourhood, description, steps, attributes));
             },
             py::arg("id"), py::arg("reported"), py::arg("category"), py::arg("neighbourhood") = "",
             py::arg("description") = "", py::arg("steps") = py::none(), py::arg("attributes") = py::none(),
             "Adds an incident with its handling steps (dicts with stakeholder, action, to, time, note); "
             "see Alliance.add_incident.")
        .def("remove_incident", &alliance::remove_incident, py::arg("id"), "Removes an incident.")
        .def_property_readonly("num_incidents", [](const alliance& a) { return a.incidents().size(); },
                               "How many incidents the log holds (a count is not sensitive).")
        .def_property_readonly("num_incident_steps", [](const alliance& a) { return a.incidents().num_steps(); })
        .def("_incident_columns", [](const alliance& a) {
            const std::vector<incident> items = copied(a, [](const alliance& x) { return x.incidents().incidents(); });
            py::list ids, reported, category, neighbourhood, description;
            std::map<std::string, py::list> extra;
            for (const auto& x : items)
                for (const auto& [k, v] : x.attributes) extra.emplace(k, py::list());
            for (const auto& x : items) {
                ids.append(x.id), reported.append(x.reported), category.append(x.category);
                neighbourhood.append(x.neighbourhood), description.append(x.description);
                for (auto& [k, list] : extra) {
                    auto it = x.attributes.find(k);
                    list.append(it == x.attributes.end() ? py::none() : from_value(it->second.value));
                }
            }
            py::dict out;
            out["id"] = ids, out["reported"] = reported, out["category"] = category;
            out["neighbourhood"] = neighbourhood, out["description"] = description;
            for (auto& [k, list] : extra) out[py::str(k)] = list;
            return out;
        })
        .def("_incident_step_columns", [](const alliance& a) {
            py::list incident_ids, number, stakeholder, action, to, time, note;
            for (const auto& x : copied(a, [](const alliance& y) { return y.incidents().incidents(); }))
                for (std::size_t k = 0; k < x.steps.size(); ++k) {
                    const auto& s = x.steps[k];
                    incident_ids.append(x.id), number.append(k + 1), stakeholder.append(s.stakeholder);
                    action.append(s.action), to.append(s.to), time.append(s.time), note.append(s.note);
                }
            py::dict out;
            out["incident"] = incident_ids, out["step"] = number, out["stakeholder"] = stakeholder;
            out["action"] = action, out["to"] = to, out["time"] = time, out["note"] = note;
            return out;
        })
        .def("_read_incidents_csv",
             [](alliance& a, const std::string& folder) {
                 read_incidents_csv(a, folder);  // GIL held: it changes the alliance
             },
             py::arg("folder"));

    // The incident log from columns (from_pandas): one call for the whole log; a refused row
    // leaves the alliance as it was and is named "incidents row N" / "incident_steps row N".
    m.def("_add_incident_log",
          [](alliance& a, const strings& ids, const strings& reported, const strings& category,
             const strings& neighbourhood, const strings& description, const py::dict& extra,
             const strings& step_incident, const strings& stakeholder, const strings& action, const strings& to,
             const strings& time, const strings& note) {
              const std::size_t n = ids.size(), k = step_incident.size();
              for (const strings* c : {&reported, &category, &neighbourhood, &description})
                  if (c->size() != n) throw invalid_value_error("incident columns differ in length");
              for (const strings* c : {&stakeholder, &action, &to, &time, &note})
                  if (c->size() != k) throw invalid_value_error("incident step columns differ in length");
              std::vector<incident> log(n);
              std::unordered_map<std::string, std::size_t> row_of;
              row_of.reserve(n);
              for (std::size_t i = 0; i < n; ++i) {
                  incident& x = log[i];
                  x.id = ids[i], x.reported = reported[i], x.category = category[i];
                  x.neighbourhood = neighbourhood[i], x.description = description[i];
                  row_of.emplace(ids[i], i);
              }
              for (auto item : extra) {
                  const std::string name = py::str(item.first);
                  const py::list values = py::reinterpret_borrow<py::list>(item.second);
                  if (values.size() != n) throw invalid_value_error("incident column '" + name + "' differs in length");
                  for (std::size_t i = 0; i < n; ++i) log[i].attributes[name] = attribute{to_value(values[i], name), true};
              }
              std::vector<std::vector<std::size_t>> step_rows(n);
              for (std::size_t r = 0; r < k; ++r) {
                  auto it = row_of.find(step_incident[r]);
                  if (it == row_of.end())
                      throw unknown_id_error("incident_steps row " + std::to_string(r + 1) + ": step of unknown incident '" +
                                             step_incident[r] + "'");
                  log[it->second].steps.push_back({stakeholder[r], action[r], to[r], time[r], note[r], 0});
                  step_rows[it->second].push_back(r);
              }
              alliance copy = a;  // GIL held throughout: the alliance is read, then replaced
              copy.reserve_incidents(copy.incidents().size() + n);
              for (std::size_t i = 0; i < n; ++i)
                  copy.add_incident(std::move(log[i]), [&](std::size_t step, const char*, bool unknown, const std::string& what) {
                      const std::string where = step == std::size_t(-1)
                                                    ? "incidents row " + std::to_string(i + 1)
                                                    : "incident_steps row " + std::to_string(step_rows[i][step] + 1);
                      if (unknown) throw unknown_id_error(where + ": " + what);
                      if (what.find("already exists") != std::string::npos) throw duplicate_id_error(where + ": " + what);
                      throw invalid_value_error(where + ": " + what);
                  });
              a = std::move(copy);
          });
    m.def("_incident_waves", [](const alliance& a) {
        const auto [found, waves] = copied(a, [](const alliance& x) {
            return std::make_pair(incident_waves(x), field_of(x.waves(), &wave::key));
        });
        py::list out;
        for (std::size_t w : found) out.append(w == std::size_t(-1) ? py::object(py::none()) : py::object(py::str(waves[w])));
        return out;
    });
    m.def("_handoff_alliance",
          [](alliance& into, const alliance& a, const strings& waves, const std::string& start, const std::string& end,
             const strings& categories, const std::string& relation) {
              into = handoff_alliance(a, selection(waves, start, end, categories), relation);
          });
    m.def("_incident_handoffs",
          [](const alliance& a, const strings& waves, const std::string& start, const std::string& end,
             const strings& categories, const strings& relations) {
              const auto [h, n] = copied(a, [&](const alliance& x) {
                  return std::make_pair(incident_handoffs(x, selection(waves, start, end, categories), relations),
                                        names_of(x));
              });
              py::list incident_ids, step, source, target, wave, along, waiting;
              for (const auto& x : h) {
                  incident_ids.append(n.incidents[x.incident]), step.append(x.step + 1);
                  source.append(n.stakeholders[x.source]), target.append(n.stakeholders[x.target]);
                  wave.append(x.wave == std::size_t(-1) ? py::object(py::none()) : py::object(py::str(n.waves[x.wave])));
                  along.append(x.along_tie), waiting.append(x.waiting);
              }
              py::dict out;
              out["incident"] = incident_ids, out["step"] = step, out["source"] = source, out["target"] = target;
              out["wave"] = wave, out["along_tie"] = along, out["waiting_hours"] = waiting;
              return out;
          });
    m.def("_incident_routes",
          [](const alliance& a, const strings& waves, const std::string& start, const std::string& end,
             const strings& categories, const strings& chain) {
              const auto [f, log, n] = copied(a, [&](const alliance& x) {
                  return std::make_tuple(incident_routes(x, selection(waves, start, end, categories), chain),
                                         x.incidents().incidents(), names_of(x));
              });
              py::list incident_ids, category, wave, handoffs, route, matched, open, last_stakeholder, last_action;
              for (const auto& x : f) {
                  const incident& i = log[x.incident];
                  incident_ids.append(i.id), category.append(i.category);
                  wave.append(x.wave == std::size_t(-1) ? py::object(py::none()) : py::object(py::str(n.waves[x.wave])));
                  handoffs.append(x.handoffs), matched.append(x.chain_matched);
                  strings ids;
                  for (index_t s : x.route) ids.push_back(n.stakeholders[s]);
                  route.append(py::cast(ids));
                  open.append(std::isnan(x.closure));
                  if (x.last_step == std::size_t(-1)) last_stakeholder.append(py::none()), last_action.append(py::none());
                  else last_stakeholder.append(i.steps[x.last_step].stakeholder), last_action.append(i.steps[x.last_step].action);
              }
              py::dict out;
              out["incident"] = incident_ids, out["category"] = category, out["wave"] = wave;
              out["first_action_hours"] = nan_list(f, &incident_facts::first_action);
              out["closure_hours"] = nan_list(f, &incident_facts::closure);
              out["open"] = open, out["handoffs"] = handoffs, out["route"] = route, out["chain_matched"] = matched;
              out["last_stakeholder"] = last_stakeholder, out["last_action"] = last_action;
              return out;
          });
    m.def("_incident_activities",
          [](const alliance& a, const strings& waves, const std::string& start, const std::string& end,
             const strings& categories) {
              const auto [act, n] = copied(a, [&](const alliance& x) {
                  return std::make_pair(incident_activities(x, selection(waves, start, end, categories)), names_of(x));
              });
              py::list id, received, referred, acted, informed, closed, passed_to, handled, alone;
              for (const auto& x : act) {
                  id.append(n.stakeholders[x.stakeholder]), received.append(x.received), referred.append(x.referred);
                  acted.append(x.acted), informed.append(x.informed), closed.append(x.closed);
                  passed_to.append(x.passed_to), handled.append(x.handled), alone.append(x.alone);
              }
              py::dict out;
              out["id"] = id, out["received"] = received, out["referred"] = referred, out["acted"] = acted;
              out["informed"] = informed, out["closed"] = closed, out["passed_to"] = passed_to;
              out["handled"] = handled, out["alone"] = alone;
              return out;
          });
}

}  // namespace wijknet::python
