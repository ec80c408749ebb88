/// @file
/// @brief Graphviz DOT output (docs/io/dot.md): roles as colours, kinds as shapes.
#pragma once

#include <string>
#include <string_view>

#include "wijknet/config.hpp"
#include "wijknet/io/atomic_file.hpp"
#include "wijknet/model/alliance.hpp"
#include "wijknet/view/selection.hpp"

#if WIJKNET_BODIES
#include <algorithm>
#include <cmath>
#endif

namespace wijknet {

/// Options of the DOT writer.
struct dot_options {
    /// What to draw, as for a snapshot: relations, waves (with waves named, only the stakeholders
    /// present in one of them), min_weight, roles and filter pick stakeholders and ties; the
    /// default draws everything. symmetrize, parallel and self_ties do not apply: every kept tie
    /// is drawn as its own edge.
    wijknet::selection selected;
    /// Write stakeholder names as labels (default); ids otherwise (pseudonymous drawings).
    bool names = true;
};

#if WIJKNET_BODIES
namespace detail {

/// @p s as a DOT string literal: quotes and backslashes escaped, a line break (LF, CRLF or CR)
/// written as `\n`, a tab kept. Any other control character (U+0000..U+001F, U+007F) has no
/// DOT spelling: invalid_value_error naming @p whose() (e.g. "the name of stakeholder 'x'"),
/// so a raw NUL never reaches a file. O(|s|).
template <class Whose>
std::string dot_quote(std::string_view s, Whose&& whose) {
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
            out += "\\n";
            continue;
        }
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7F)
            throw invalid_value_error(whose() + " holds control character " + printable(std::string_view(&c, 1)) +
                                      ", which a DOT file cannot hold; remove it");
        out += c;
    }
    return out + "\"";
}

}  // namespace detail
#endif  // WIJKNET_BODIES

/// The alliance as a Graphviz digraph. Each stakeholder is a node filled with the colour of its
/// first role (a fixed palette over the role taxonomy, in taxonomy order; grey without a role;
/// further roles are listed in the tooltip) and shaped by its kind: organisation = box, person =
/// ellipse, initiative = diamond, group = hexagon. Each tie is an edge labelled with its relation
/// (and wave when several are drawn), `dir=none` for an undirected relation, pen width growing
/// with the weight (1 + log2 of the weight, weights below 1 count as 1). A legend cluster shows
/// the colours of the roles present.
///
/// @param a       the alliance
/// @param options what to draw (a selection: waves, relations, roles ...), and names or ids as labels
///
/// Only the stakeholders the selection keeps are drawn: with a wave named, those present in it
/// (a stakeholder who left before it is not), and only ties between them. Throws
/// unknown_id_error for an unknown wave, relation or role. O(size).
WIJKNET_DECL std::string to_dot(const alliance& a, const dot_options& options = {});
#if WIJKNET_BODIES
WIJKNET_DECL std::string to_dot(const alliance& a, const dot_options& options) {
    static const char* const palette[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
                                          "#e377c2", "#bcbd22", "#17becf", "#aec7e8", "#ffbb78", "#98df8a",
                                          "#ff9896", "#c5b0d5", "#c49c94", "#f7b6d2"};
    const std::size_t colours = sizeof palette / sizeof palette[0];
    const selected_parts kept = select(a, options.selected);
    auto colour = [&](const std::string& role) { return palette[a.roles().index_of(role) % colours]; };
    auto shape = [](stakeholder_kind k) {
        switch (k) {
            case stakeholder_kind::person: return "ellipse";
            case stakeholder_kind::initiative: return "diamond";
            case stakeholder_kind::group: return "hexagon";
            default: return "box";
        }
    };
    std::string out = "digraph alliance {\n  graph [overlap=false, splines=true];\n"
                      "  node [style=filled, fontname=\"Helvetica\", fontsize=10];\n"
                      "  edge [fontname=\"Helvetica\", fontsize=8, color=\"#555555\"];\n";
    std::vector<std::string> used_roles;
    for (index_t i = 0; i < a.num_stakeholders(); ++i) {
        if (!kept.stakeholder[i]) continue;
        const stakeholder& s = a.stakeholders()[i];
        const std::string fill = s.roles.empty() ? "#dddddd" : colour(s.roles[0]);
        std::string tooltip;
        for (const auto& r : s.roles) tooltip += (tooltip.empty() ? "" : ", ") + a.roles().at(r).label;
        for (const auto& r : s.roles)
            if (std::find(used_roles.begin(), used_roles.end(), r) == used_roles.end()) used_roles.push_back(r);
        auto whose = [&](const char* part) {
            return [&s, part] { return std::string(part) + " of stakeholder '" + detail::printable(s.id) + "'"; };
        };
        out += "  " + detail::dot_quote(s.id, whose("the id")) + " [label=" +
               detail::dot_quote(options.names ? s.name : s.id, whose(options.names ? "the name" : "the id")) +
               ", shape=" + shape(s.kind) + ", fillcolor=\"" + fill +
               "\", tooltip=" + detail::dot_quote(tooltip, whose("a role label")) +
               "];\n";
    }
    const bool several_waves = std::count(kept.wave.begin(), kept.wave.end(), 1) > 1;
    for (const auto& t : a.ties()) {
        if (!kept.keeps(t)) continue;
        const relation& r = a.relations()[t.relation];
        std::string label = r.key + (several_waves ? " " + a.waves()[t.wave].key : std::string());
        const double width = 1.0 + std::log2(std::max(1.0, t.weight));
        auto ends = [&] { return "the label of " + detail::printable(a.describe(t)); };
        out += "  " + detail::dot_quote(a.stakeholders()[t.source].id, ends) + " -> " +
               detail::dot_quote(a.stakeholders()[t.target].id, ends) + " [label=" + detail::dot_quote(label, ends) +
               ", penwidth=" + format_number(std::round(width * 100) / 100) + (r.directed ? "" : ", dir=none") +
               "];\n";
    }
    if (!used_roles.empty()) {
        out += "  subgraph cluster_legend {\n    label=\"roles\";\n    fontname=\"Helvetica\";\n";
        for (std::size_t i = 0; i < used_roles.size(); ++i)
            out += "    \"wijknet legend " + std::to_string(i) + "\"" + " [label=" + detail::dot_quote(a.roles().at(used_roles[i]).label, [&] {
                       return "the label of role '" + detail::printable(used_roles[i]) + "'";
                   }) +
                   ", shape=box, fillcolor=\"" + colour(used_roles[i]) + "\"];\n";
        out += "  }\n";
    }
    out += "}\n";
    return out;
}
#endif

/// Writes the alliance as a Graphviz DOT file atomically (see to_dot, write_file_atomically).
///
/// @param a       the alliance
/// @param path    the file to create or replace
/// @param options what to draw, and names or ids as labels
WIJKNET_DECL void write_dot(const alliance& a, const std::string& path, const dot_options& options = {});
#if WIJKNET_BODIES
WIJKNET_DECL void write_dot(const alliance& a, const std::string& path, const dot_options& options) {
    const std::string text = to_dot(a, options);
    write_file_atomically(path, [&](std::ostream& out) { out.write(text.data(), static_cast<std::streamsize>(text.size())); });
}
#endif

}  // namespace wijknet
