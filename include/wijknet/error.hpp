/// @file
/// @brief The exceptions wijknet throws.
///
/// Every error wijknet raises derives from wijknet::error, itself a std::invalid_argument, so
/// a caller can catch all of wijknet's errors in one place or pick out one kind. Messages say
/// what was wrong, where (stakeholder id, file, line, column) and what would be right.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace wijknet {

/// Root of every exception wijknet throws.
class error : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
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

}  // namespace wijknet
