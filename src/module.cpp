// wijknet._core: the compiled part of the Python package.
#include "bindings.hpp"

#include <cerrno>
#include <filesystem>
#include <utility>

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

selection make_selection(const alliance& a, const std::optional<std::vector<std::string>>& relations,
                         const std::optional<std::vector<std::string>>& waves, std::optional<double> min_weight,
                         const std::optional<std::vector<std::string>>& roles,
                         const std::optional<std::vector<std::string>>& ids, const py::object& where) {
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
            for (const auto& [key, value] : wanted) {
                auto it = x.attributes.find(key);
                if (it == x.attributes.end() || it->second.value != value.value) return false;
            }
            return true;
        };
    return s;
}

std::string python_spelling(std::string text) {
    // C++ names in messages that C++ callers need, and the Python spelling of the same thing.
    static const std::pair<std::string, std::string> names[] = {
        {"use weight_mode::none", "pass weight=None"},
        {"weight_mode::none", "weight=None"},
        {"weight_mode::strength", "weight='strength'"},
        {"weight_mode::distance", "weight='distance'"},
        {"suggest_ties(objective=distance) needs role_a and role_b",
         "suggest_ties(objective='distance') needs closer=(role, role)"},
    };
    for (const auto& [cpp, python] : names)
        for (auto at = text.find(cpp); at != std::string::npos; at = text.find(cpp, at + python.size()))
            text.replace(at, cpp.size(), python);
    return text;
}

namespace {

// wijknet._core.<type>(message), with the message in Python's spelling.
py::object make_error(const char* type, const std::string& message) {
    return py::module_::import("wijknet._core").attr(type)(message);
}

py::object make_error(const char* type, const std::exception& e) { return make_error(type, python_spelling(e.what())); }

// Makes `instance` the pending Python exception.
void set_error(const py::object& instance) { PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(instance.ptr())), instance.ptr()); }

// A file that cannot be opened as the OSError of its errno, with the path as filename.
void set_os_error(const io_error& e) {
    using reason = io_error::reason;
    const int code = e.why() == reason::not_found       ? ENOENT
                     : e.why() == reason::is_a_folder   ? EISDIR
                     : e.why() == reason::not_a_folder  ? ENOTDIR
                     : e.why() == reason::no_permission ? EACCES
                                                        : 0;
    // OSError(errno, ...) is the subclass for the errno: FileNotFoundError, IsADirectoryError ...
    set_error(py::reinterpret_borrow<py::object>(PyExc_OSError)(code, e.sentence(), e.file()));
}

}  // namespace

}  // namespace wijknet::python

PYBIND11_MODULE(_core, m) {
    namespace py = pybind11;
    m.doc() = R"pbdoc(
        The compiled core of wijknet. Use the package ``wijknet``, which wraps it.
    )pbdoc";
    m.attr("__version__") = WIJKNET_VERSION_INFO;

    // Exceptions mirror the C++ ones of wijknet/error.hpp; the root is a ValueError (bad input,
    // as analysts expect). A file that cannot be opened is the matching OSError, a failed write a
    // WriteError that is also an OSError, an interrupted computation a KeyboardInterrupt;
    // messages use Python spellings (python_spelling). One translator for them all.
    auto base = py::register_exception<wijknet::error>(m, "WijknetError", PyExc_ValueError);
    py::register_exception<wijknet::unknown_id_error>(m, "UnknownIdError", base.ptr());
    py::register_exception<wijknet::duplicate_id_error>(m, "DuplicateIdError", base.ptr());
    py::register_exception<wijknet::invalid_value_error>(m, "InvalidValueError", base.ptr());
    py::register_exception<wijknet::parse_error>(m, "ParseError", base.ptr());
    py::register_exception<wijknet::convergence_error>(m, "ConvergenceError", base.ptr());
    {
        py::dict body;
        body["__module__"] = "wijknet._core";
        body["__doc__"] = "A file could not be written (folder missing, no permission, disk full ...): a WijknetError "
                          "and an OSError.";
        m.attr("WriteError") = py::reinterpret_borrow<py::object>(reinterpret_cast<PyObject*>(&PyType_Type))(
            "WriteError", py::make_tuple(base, py::handle(PyExc_OSError)), body);
    }
    py::register_exception_translator([](std::exception_ptr p) {
        namespace wp = wijknet::python;
        try {
            if (p) std::rethrow_exception(p);
        } catch (const wijknet::io_error& e) {
            wp::set_os_error(e);
        } catch (const wijknet::parse_error& e) {
            // A ParseError also carries where: .file, .line and .column (0 when not known).
            py::object instance = wp::make_error("ParseError", e);
            instance.attr("file") = e.file();
            instance.attr("line") = e.line();
            instance.attr("column") = e.column();
            wp::set_error(instance);
        } catch (const wijknet::write_error& e) {
            wp::set_error(wp::make_error("WriteError", e));
        } catch (const wijknet::unknown_id_error& e) {
            wp::set_error(wp::make_error("UnknownIdError", e));
        } catch (const wijknet::duplicate_id_error& e) {
            wp::set_error(wp::make_error("DuplicateIdError", e));
        } catch (const wijknet::invalid_value_error& e) {
            wp::set_error(wp::make_error("InvalidValueError", e));
        } catch (const wijknet::convergence_error& e) {
            wp::set_error(wp::make_error("ConvergenceError", e));
        } catch (const wijknet::interrupted&) {
            if (!PyErr_Occurred()) PyErr_SetNone(PyExc_KeyboardInterrupt);
        } catch (const wijknet::error& e) {
            wp::set_error(wp::make_error("WijknetError", e));
        } catch (const std::filesystem::filesystem_error& e) {
            // OSError(errno, ...) is the subclass for the errno (FileNotFoundError ...).
            wp::set_error(py::reinterpret_borrow<py::object>(PyExc_OSError)(e.code().value(), e.code().message(),
                                                                            e.path1().string()));
        } catch (const py::builtin_exception&) {
            throw;  // pybind11's own (TypeError, KeyError ...): its default translator
        } catch (const py::error_already_set&) {
            throw;  // a Python exception already (a KeyboardInterrupt from a long computation)
        } catch (const std::bad_alloc&) {
            throw;  // MemoryError
        } catch (const std::exception& e) {
            // Nothing of wijknet's own should end here; if it does, say so in words, not only in C++'s.
            wp::set_error(wp::make_error("WijknetError", std::string("wijknet could not finish because of an internal error (") +
                                                             e.what() + "); please report it, with the data that caused it"));
        }
    });

    wijknet::python::register_model(m);
    wijknet::python::register_analysis(m);
    wijknet::python::register_io(m);
    wijknet::python::register_diagnostics(m);
    wijknet::python::register_tests(m);
    wijknet::python::register_twomode(m);
    wijknet::python::register_incidents(m);
}
