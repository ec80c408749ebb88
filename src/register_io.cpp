// Bindings of the readers and writers: JSON, GraphML, UCINET DL, DOT (the pandas, networkx and
// igraph conversions live in python/wijknet/_io.py).
#include "bindings.hpp"

namespace wijknet::python {

namespace {

using strings = std::vector<std::string>;

// Runs a C++ reader without the GIL, then replaces the alliance only once everything was read.
template <class Read>
void load_into(alliance& a, Read&& read) {
    alliance loaded;
    {
        py::gil_scoped_release release;
        loaded = read();
    }
    a = std::move(loaded);
}

// A writer's text returned to Python (path empty) or saved atomically to path (None returned).
// The text is made with the GIL held (it reads the alliance); only the file is written without.
template <class Text>
py::object dump(const std::string& path, Text&& text) {
    const std::string out = text();
    if (path.empty()) return py::str(out);
    {
        py::gil_scoped_release release;
        write_file_atomically(path, [&](std::ostream& o) { o.write(out.data(), static_cast<std::streamsize>(out.size())); });
    }
    return py::none();
}

std::vector<roster_response> responses_of(const std::vector<std::string>& respondents,
                                          const std::vector<std::string>& partners,
                                          const std::vector<std::string>& items, const std::vector<double>& values) {
    if (partners.size() != respondents.size() || items.size() != respondents.size() ||
        values.size() != respondents.size())
        throw invalid_value_error("roster columns differ in length");
    std::vector<roster_response> out(respondents.size());
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = {respondents[i], partners[i], items[i], values[i]};
    return out;
}

}  // namespace

void register_io(py::module_& m) {
    auto cls = py::reinterpret_borrow<py::class_<alliance>>(m.attr("Alliance"));
    cls.def("_load_json",
            [](alliance& a, const std::string& source, bool is_text) {
                load_into(a, [&] { return is_text ? parse_json(source) : read_json(source); });
            },
            py::arg("source"), py::arg("is_text") = false)
        .def("_load_graphml",
             [](alliance& a, const std::string& source, bool is_text, const std::string& default_relation,
                const std::string& default_wave, bool declare_unknown_roles) {
                 graphml_read_options o;
                 o.default_relation = default_relation;
                 o.default_wave = default_wave;
                 o.declare_unknown_roles = declare_unknown_roles;
                 load_into(a, [&] { return is_text ? parse_graphml(source, "", o) : read_graphml(source, o); });
             },
             py::arg("source"), py::arg("is_text") = false, py::arg("default_relation") = "tie",
             py::arg("default_wave") = "T0", py::arg("declare_unknown_roles") = false)
        .def("_load_dl",
             [](alliance& a, const std::string& source, bool is_text, const std::string& default_relation,
                const std::string& default_wave) {
                 dl_read_options o;
                 o.default_relation = default_relation;
                 o.default_wave = default_wave;
                 load_into(a, [&] { return is_text ? parse_dl(source, "", o) : read_dl(source, o); });
             },
             py::arg("source"), py::arg("is_text") = false, py::arg("default_relation") = "tie",
             py::arg("default_wave") = "T0")
        .def("_dump_json",
             [](const alliance& a, const std::string& path, bool include_sensitive) {
                 json_options o;
                 o.include_sensitive = include_sensitive;
                 return dump(path, [&] { return to_json(a, o); });
             },
             py::arg("path") = "", py::arg("include_sensitive") = false)
        .def("_dump_graphml",
             [](const alliance& a, const std::string& path, bool include_sensitive) {
                 graphml_write_options o;
                 o.include_sensitive = include_sensitive;
                 return dump(path, [&] { return to_graphml(a, o); });
             },
             py::arg("path") = "", py::arg("include_sensitive") = false)
        .def("_dump_dl",
             [](const alliance& a, const std::string& path, const std::string& format) {
                 dl_write_options o;
                 if (format == "edgelist1") o.format = dl_format::edgelist1;
                 else if (format != "fullmatrix")
                     throw invalid_value_error("DL format '" + format + "'; expected 'fullmatrix' or 'edgelist1'");
                 return dump(path, [&] { return to_dl(a, o); });
             },
             py::arg("path") = "", py::arg("format") = "fullmatrix")
        .def("_dump_dot",
             [](const alliance& a, const std::string& path, const std::optional<strings>& relations,
                const std::optional<strings>& waves, std::optional<double> min_weight, const std::optional<strings>& roles,
                const std::optional<strings>& ids, const py::object& where, bool names) {
                 dot_options o;
                 o.selected = make_selection(a, relations, waves, min_weight, roles, ids, where);
                 o.names = names;
                 return dump(path, [&] { return to_dot(a, o); });
             },
             py::arg("path") = "", py::arg("relations") = py::none(), py::arg("waves") = py::none(),
             py::arg("min_weight") = py::none(), py::arg("roles") = py::none(), py::arg("ids") = py::none(),
             py::arg("where") = py::none(), py::arg("names") = true);
    cls.def("_add_roster_ties",
            [](alliance& a, const std::vector<std::string>& respondents, const std::vector<std::string>& partners,
               const std::vector<std::string>& items, const std::vector<double>& values,
               const std::vector<std::string>& roster, const std::string& item, const std::string& relation,
               const std::string& wave, const std::string& rule, bool declare_wave) {
                roster_options o{item, relation, wave, tie_rule::as_reported, declare_wave};
                if (rule == "minimum") o.rule = tie_rule::minimum;
                else if (rule == "maximum") o.rule = tie_rule::maximum;
                else if (rule == "mean") o.rule = tie_rule::mean;
                else if (rule != "as_reported")
                    throw invalid_value_error("tie rule '" + rule + "'; expected as_reported, minimum, maximum or mean");
                const roster_summary s = add_roster_ties(a, responses_of(respondents, partners, items, values), roster, o);
                py::dict d;
                d["respondents"] = s.respondents, d["non_respondents"] = s.non_respondents, d["partly"] = s.partly;
                d["ties"] = s.ties, d["unconfirmed"] = s.unconfirmed;
                return d;
            },
            py::arg("respondents"), py::arg("partners"), py::arg("items"), py::arg("values"), py::arg("roster"),
            py::arg("item"), py::arg("relation"), py::arg("wave"), py::arg("rule"), py::arg("declare_wave") = false);
    m.def("_partner_scores",
          [](const std::vector<std::string>& respondents, const std::vector<std::string>& partners,
             const std::vector<std::string>& items, const std::vector<double>& values,
             const std::vector<std::string>& trust_items, const std::vector<std::string>& value_items) {
              py::dict out;
              for (const auto& [who, s] : partner_scores(responses_of(respondents, partners, items, values),
                                                         trust_items, value_items))
                  out[py::str(who)] = py::make_tuple(s.trust, s.value, s.raters);
              return out;
          },
          py::arg("respondents"), py::arg("partners"), py::arg("items"), py::arg("values"), py::arg("trust_items"),
          py::arg("value_items"));
    m.def("_read_csv_cells",
          [](const std::string& path, const std::string& separator, const std::string& encoding, bool collect) {
              // A CSV file's cells as text, read by the reader of CSV folders (so the same encodings,
              // separators and quoting rules hold); for readers written in Python (survey exports).
              if (separator.size() > 1) throw invalid_value_error("separator must be one character, got '" + separator + "'");
              csv_options o;
              o.separator = separator.empty() ? '\0' : separator[0];
              o.encoding = parse_text_encoding(encoding);
              std::vector<parse_error> bad_rows;
              csv_table t;
              {
                  py::gil_scoped_release release;
                  t = read_csv(path, o, collect ? &bad_rows : nullptr);
              }
              py::list rows;
              for (std::size_t r = 0; r < t.num_rows(); ++r) {
                  py::list row;
                  for (std::size_t c = 0; c < t.num_columns(); ++c) row.append(py::str(std::string(t.cell(r, c))));
                  rows.append(row);
              }
              std::vector<std::size_t> lines(t.num_rows());
              for (std::size_t r = 0; r < lines.size(); ++r) lines[r] = t.line(r);
              py::list bad;
              for (const auto& e : bad_rows) {
                  const problem p = detail::to_problem(e);
                  bad.append(py::make_tuple(p.line, p.column, p.message, p.message_nl));
              }
              py::dict d;
              d["header"] = t.header(), d["rows"] = rows, d["lines"] = lines, d["bad_rows"] = bad;
              d["encoding"] = to_string(t.encoding()), d["separator"] = std::string(1, t.separator());
              return d;
          },
          py::arg("path"), py::arg("separator") = "", py::arg("encoding") = "auto", py::arg("collect") = false);
    m.def("_selected",
          [](const alliance& a, const std::optional<strings>& relations, const std::optional<strings>& waves,
             std::optional<double> min_weight, const std::optional<strings>& roles, const std::optional<strings>& ids,
             const py::object& where) {
              // The stakeholders (by index) and ties (by index) a selection keeps: the rule every
              // snapshot follows, for the exports that keep ties as they are.
              const selected_parts kept = select(a, make_selection(a, relations, waves, min_weight, roles, ids, where));
              std::vector<bool> ties(a.num_ties());
              for (std::size_t i = 0; i < ties.size(); ++i) ties[i] = kept.keeps(a.ties()[i]);
              return py::make_tuple(std::vector<bool>(kept.stakeholder.begin(), kept.stakeholder.end()), ties);
          },
          py::arg("alliance"), py::arg("relations") = py::none(), py::arg("waves") = py::none(),
          py::arg("min_weight") = py::none(), py::arg("roles") = py::none(), py::arg("ids") = py::none(),
          py::arg("where") = py::none());
    m.def("_write_text_atomically",
          [](const std::string& path, const std::string& text) {
              py::gil_scoped_release release;
              write_file_atomically(path, [&](std::ostream& o) { o.write(text.data(), static_cast<std::streamsize>(text.size())); });
          },
          py::arg("path"), py::arg("text"), "Writes UTF-8 text to a file atomically (temporary file, then rename).");
    m.def("_write_folder_atomically",
          [](const std::string& folder, const std::vector<std::pair<std::string, std::string>>& files,
             const std::vector<std::string>& owned) {
              std::vector<folder_file> out;
              out.reserve(files.size());
              for (const auto& [name, text] : files) out.push_back({name, text});
              py::gil_scoped_release release;
              write_folder_atomically(folder, out, owned);
          },
          py::arg("folder"), py::arg("files"), py::arg("owned"),
          "Writes (name, UTF-8 text) files as one folder atomically (a new folder, then swapped in); files of "
          "the previous folder not named in files or owned are carried over.");
}

}  // namespace wijknet::python
