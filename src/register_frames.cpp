// Bindings that build an alliance from whole DataFrame columns (Python's from_pandas): one call
// per table instead of one per row. Ids, relations and waves are resolved in C++ through the
// alliance's hash indices; an error names the DataFrame row and column, through a callable the
// Python side passes (it knows the row labels and the user's column names).
#include <cmath>
#include <cstdint>
#include <functional>

#include "bindings.hpp"

#include <pybind11/numpy.h>

#include <wijknet/io/duplicates.hpp>

namespace wijknet::python {

namespace {

/// A DataFrame column as Python gives it here: a 1-D, C-contiguous numpy array of objects
/// (Series.to_numpy(dtype=object, na_value=None)), or None when the frame lacks the column.
class object_column {
public:
    object_column(const py::object& values, const char* field) {
        if (values.is_none()) return;
        auto array = py::reinterpret_borrow<py::array>(values);
        if (!py::isinstance<py::array>(values) || array.ndim() != 1 || array.dtype().kind() != 'O' ||
            (array.shape(0) > 1 && array.strides(0) != static_cast<py::ssize_t>(sizeof(PyObject*))))
            throw invalid_value_error(std::string("column '") + field +
                                      "' must be a contiguous 1-D numpy array of objects");
        array_ = array;
        data_ = static_cast<PyObject* const*>(array_.data());
        size_ = static_cast<std::size_t>(array_.shape(0));
        present_ = true;
    }

    bool present() const noexcept { return present_; }
    std::size_t size() const noexcept { return size_; }
    PyObject* operator[](std::size_t i) const noexcept { return data_[i]; }

    /// The text of cell @p i: empty for a missing cell (None, NaN); a str as it is (a view of its
    /// UTF-8, valid while the array lives); anything else as str() gives it, kept in @p scratch.
    std::string_view text(std::size_t i, std::string& scratch) const {
        PyObject* o = data_[i];
        if (o == Py_None || (PyFloat_Check(o) && std::isnan(PyFloat_AS_DOUBLE(o)))) return {};
        if (PyUnicode_Check(o)) {
            Py_ssize_t n = 0;
            const char* utf8 = PyUnicode_AsUTF8AndSize(o, &n);
            if (!utf8) throw py::error_already_set();
            return {utf8, static_cast<std::size_t>(n)};
        }
        scratch = py::str(py::handle(o)).cast<std::string>();
        return scratch;
    }

    /// A multi-valued cell: a '|'-joined str (parts trimmed, empty ones dropped), or a list,
    /// tuple or array of values (each as str()); missing = none.
    std::vector<std::string> list(std::size_t i) const {
        PyObject* o = data_[i];
        if (PyList_Check(o) || PyTuple_Check(o) || py::isinstance<py::array>(py::handle(o))) {
            std::vector<std::string> out;
            for (auto item : py::reinterpret_borrow<py::iterable>(o)) out.push_back(py::str(item).cast<std::string>());
            return out;
        }
        std::string scratch;
        return detail::split_list(text(i, scratch));
    }

private:
    py::array array_;
    PyObject* const* data_ = nullptr;
    std::size_t size_ = 0;
    bool present_ = false;
};

/// The attribute columns of a table: (name, values, sensitive) triples from Python.
struct attribute_columns {
    std::vector<std::string> names;
    std::vector<object_column> values;
    std::vector<bool> sensitive;

    explicit attribute_columns(const py::list& triples) {
        for (auto item : triples) {
            auto triple = item.cast<py::tuple>();
            names.push_back(triple[0].cast<std::string>());
            values.emplace_back(triple[1], names.back().c_str());
            sensitive.push_back(triple[2].cast<bool>());
        }
    }

    /// The attributes of row @p i; sets @p field to the column being read (for messages).
    attribute_map row(std::size_t i, const std::string*& field) const {
        attribute_map out;
        for (std::size_t c = 0; c < names.size(); ++c) {
            field = &names[c];
            out.emplace(names[c], attribute{to_value(py::handle(values[c][i]), names[c]), sensitive[c]});
        }
        return out;
    }
};

/// The row numbers of a table as the caller counts them: positions[r] for row r when given (the
/// rows left after dropping empty ones), else r.
class row_positions {
public:
    row_positions(const py::object& positions, std::size_t rows) {
        if (positions.is_none()) return;
        array_ = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>::ensure(positions);
        if (!array_ || array_.ndim() != 1 || static_cast<std::size_t>(array_.shape(0)) != rows)
            throw invalid_value_error("positions must be a 1-D array of row numbers as long as the table");
        data_ = array_.data();
    }
    std::size_t operator()(std::size_t r) const { return data_ ? static_cast<std::size_t>(data_[r]) : r; }

private:
    py::array_t<std::int64_t, py::array::c_style | py::array::forcecast> array_;
    const std::int64_t* data_ = nullptr;
};

/// Runs @p f for one row; a wijknet error it throws is thrown again, of the same type, with the
/// place of the row first ("ties row 3, column 'target': unknown stakeholder 'x'").
template <class F>
void at_row(const py::function& place, std::size_t row, const std::string*& field, F&& f) {
    auto where = [&] {
        return py::str(place(row, field ? py::object(py::str(*field)) : py::object(py::none()))).cast<std::string>() +
               ": ";
    };
    try {
        f();
    } catch (const unknown_id_error& e) {
        throw unknown_id_error(where() + e.what());
    } catch (const duplicate_id_error& e) {
        throw duplicate_id_error(where() + e.what());
    } catch (const invalid_value_error& e) {
        throw invalid_value_error(where() + e.what());
    } catch (const error& e) {
        throw error(where() + e.what());
    }
}

void check_lengths(std::size_t rows, std::initializer_list<const object_column*> columns,
                   const attribute_columns& attributes) {
    bool same = true;
    for (auto* c : columns) same &= !c->present() || c->size() == rows;
    for (const auto& c : attributes.values) same &= c.size() == rows;
    if (!same) throw invalid_value_error("the columns of a table must all have the same length");
}

/// A relation or wave name to its index, remembering the last name met (columns repeat them).
class name_cache {
public:
    template <class Resolve>
    std::size_t get(std::string_view name, Resolve&& resolve) {
        if (!last_ || name != last_->first) {
            last_.reset();
            last_.emplace(std::string(name), resolve(name));
        }
        return last_->second;
    }

private:
    std::optional<std::pair<std::string, std::size_t>> last_;
};

const std::string source_field = "source", target_field = "target", relation_field = "relation", wave_field = "wave",
                  weight_field = "weight", id_field = "id", name_field = "name", kind_field = "kind",
                  role_field = "role", waves_field = "waves";

void add_tie_columns(alliance& a, const py::object& sources, const py::object& targets, const py::object& relations,
                     const py::object& waves, const py::object& weights, const py::list& attribute_triples,
                     const std::string& duplicates, const std::string& default_relation,
                     const std::string& default_wave, bool create_stakeholders, bool declare_relations,
                     const py::object& positions, const py::function& place) {
    const object_column source(sources, "source"), target(targets, "target"), relation(relations, "relation"),
        wave(waves, "wave");
    const attribute_columns attributes(attribute_triples);
    const std::size_t rows = source.size();
    py::array_t<double, py::array::c_style | py::array::forcecast> weight;
    if (!weights.is_none()) weight = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(weights);
    if (!weights.is_none() && (!weight || weight.ndim() != 1 || static_cast<std::size_t>(weight.shape(0)) != rows))
        throw invalid_value_error("the weight column must be a 1-D array of numbers as long as the table");
    check_lengths(rows, {&target, &relation, &wave}, attributes);
    const row_positions position(positions, rows);
    const double* w = weights.is_none() ? nullptr : weight.data();

    const duplicate_rule rule = parse_duplicate_rule(duplicates);
    const bool weight_present = w != nullptr;
    tie_listings listings(a, rule, "row", "rij");
    a.reserve_ties(a.num_ties() + rows);
    name_cache relation_names, wave_names;
    std::string scratch;
    // Look-ups of a million ids wait mostly on memory: as the CSV reader does, fetch the index
    // slots 16 rows ahead and the records they point to 4 rows ahead (ASCII ids; others just wait).
    auto prefetch = [&](std::size_t row, bool record) {
        if (row >= rows) return;
        for (const object_column* column : {&source, &target}) {
            PyObject* o = (*column)[row];
            if (PyUnicode_Check(o) && PyUnicode_IS_COMPACT_ASCII(o))
                a.prefetch_stakeholder({static_cast<const char*>(PyUnicode_DATA(o)),
                                        static_cast<std::size_t>(PyUnicode_GET_LENGTH(o))},
                                       record);
        }
    };
    for (std::size_t r = 0; r < rows; ++r) {
        prefetch(r + 16, false);
        prefetch(r + 4, true);
        const std::string* field = nullptr;
        at_row(place, position(r), field, [&] {
            tie x;
            for (auto [end, column, name] : {std::tuple{&x.source, &source, &source_field},
                                             std::tuple{&x.target, &target, &target_field}}) {
                field = name;
                const std::string_view id = column->text(r, scratch);
                if (id.empty()) throw invalid_value_error("the stakeholder id is missing");
                if (auto i = a.find_stakeholder(id)) {
                    *end = *i;
                } else if (create_stakeholders) {
                    stakeholder s;
                    s.id = std::string(id);
                    *end = a.add_stakeholder(std::move(s));
                } else {
                    *end = a.stakeholder_index(id);  // throws, naming the closest ids
                }
            }
            field = &relation_field;
            std::string_view rel = relation.present() ? relation.text(r, scratch) : std::string_view();
            if (rel.empty()) rel = default_relation;
            x.relation = static_cast<std::uint16_t>(relation_names.get(rel, [&](std::string_view name) {
                if (auto i = a.find_relation(name)) return *i;
                if (declare_relations) a.add_relation({std::string(name), "", true});
                return a.relation_index(name);  // throws for an unknown one
            }));
            field = &wave_field;
            std::string_view wv = wave.present() ? wave.text(r, scratch) : std::string_view();
            if (wv.empty()) wv = default_wave;
            x.wave = static_cast<std::uint16_t>(wave_names.get(wv, [&](std::string_view key) {
                if (auto i = a.find_wave(key)) return *i;
                a.add_wave({std::string(key), std::string(key), ""});  // waves are declared as met
                return a.wave_index(key);
            }));
            field = &weight_field;
            x.weight = w && !std::isnan(w[r]) ? w[r] : 1.0;
            x.attributes = attributes.row(r, field);
            // What the alliance refuses: a weight that is not finite, an end absent from the
            // wave, or a tie that was there before this table.
            field = !std::isfinite(x.weight) ? &weight_field : &wave_field;
            const bool present = a.present(x.source, x.wave) && a.present(x.target, x.wave);
            if (present && std::isfinite(x.weight)) field = nullptr;
            auto conflict = listings.add(std::move(x), position(r) + 1);
            if (!conflict) return;
            // The column to blame, as the CSV reader does: the attribute whose values differ, the
            // weight when merging listings that disagree on it, else none (a repeat as such).
            field = rule == duplicate_rule::merge && weight_present ? &weight_field : nullptr;
            for (std::size_t c = 0; c < attributes.names.size(); ++c)
                if (attributes.names[c] == conflict->attribute) field = &attributes.names[c];
            throw duplicate_id_error(conflict->message + "; " + conflict->suggestion);
        });
    }
    listings.finish();
}

void add_stakeholder_columns(alliance& a, const py::object& ids, const py::object& names, const py::object& kinds,
                             const py::object& roles, const py::object& waves, const py::list& attribute_triples,
                             bool declare_unknown_roles, const py::object& positions, const py::function& place) {
    const object_column id(ids, "id"), name(names, "name"), kind(kinds, "kind"), role(roles, "role"),
        wave(waves, "waves");
    const attribute_columns attributes(attribute_triples);
    const std::size_t rows = id.size();
    check_lengths(rows, {&name, &kind, &role, &wave}, attributes);
    const row_positions position(positions, rows);
    std::string scratch;
    for (std::size_t r = 0; r < rows; ++r) {
        const std::string* field = nullptr;
        at_row(place, position(r), field, [&] {
            stakeholder s;
            field = &id_field;
            s.id = std::string(id.text(r, scratch));
            if (s.id.empty()) throw invalid_value_error("the stakeholder id is missing");
            if (a.find_stakeholder(s.id)) throw duplicate_id_error("stakeholder '" + s.id + "' already exists");
            if (name.present()) s.name = std::string(name.text(r, scratch));
            field = &kind_field;
            if (kind.present()) {
                const std::string_view k = kind.text(r, scratch);
                if (!k.empty()) s.kind = parse_stakeholder_kind(k);
            }
            field = &role_field;
            if (role.present()) s.roles = role.list(r);
            if (declare_unknown_roles)
                for (const auto& x : s.roles)
                    if (!a.roles().contains(x)) a.add_role({x, "", ""});
            field = &waves_field;
            if (wave.present()) s.waves = wave.list(r);
            for (const auto& x : s.waves)
                if (!a.find_wave(x)) a.add_wave({x, x, ""});  // waves are declared as met
            s.attributes = attributes.row(r, field);
            field = &role_field;  // what add_stakeholder can still refuse: an unknown role
            a.add_stakeholder(std::move(s));
        });
    }
}

}  // namespace

void register_frames(py::module_& m) {
    m.def("_add_tie_columns", &add_tie_columns, py::arg("alliance"), py::arg("sources"), py::arg("targets"),
          py::arg("relations"), py::arg("waves"), py::arg("weights"), py::arg("attributes"), py::arg("duplicates"),
          py::arg("default_relation"), py::arg("default_wave"), py::arg("create_stakeholders"),
          py::arg("declare_relations"), py::arg("positions"), py::arg("place"),
          R"pbdoc(
            Adds the ties of a table given as columns (object arrays; relations, waves, weights may
            be None), combining repeated listings by the duplicates rule. positions (None or an int
            array) numbers the rows as the caller's frame does; place(position, field) names a row
            and column in messages. The alliance is changed in place: the caller works on a copy
            it can drop (from_pandas does).
          )pbdoc");
    m.def("_add_stakeholder_columns", &add_stakeholder_columns, py::arg("alliance"), py::arg("ids"), py::arg("names"),
          py::arg("kinds"), py::arg("roles"), py::arg("waves"), py::arg("attributes"),
          py::arg("declare_unknown_roles"), py::arg("positions"), py::arg("place"),
          R"pbdoc(
            Adds the stakeholders of a table given as columns (object arrays; all but ids may be
            None); waves are declared as met. Changed in place, like _add_tie_columns.
          )pbdoc");
}

}  // namespace wijknet::python
