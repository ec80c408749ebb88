// wijknet._core: the compiled part of the Python package.
#include "bindings.hpp"

namespace wijknet::python {

attribute_value to_value(const py::handle& value, const std::string& key) {
    if (value.is_none()) return missing{};
    if (py::isinstance<py::bool_>(value)) return value.cast<bool>();
    if (py::isinstance<py::str>(value)) return value.cast<std::string>();
    if (py::hasattr(value, "__float__") && !py::isinstance<py::bytes>(value)) {
        const double x = value.cast<double>();
        if (x != x) return missing{};  // NaN: pandas' missing value
        return x;
    }
    throw invalid_value_error("attribute '" + key + "': expected None, a bool, a number or a str, got " +
                              std::string(py::str(py::type::of(value).attr("__name__"))));
}

attribute_map to_attributes(const py::object& values, const std::vector<std::string>& sensitive) {
    attribute_map out;
    if (!values.is_none()) {
        for (auto item : values.cast<py::dict>()) {
            const std::string key = py::str(item.first);
            out[key] = attribute{to_value(item.second, key), false};
        }
    }
    for (const auto& key : sensitive) {
        auto it = out.find(key);
        if (it == out.end())
            throw invalid_value_error("sensitive names attribute '" + key + "', which is not among the attributes");
        it->second.sensitive = true;
    }
    return out;
}

py::object from_value(const attribute_value& value) {
    if (auto s = std::get_if<std::string>(&value)) return py::str(*s);
    if (auto d = std::get_if<double>(&value)) return py::float_(*d);
    if (auto b = std::get_if<bool>(&value)) return py::bool_(*b);
    return py::none();
}

}  // namespace wijknet::python

PYBIND11_MODULE(_core, m) {
    namespace py = pybind11;
    m.doc() = R"pbdoc(
        The compiled core of wijknet. Use the package ``wijknet``, which wraps it.
    )pbdoc";
    m.attr("__version__") = WIJKNET_VERSION_INFO;

    // Exceptions mirror the C++ ones; the root is a ValueError, like std::invalid_argument.
    // Translators are tried newest first, so the specific ones are registered after the root.
    auto base = py::register_exception<wijknet::error>(m, "WijknetError", PyExc_ValueError);
    py::register_exception<wijknet::unknown_id_error>(m, "UnknownIdError", base.ptr());
    py::register_exception<wijknet::duplicate_id_error>(m, "DuplicateIdError", base.ptr());
    py::register_exception<wijknet::invalid_value_error>(m, "InvalidValueError", base.ptr());
    py::register_exception<wijknet::parse_error>(m, "ParseError", base.ptr());
    // A ParseError also carries where: .file, .line and .column (0 when not known).
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const wijknet::parse_error& e) {
            py::object type = py::module_::import("wijknet._core").attr("ParseError");
            py::object instance = type(e.what());
            instance.attr("file") = e.file();
            instance.attr("line") = e.line();
            instance.attr("column") = e.column();
            PyErr_SetObject(type.ptr(), instance.ptr());
        }
    });

    wijknet::python::register_model(m);
    wijknet::python::register_analysis(m);
    wijknet::python::register_io(m);
    wijknet::python::register_diagnostics(m);
    wijknet::python::register_tests(m);
    wijknet::python::register_incidents(m);
}
