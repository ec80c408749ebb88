/// @file
/// @brief Method templates: which roles an alliance run by a given method needs.
#pragma once

#include <string>
#include <vector>

namespace wijknet {

/// How strongly a method asks for a role.
enum class requirement_level { required, recommended };

/// One role a method asks for, and where that requirement comes from.
struct role_requirement {
    std::string role;  ///< role key, e.g. "wijkagent"
    requirement_level level = requirement_level::required;
    std::string source;  ///< where the requirement comes from (document, section), for reports

    friend bool operator==(const role_requirement& a, const role_requirement& b) {
        return a.role == b.role && a.level == b.level && a.source == b.source;
    }
};

/// A method template is data: a named list of role requirements. The built-in ones are
/// `samen_in_de_wijk` and `alle_kleuren` (see builtin.hpp and docs/method_templates.md); users
/// add their own with wijknet::alliance::add_template.
struct method_template {
    std::string key;    ///< e.g. "samen_in_de_wijk"
    std::string label;  ///< e.g. "Samen in de Wijk (Dona Daria): chain approach"
    std::string description;
    std::vector<role_requirement> roles;

    /// Role keys at the given level, in template order.
    std::vector<std::string> roles_at(requirement_level level) const {
        std::vector<std::string> out;
        for (const auto& r : roles)
            if (r.level == level) out.push_back(r.role);
        return out;
    }

    friend bool operator==(const method_template& a, const method_template& b) {
        return a.key == b.key && a.label == b.label && a.description == b.description && a.roles == b.roles;
    }
};

/// "required" / "recommended"
inline const char* to_string(requirement_level level) noexcept {
    return level == requirement_level::required ? "required" : "recommended";
}

}  // namespace wijknet
