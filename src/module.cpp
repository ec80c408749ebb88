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
    base.attr("__doc__") = R"pbdoc(The root of wijknet's errors: bad input, with what was wrong, where, and what would be right.

        A ValueError; the specific errors (UnknownIdError, DuplicateIdError, InvalidValueError,
        ParseError, WriteError) derive from it. A file that does not exist is a FileNotFoundError
        instead. The object an edit failed on is left as it was.

        Examples
        --------
        >>> import wijknet
        >>> try:
        ...     wijknet.load_example().stakeholder("nobody")
        ... except wijknet.WijknetError as err:
        ...     print(type(err).__name__, err)
        UnknownIdError unknown stakeholder 'nobody'
    )pbdoc";
    auto unknown = py::register_exception<wijknet::unknown_id_error>(m, "UnknownIdError", base.ptr());
    unknown.attr("__doc__") = R"pbdoc(A stakeholder, role, relation, wave, event or other name that the alliance does not have.

        Examples
        --------
        >>> import wijknet
        >>> try:
        ...     wijknet.load_example().role("bakker")
        ... except wijknet.UnknownIdError as err:
        ...     print(err)
        unknown role 'bakker' (add it first if it is new)
    )pbdoc";
    auto duplicate = py::register_exception<wijknet::duplicate_id_error>(m, "DuplicateIdError", base.ptr());
    duplicate.attr("__doc__") = R"pbdoc(An id or name that is taken already.

        Examples
        --------
        >>> import wijknet
        >>> a = wijknet.Alliance()
        >>> a.add_stakeholder("coc")
        >>> try:
        ...     a.add_stakeholder("coc")
        ... except wijknet.DuplicateIdError as err:
        ...     print(err)
        stakeholder 'coc' already exists
    )pbdoc";
    auto invalid = py::register_exception<wijknet::invalid_value_error>(m, "InvalidValueError", base.ptr());
    invalid.attr("__doc__") = R"pbdoc(A value that is not allowed: an empty id, a weight that is not a finite number, an unknown option.

        Examples
        --------
        >>> import wijknet
        >>> a = wijknet.Alliance()
        >>> a.add_wave("T0")
        >>> a.add_stakeholder("coc")
        >>> a.add_stakeholder("agent")
        >>> try:
        ...     a.add_tie("coc", "agent", "referral", "T0", float("nan"))
        ... except wijknet.InvalidValueError as err:
        ...     print(err)
        referral tie 'coc' -> 'agent' in wave 'T0': weight must be a finite number, got nan
    )pbdoc";
    auto parse = py::register_exception<wijknet::parse_error>(m, "ParseError", base.ptr());
    parse.attr("__doc__") = R"pbdoc(A file that cannot be read as it is: the message names file, line and column.

        ``wijknet.validate`` lists every problem of a folder at once.

        Examples
        --------
        >>> from pathlib import Path
        >>> import wijknet
        >>> Path("broken").mkdir()
        >>> _ = Path("broken/stakeholders.csv").write_text("id,name,kind\ncoc,COC,bakkerij\n")
        >>> try:
        ...     wijknet.read_csv_folder("broken")
        ... except wijknet.ParseError as err:
        ...     print(err)
        broken/stakeholders.csv:2:3: unknown stakeholder kind 'bakkerij'; expected organisation, person, initiative or group
    )pbdoc";
    auto convergence = py::register_exception<wijknet::convergence_error>(m, "ConvergenceError", base.ptr());
    convergence.attr("__doc__") = R"pbdoc(An iterative measure (eigenvector, PageRank) that did not converge within its iterations.

        Raise ``max_iter`` or loosen ``tol``; on a disconnected or periodic network eigenvector
        centrality may not converge at all (use PageRank or Katz there).

        Examples
        --------
        >>> import wijknet
        >>> try:
        ...     wijknet.eigenvector(wijknet.load_example(), relations="collaboration", max_iter=1)
        ... except wijknet.ConvergenceError as err:
        ...     print(type(err).__name__)
        ConvergenceError
    )pbdoc";
    {
        py::dict body;
        body["__module__"] = "wijknet._core";
        body["__doc__"] = R"pbdoc(A file could not be written (folder missing, no permission, disk full ...).

        A WijknetError and an OSError. Every file is written atomically: a failed write leaves the
        previous file as it was.

        Examples
        --------
        >>> import wijknet
        >>> try:
        ...     wijknet.write(wijknet.Alliance(), "no/such/folder/a.json")
        ... except wijknet.WriteError as err:
        ...     print(isinstance(err, OSError), err)
        True no/such/folder/a.json: cannot create a file in folder 'no/such/folder' (the folder does not exist)
    )pbdoc";
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
    wijknet::python::register_frames(m);
}
