// Shared by the binding sources only; never part of the public include/ tree.
#pragma once

#include <pybind11/pybind11.h>
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <map>
#include <type_traits>
#include <unordered_set>

#include <wijknet/wijknet.hpp>

namespace wijknet::python {

namespace py = pybind11;

/// Python value -> attribute value: None and NaN are missing; bool, int, float and str map to
/// boolean, number, number and text; anything with __float__ (numpy scalars) is a number.
attribute_value to_value(const py::handle& value, const std::string& key);

/// Python dict -> attribute map; the names in `sensitive` are marked sensitive.
attribute_map to_attributes(const py::object& values, const std::vector<std::string>& sensitive);

/// Attribute value -> Python value (None, bool, float, str).
py::object from_value(const attribute_value& value);

/// The selection keywords that pick part of an alliance (Python's Snapshot, the DOT writer):
/// relation, wave and role keys (None: all), the lightest tie kept, stakeholder ids (unknown ids
/// are errors) and `where`, a dict of attribute values a stakeholder must have.
selection make_selection(const alliance& a, const std::optional<std::vector<std::string>>& relations,
                         const std::optional<std::vector<std::string>>& waves, std::optional<double> min_weight,
                         const std::optional<std::vector<std::string>>& roles,
                         const std::optional<std::vector<std::string>>& ids, const py::object& where);

// Shared by the register_*.cpp files.

// Checks for Ctrl-C from the computing thread; wijknet::interrupted then unwinds the C++ side
// and the KeyboardInterrupt that PyErr_CheckSignals raised reaches Python.
inline run_options python_run(unsigned threads) {
    run_options o;
    o.threads = threads;
    o.should_stop = [] {
        py::gil_scoped_acquire gil;
        return PyErr_CheckSignals() != 0;
    };
    return o;
}

// Threads (docs/model.md, "Threads"). The GIL is the alliance's lock: every binding reads and
// changes an alliance only while it holds the GIL, so a Python thread that edits an alliance
// never meets one that reads it half-way. Code that runs without the GIL (without_gil, or a
// gil_scoped_release block) touches only what the call owns: a snapshot or a two-mode network
// (immutable once built), a copy of the alliance made beforehand, text, a fresh alliance that a
// reader fills and that replaces the caller's only after the GIL is taken again. Ctrl-C checks
// (python_run) take the GIL, so other threads may run at that moment: one more reason never to
// read a shared alliance there.

// The GIL guards an alliance only while no Python code runs, and building a Python object may
// run some: an allocation may start a garbage collection, whose finalizers are Python code,
// during which another thread may take the GIL and edit the alliance (a stakeholder read by
// reference then dangles, an index runs past a shrunk vector). So every binding that reads an
// alliance and builds Python objects reads through `copied` first: `read` copies what it needs,
// in C++ alone, and the Python objects are built from that copy. The static_asserts keep a
// reference or a Python object from slipping out of `read`; tests/python/test_threads.py calls
// every binding while another thread edits.
template <class Read>
auto copied(const alliance& a, Read&& read) {
    using value = decltype(read(a));
    static_assert(!std::is_reference_v<value>, "copied: return a copy, not a reference into the alliance");
    static_assert(!std::is_base_of_v<py::handle, std::decay_t<value>>, "copied: build Python objects after it");
    return read(a);
}

// One field of each of @p items, in order (ids or keys): a copy, for bindings that name
// stakeholders, waves or events by index (see copied).
template <class Items, class Field>
std::vector<std::string> field_of(const Items& items, Field field) {
    std::vector<std::string> out;
    out.reserve(items.size());
    for (const auto& x : items) out.push_back(x.*field);
    return out;
}

// Runs f without the GIL; an interruption becomes the pending Python exception.
template <class F>
auto without_gil(F&& f) -> decltype(f()) {
    try {
        py::gil_scoped_release release;
        return f();
    } catch (const interrupted&) {
        throw py::error_already_set();  // the KeyboardInterrupt set by PyErr_CheckSignals
    }
}

// A vector handed to Python as a numpy array without copying (the array owns it): a result of
// a few thousand numbers then costs microseconds instead of a list of Python objects.
template <class T>
py::array_t<T> to_numpy(std::vector<T>&& values) {
    auto* owned = new std::vector<T>(std::move(values));
    py::capsule free_when_done(owned, [](void* p) { delete static_cast<std::vector<T>*>(p); });
    return py::array_t<T>(static_cast<py::ssize_t>(owned->size()), owned->data(), free_when_done);
}

inline direction parse_direction(const std::string& d) {
    if (d == "out") return direction::out;
    if (d == "in") return direction::in;
    if (d == "all") return direction::all;
    throw invalid_value_error("direction must be 'out', 'in' or 'all', got '" + d + "'");
}

void register_model(py::module_& m);
void register_analysis(py::module_& m);
void register_io(py::module_& m);
void register_diagnostics(py::module_& m);
void register_tests(py::module_& m);
void register_twomode(py::module_& m);
void register_incidents(py::module_& m);
void register_frames(py::module_& m);

}  // namespace wijknet::python
