/// @file
/// @brief The exceptions wijknet throws.
///
/// Every error wijknet raises derives from wijknet::error, itself a std::runtime_error, so a
/// caller can catch all of wijknet's errors in one place or pick out one kind. Messages say what
/// was wrong, where (stakeholder id, file, line, column) and what would be right.
///
/// | C++                  | thrown when                                     | Python                         |
/// |----------------------|-------------------------------------------------|--------------------------------|
/// | error                | root of all below                               | WijknetError (a ValueError)    |
/// | unknown_id_error     | an id that is not known                         | UnknownIdError                 |
/// | duplicate_id_error   | an id that is taken                             | DuplicateIdError               |
/// | invalid_value_error  | a value out of range or not acceptable          | InvalidValueError              |
/// | parse_error          | text that cannot be read (file, line, column)   | ParseError                     |
/// | io_error (file_error)| a file that cannot be opened                    | the OSError of its errno       |
/// | write_error          | a file that cannot be written                   | WriteError (also an OSError)   |
/// | convergence_error    | an iteration that did not converge              | ConvergenceError               |
/// | interrupted          | run_options::should_stop asked to stop          | KeyboardInterrupt              |
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace wijknet {

/// Root of every exception wijknet throws.
class error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// An id (stakeholder, event, relation, wave, role, template) that is not known.
class unknown_id_error : public error {
public:
    using error::error;
};

/// An id that is already taken by another object of the same kind.
class duplicate_id_error : public error {
public:
    using error::error;
};

/// A value that is out of range or otherwise not acceptable (negative weight, empty id ...).
class invalid_value_error : public error {
public:
    using error::error;
};

/// A file or text that cannot be read; carries where the problem is.
class parse_error : public error {
public:
    /// @param file   the file name as given by the caller (may be empty for in-memory text)
    /// @param line   1-based line number, 0 if not known
    /// @param column 1-based column number, 0 if not known
    /// @param what   what was found and what was expected
    parse_error(const std::string& file, std::size_t line, std::size_t column, const std::string& what)
        : error(format(file, line, column, what)), file_(file), line_(line), column_(column) {}

    const std::string& file() const noexcept { return file_; }
    std::size_t line() const noexcept { return line_; }
    std::size_t column() const noexcept { return column_; }

private:
    static std::string format(const std::string& file, std::size_t line, std::size_t column,
                              const std::string& what) {
        std::string where = file.empty() ? std::string("<input>") : file;
        if (line > 0) where += ":" + std::to_string(line);
        if (column > 0) where += ":" + std::to_string(column);
        return where + ": " + what;
    }

    std::string file_;
    std::size_t line_;
    std::size_t column_;
};

/// A file that cannot be opened: it does not exist, a folder stands where a file is expected, or
/// it may not be read. A parse_error without line and column, so code catching parse_error
/// catches this too; Python raises the matching OSError (FileNotFoundError, IsADirectoryError,
/// NotADirectoryError, PermissionError) with the path as its filename.
class io_error : public parse_error {
public:
    /// Why the file cannot be opened.
    enum class reason { not_found, is_a_folder, not_a_folder, no_permission, other };

    /// @param file the path as given by the caller
    /// @param why  why it cannot be opened
    /// @param what a sentence saying so
    io_error(const std::string& file, reason why, const std::string& what)
        : parse_error(file, 0, 0, what), why_(why), sentence_(what) {}

    /// Why the file cannot be opened.
    reason why() const noexcept { return why_; }
    /// The sentence without the path ("no such file").
    const std::string& sentence() const noexcept { return sentence_; }

private:
    reason why_;
    std::string sentence_;
};

/// The name io_error had first; both name the same class.
using file_error = io_error;

/// A file could not be written (folder missing, no permission, disk full ...). The file that was
/// there before is left as it was (io/atomic_file.hpp). Python: WriteError, which is also an
/// OSError.
class write_error : public error {
public:
    using error::error;
};

/// An iterative computation (eigenvector, PageRank, Katz ...) did not converge within its
/// iteration limit; the message names the computation and the limit.
class convergence_error : public error {
public:
    using error::error;
};

/// A long computation was stopped because run_options::should_stop returned true (in Python:
/// Ctrl-C, which raises KeyboardInterrupt).
class interrupted : public error {
public:
    interrupted() : error("the computation was interrupted") {}
};

}  // namespace wijknet
