// Shared by the binding sources only; never part of the public include/ tree.
#pragma once

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <map>
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

void register_model(py::module_& m);
void register_analysis(py::module_& m);
void register_io(py::module_& m);

}  // namespace wijknet::python
