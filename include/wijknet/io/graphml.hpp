/// @file
/// @brief GraphML read and write (docs/io/graphml.md): typed attributes, multiplex ties as
/// parallel edges; files move to and from networkx, igraph, Gephi and yEd.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "wijknet/config.hpp"
#include "wijknet/io/atomic_file.hpp"
#include "wijknet/model/alliance.hpp"

#if WIJKNET_BODIES
#include <charconv>
#include <map>
#include <set>

#include "wijknet/detail/file.hpp"
#include "wijknet/detail/text.hpp"
#include "wijknet/detail/xml.hpp"
#include "wijknet/io/csv_folder.hpp"
#endif

namespace wijknet {

/// Options of the GraphML writer.
struct graphml_write_options {
    /// Write attributes marked sensitive (left out by default; a comment in the file names them).
    bool include_sensitive = false;
};

/// What the GraphML reader accepts at most (docs/import.md, "Limits"), besides the XML reader's
/// nesting depth of 100.
struct graphml_limits {
    /// Attribute values the file asks for: every node gets a value (perhaps missing) for every
    /// key declared for nodes, every edge for every key declared for edges, so a few bytes of
    /// declarations can ask for nodes x keys values; past this it is a parse_error.
    static constexpr std::size_t attribute_values = 10000000;
};

/// Options of the GraphML reader.
struct graphml_read_options {
    /// Relation of edges without a `relation` attribute; declared (directed as the graph's
    /// edgedefault) if the alliance does not know it.
    std::string default_relation = "tie";
    /// Wave of edges without a `wave` attribute; declared if needed.
    std::string default_wave = "T0";
    /// Declare roles the taxonomy does not know (key = label = the name found) instead of
    /// failing.
    bool declare_unknown_roles = false;
};

#if WIJKNET_BODIES
namespace detail {

/// GraphML attr.type of an attribute over all records: the one type all present values share,
/// "string" when they differ or all are missing.
template <class Items>
std::vector<std::pair<std::string, const char*>> graphml_attribute_types(const Items& items, bool include_sensitive,
                                                                         std::set<std::string>& omitted) {
    std::map<std::string, int> type;  // -1 none yet, 0 string, 1 double, 2 boolean, 3 mixed
    for (const auto& item : items)
        for (const auto& [name, a] : item.attributes) {
            if (a.sensitive && !include_sensitive) {
                omitted.insert(name);
                continue;
            }
            int& t = type.emplace(name, -1).first->second;
            if (is_missing(a.value)) continue;
            const int now = std::holds_alternative<double>(a.value) ? 1 : std::holds_alternative<bool>(a.value) ? 2 : 0;
            t = t == -1 || t == now ? now : 3;
        }
    std::vector<std::pair<std::string, const char*>> out;
    for (const auto& [name, t] : type) out.emplace_back(name, t == 1 ? "double" : t == 2 ? "boolean" : "string");
    return out;
}

inline std::string join_bar(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? "|" : "") + items[i];
    return out;
}

}  // namespace detail
#endif  // WIJKNET_BODIES

/// The alliance as a GraphML document: one node per stakeholder (attributes `name`, `kind`,
/// `role` and `waves`, the last two `|`-joined, then its own attributes), one edge per tie
/// (attributes `relation`, `wave`, `weight`, then its own), so a multiplex alliance becomes a
/// directed multigraph with parallel edges. Ties of an undirected relation appear once, in the
/// order stored. Graph attributes `waves` (the waves in time order) and `undirected_relations`
/// (`|`-joined) let read_graphml restore both. Attribute types: `double` for numbers,
/// `boolean`, `string`; an attribute whose values mix types is written as text. Missing values
/// are left out (no `<data>` element). Events and participation are not part of GraphML
/// (use JSON for them).
///
/// @param a       the alliance
/// @param options whether sensitive attributes are written
///
/// Throws invalid_value_error when an attribute is called like a fixed column (`name`, `kind`,
/// `role`, `waves` for stakeholders; `relation`, `wave`, `weight` for ties). O(size).
WIJKNET_DECL std::string to_graphml(const alliance& a, const graphml_write_options& options = {});
#if WIJKNET_BODIES
WIJKNET_DECL std::string to_graphml(const alliance& a, const graphml_write_options& options) {
    using detail::xml_escape;
    std::set<std::string> omitted_nodes, omitted_edges;
    const auto node_attributes =
        detail::graphml_attribute_types(a.stakeholders(), options.include_sensitive, omitted_nodes);
    const auto edge_attributes = detail::graphml_attribute_types(a.ties(), options.include_sensitive, omitted_edges);
    for (const auto& [name, type] : node_attributes)
        if (name == "name" || name == "kind" || name == "role" || name == "waves")
            throw invalid_value_error("stakeholder attribute '" + name +
                                      "' has the name of a fixed GraphML node attribute; rename it");
    for (const auto& [name, type] : edge_attributes)
        if (name == "relation" || name == "wave" || name == "weight")
            throw invalid_value_error("tie attribute '" + name +
                                      "' has the name of a fixed GraphML edge attribute; rename it");

    std::string out;
    out.reserve(1024 + a.num_stakeholders() * 200 + a.num_ties() * 150);
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
           "xmlns:wijknet=\"urn:wijknet:graphml\" "
           "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
           "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    if (!omitted_nodes.empty() || !omitted_edges.empty()) {
        out += "  <!-- sensitive attributes left out: stakeholders: " + detail::join_bar(std::vector<std::string>(
                   omitted_nodes.begin(), omitted_nodes.end())) +
               "; ties: " + detail::join_bar(std::vector<std::string>(omitted_edges.begin(), omitted_edges.end())) +
               " -->\n";
    }
    std::size_t next_key = 0;
    std::map<std::string, std::string> node_key, edge_key;
    auto key = [&](const char* domain, const std::string& name, const char* type,
                   std::map<std::string, std::string>& ids, bool sensitive = false) {
        const std::string id = "d" + std::to_string(next_key++);
        ids[name] = id;
        out += "  <key id=\"" + id + "\" for=\"" + domain + "\" attr.name=\"";
        xml_escape(out, name);
        out += "\" attr.type=\"" + std::string(type) + (sensitive ? "\" wijknet:sensitive=\"true" : "") + "\"/>\n";
    };
    auto any_sensitive = [](const auto& items, const std::string& name) {
        for (const auto& item : items) {
            auto it = item.attributes.find(name);
            if (it != item.attributes.end() && it->second.sensitive) return true;
        }
        return false;
    };
    std::map<std::string, std::string> graph_key;
    key("graph", "waves", "string", graph_key);
    key("graph", "undirected_relations", "string", graph_key);
    for (const auto& [name, value] : a.about()) key("graph", "about:" + name, "string", graph_key);
    for (const char* fixed : {"name", "kind", "role", "waves"}) key("node", fixed, "string", node_key);
    for (const auto& [name, type] : node_attributes)
        key("node", name, type, node_key, any_sensitive(a.stakeholders(), name));
    key("edge", "relation", "string", edge_key);
    key("edge", "wave", "string", edge_key);
    key("edge", "weight", "double", edge_key);
    for (const auto& [name, type] : edge_attributes) key("edge", name, type, edge_key, any_sensitive(a.ties(), name));

    auto data = [&](const std::string& id, const std::string& value) {
        out += "<data key=\"" + id + "\">";
        xml_escape(out, value);
        out += "</data>";
    };
    auto data_attributes = [&](const attribute_map& attributes, const std::map<std::string, std::string>& ids,
                               const std::vector<std::pair<std::string, const char*>>& types) {
        for (const auto& [name, type] : types) {
            auto it = attributes.find(name);
            if (it == attributes.end() || is_missing(it->second.value)) continue;
            // The mark is per record: another record may hold the same name unmarked.
            if (it->second.sensitive && !options.include_sensitive) continue;
            data(ids.at(name), to_string(it->second.value));
        }
    };

    out += "  <graph id=\"alliance\" edgedefault=\"directed\">\n    ";
    std::vector<std::string> waves, undirected;
    for (const auto& w : a.waves()) waves.push_back(w.key);
    for (const auto& r : a.relations())
        if (!r.directed) undirected.push_back(r.key);
    data(graph_key["waves"], detail::join_bar(waves));
    data(graph_key["undirected_relations"], detail::join_bar(undirected));
    for (const auto& [name, value] : a.about()) data(graph_key["about:" + name], value);
    out += "\n";
    for (const auto& s : a.stakeholders()) {
        out += "    <node id=\"";
        xml_escape(out, s.id);
        out += "\">";
        data(node_key["name"], s.name);
        data(node_key["kind"], to_string(s.kind));
        data(node_key["role"], detail::join_bar(s.roles));
        if (!s.waves.empty()) data(node_key["waves"], detail::join_bar(s.waves));
        data_attributes(s.attributes, node_key, node_attributes);
        out += "</node>\n";
    }
    for (const auto& t : a.ties()) {
        out += "    <edge source=\"";
        xml_escape(out, a.stakeholders()[t.source].id);
        out += "\" target=\"";
        xml_escape(out, a.stakeholders()[t.target].id);
        out += "\">";
        data(edge_key["relation"], a.relations()[t.relation].key);
        data(edge_key["wave"], a.waves()[t.wave].key);
        data(edge_key["weight"], format_number(t.weight));
        data_attributes(t.attributes, edge_key, edge_attributes);
        out += "</edge>\n";
    }
    out += "  </graph>\n</graphml>\n";
    return out;
}
#endif

/// Writes the alliance to a GraphML file atomically (see to_graphml, write_file_atomically).
///
/// @param a       the alliance
/// @param path    the file to create or replace
/// @param options whether sensitive attributes are written
WIJKNET_DECL void write_graphml(const alliance& a, const std::string& path, const graphml_write_options& options = {});
#if WIJKNET_BODIES
WIJKNET_DECL void write_graphml(const alliance& a, const std::string& path, const graphml_write_options& options) {
    const std::string text = to_graphml(a, options);
    write_file_atomically(path, [&](std::ostream& out) { out.write(text.data(), static_cast<std::streamsize>(text.size())); });
}
#endif

/// Reads an alliance from GraphML text, as written by write_graphml, networkx.write_graphml,
/// igraph's write_graphml, Gephi or yEd.
///
/// The alliance starts with the built-ins. Each node becomes a stakeholder: its id is the node id,
/// or its `id` attribute when it has one (igraph stores the original ids there); `name`, `kind`,
/// `role` and `waves` (`|`-separated) fill those fields; every other attribute becomes a typed
/// attribute (int, long, float and double as numbers, boolean, string). Each edge becomes a tie:
/// `relation` (default options.default_relation), `wave` (default options.default_wave), `weight`
/// (default 1); unknown relations and waves are declared (waves in the order of the graph
/// attribute `waves`, else as met; relations undirected when named in `undirected_relations`,
/// when the edge says `directed="false"`, or when the graph's edgedefault is undirected). Key
/// defaults (`<default>`) apply to elements without the value; without a default, an attribute
/// declared by a key is present but missing on the nodes (edges) that have no value for it.
/// Numbers that are NaN read as missing. Keys marked `wijknet:sensitive="true"` give sensitive
/// attributes.
///
/// @param text    the GraphML document
/// @param file    the file name used in error messages (may be empty)
/// @param options defaults for edges without relation or wave, and what to do with unknown roles
///
/// Throws parse_error naming line and column of the offending element: XML syntax, not GraphML,
/// a missing id, an unknown key, a value that does not fit its declared type, an edge to an
/// unknown node, a repeated tie, hyperedges or nested graphs (not supported). Nothing is returned
/// half-built. O(size of the text).
WIJKNET_DECL alliance parse_graphml(std::string_view text, const std::string& file = "",
                              const graphml_read_options& options = {});
#if WIJKNET_BODIES
WIJKNET_DECL alliance parse_graphml(std::string_view text, const std::string& file,
                              const graphml_read_options& options) {
    using detail::xml_element;
    const xml_element root = detail::xml_parser(text, file).parse();
    auto fail = [&](const xml_element& at, const std::string& what) -> parse_error {
        return parse_error(file, at.line, at.column, what);
    };
    if (root.name != "graphml") throw fail(root, "expected a <graphml> root element, found <" + root.name + ">");

    struct key_info {
        std::string domain, name, type;
        std::optional<std::string> default_value;
        bool sensitive = false;
    };
    std::map<std::string, key_info> keys;
    const xml_element* graph = nullptr;
    for (const auto& child : root.children) {
        if (child.name == "key") {
            const std::string* id = child.attribute("id");
            if (!id) throw fail(child, "a <key> without an 'id' attribute");
            key_info k;
            k.domain = child.attribute("for") ? *child.attribute("for") : "all";
            k.name = *id;
            for (const auto& [n, v] : child.attributes)
                if (n == "attr.name") k.name = v;
            k.type = "string";
            for (const auto& [n, v] : child.attributes)
                if (n == "attr.type") k.type = v;
            k.sensitive = child.attribute("sensitive") && *child.attribute("sensitive") == "true";
            static const std::set<std::string> types = {"boolean", "int", "long", "float", "double", "string"};
            if (!types.count(k.type))
                throw fail(child, "unknown attr.type '" + k.type +
                                      "'; expected boolean, int, long, float, double or string");
            for (const auto& d : child.children)
                if (d.name == "default") k.default_value = d.text;
            keys[*id] = std::move(k);
        } else if (child.name == "graph") {
            if (graph) throw fail(child, "a second <graph>; wijknet reads files with one graph");
            graph = &child;
        }
    }
    if (!graph) throw fail(root, "no <graph> element; expected one inside <graphml>");
    {
        std::size_t node_keys = 0, edge_keys = 0, nodes = 0, edges = 0;
        for (const auto& [id, k] : keys) node_keys += k.domain == "node" || k.domain == "all", edge_keys += k.domain == "edge" || k.domain == "all";
        for (const auto& e : graph->children) nodes += e.name == "node", edges += e.name == "edge";
        const double values = double(nodes) * double(node_keys) + double(edges) * double(edge_keys);
        if (values > double(graphml_limits::attribute_values))
            throw fail(*graph, std::to_string(node_keys) + " keys for " + std::to_string(nodes) + " nodes and " +
                                   std::to_string(edge_keys) + " for " + std::to_string(edges) +
                                   " edges ask for more than " + std::to_string(graphml_limits::attribute_values) +
                                   " attribute values");
    }
    const std::string* edgedefault = graph->attribute("edgedefault");
    const bool graph_directed = !edgedefault || *edgedefault != "undirected";

    // A <data> value in its key's type. Errors quote the value unless the key is sensitive.
    auto value_of = [&](const xml_element& at, const key_info& k, const std::string& text) -> attribute_value {
        const std::string_view v = csv_table::trim(text);
        const std::string found = k.sensitive ? "a value (not shown: the attribute is sensitive)" : "'" + text + "'";
        if (k.type == "string") return text;
        if (k.type == "boolean") {
            if (auto b = detail::parse_bool(v)) return *b;
            throw fail(at, "attribute '" + k.name + "' is declared boolean, found " + found + "; expected true or false");
        }
        if (v.empty()) return missing{};
        double x = 0;
        std::string number(v);
        if (detail::iequals(number, "nan")) {
            // A weight is never missing: NaN there is an error, not the default 1.
            if (k.name == "weight" && k.domain != "node" && k.domain != "graph")
                throw fail(at, "edge attribute 'weight' is NaN; expected a finite number (leave the <data> out "
                               "for the default weight 1)");
            return missing{};
        }
        if (detail::iequals(number, "inf") || detail::iequals(number, "infinity")) number = "inf";
        if (detail::iequals(number, "-inf") || detail::iequals(number, "-infinity")) number = "-inf";
        const char* first = number.data() + (number[0] == '+' ? 1 : 0);
        auto res = std::from_chars(first, number.data() + number.size(), x);
        if (res.ec != std::errc() || res.ptr != number.data() + number.size())
            throw fail(at, "attribute '" + k.name + "' is declared " + k.type + ", found " + found + "; expected a number");
        if ((k.type == "int" || k.type == "long") && x != std::floor(x))
            throw fail(at, "attribute '" + k.name + "' is declared " + k.type + ", found " + found +
                               "; expected a whole number");
        return x;
    };
    // The attributes of a node or edge, defaults included: name -> (value, element).
    auto attributes_of = [&](const xml_element& e, const char* domain) {
        std::map<std::string, std::pair<attribute_value, const xml_element*>> out;
        for (const auto& child : e.children) {
            if (child.name != "data") continue;
            const std::string* k = child.attribute("key");
            if (!k) throw fail(child, "a <data> element without a 'key' attribute");
            auto it = keys.find(*k);
            if (it == keys.end()) throw fail(child, "<data> refers to key '" + *k + "', which no <key> declares");
            if (it->second.domain != domain && it->second.domain != "all")
                throw fail(child, "key '" + *k + "' is declared for " + it->second.domain + ", used on a " + domain);
            out[it->second.name] = {value_of(child, it->second, child.text), &child};
        }
        for (const auto& [id, k] : keys)
            if ((k.domain == domain || k.domain == "all") && !out.count(k.name))
                out[k.name] = {k.default_value ? value_of(e, k, *k.default_value) : attribute_value{}, &e};
        return out;
    };
    auto is_sensitive = [&](const std::string& name, const char* domain) {
        for (const auto& [id, k] : keys)
            if (k.name == name && (k.domain == domain || k.domain == "all") && k.sensitive) return true;
        return false;
    };
    auto text_of = [](const attribute_value& v) { return to_string(v); };

    alliance a;
    auto declare_wave = [&](const std::string& w) {
        if (!w.empty() && !a.find_wave(w)) a.add_wave({w, w, ""});
    };
    std::set<std::string> undirected;
    for (auto& [name, value] : attributes_of(*graph, "graph")) {
        if (name == "waves")
            for (const auto& w : detail::split_list(text_of(value.first))) declare_wave(w);
        if (name == "undirected_relations")
            for (const auto& r : detail::split_list(text_of(value.first))) undirected.insert(r);
        if (name.rfind("about:", 0) == 0 && name.size() > 6) a.set_about(name.substr(6), text_of(value.first));
    }

    std::map<std::string, std::string> node_id;  // GraphML node id -> stakeholder id
    for (const auto& e : graph->children) {
        if (e.name == "hyperedge") throw fail(e, "hyperedges are not supported; expected <node> and <edge> only");
        if (e.name != "node") continue;
        for (const auto& child : e.children)
            if (child.name == "graph") throw fail(child, "nested graphs are not supported");
        const std::string* id = e.attribute("id");
        if (!id) throw fail(e, "a <node> without an 'id' attribute");
        stakeholder s;
        s.id = *id;
        auto attributes = attributes_of(e, "node");
        for (auto& [name, value] : attributes) {
            const auto& [v, at] = value;
            try {
                if (name == "id" && (std::holds_alternative<std::string>(v) || is_missing(v))) {
                    if (!std::get<std::string>(v).empty()) s.id = std::get<std::string>(v);
                } else if (name == "name") {
                    s.name = text_of(v);
                } else if (name == "kind") {
                    if (!is_missing(v) && !text_of(v).empty()) s.kind = parse_stakeholder_kind(text_of(v));
                } else if (name == "role") {
                    s.roles = detail::split_list(text_of(v));
                    if (options.declare_unknown_roles)
                        for (const auto& r : s.roles)
                            if (!a.roles().contains(r)) a.add_role({r, r, ""});
                } else if (name == "waves") {
                    s.waves = detail::split_list(text_of(v));
                    for (const auto& w : s.waves) declare_wave(w);
                } else {
                    s.attributes[name] = attribute{v, is_sensitive(name, "node")};
                }
            } catch (const parse_error&) {
                throw;
            } catch (const error& err) {
                throw fail(*at, err.what());
            }
        }
        try {
            a.add_stakeholder(s);
        } catch (const error& err) {
            throw fail(e, err.what());
        }
        node_id[*id] = s.id;
    }
    for (const auto& e : graph->children) {
        if (e.name != "edge") continue;
        const std::string* source = e.attribute("source");
        const std::string* target = e.attribute("target");
        if (!source || !target) throw fail(e, "an <edge> needs both 'source' and 'target' attributes");
        std::string relation_key = options.default_relation, wave_key = options.default_wave;
        double weight = 1.0;
        attribute_map attributes;
        for (auto& [name, value] : attributes_of(e, "edge")) {
            const auto& [v, at] = value;
            if (name == "relation" && !text_of(v).empty()) relation_key = text_of(v);
            else if (name == "wave" && !text_of(v).empty()) wave_key = text_of(v);
            else if (name == "weight" && std::holds_alternative<double>(v)) weight = std::get<double>(v);
            else if (name == "weight" && !is_missing(v))
                throw fail(*at, "edge attribute 'weight' must be a number, found '" + text_of(v) + "'");
            else if (name != "relation" && name != "wave" && name != "weight")
                attributes[name] = attribute{v, is_sensitive(name, "edge")};
        }
        try {
            if (!a.find_relation(relation_key)) {
                const std::string* directed = e.attribute("directed");
                const bool is_directed = undirected.count(relation_key) ? false
                                         : directed                      ? *directed != "false"
                                                                         : graph_directed;
                a.add_relation({relation_key, relation_key, is_directed});
            }
            declare_wave(wave_key);
            auto s = node_id.find(*source), t = node_id.find(*target);
            if (s == node_id.end() || t == node_id.end()) {
                const std::string& id = s == node_id.end() ? *source : *target;
                std::vector<std::string> ids;
                for (const auto& [k, v] : node_id) ids.push_back(k);
                throw unknown_id_error("edge refers to node '" + id + "', which no <node> declares" +
                                       detail::did_you_mean(id, ids));
            }
            a.add_tie(s->second, t->second, relation_key, wave_key, weight, std::move(attributes));
        } catch (const error& err) {
            throw fail(e, err.what());
        }
    }
    return a;
}
#endif

/// Reads an alliance from a GraphML file (see parse_graphml).
///
/// @param path    the file
/// @param options defaults for edges without relation or wave, and what to do with unknown roles
WIJKNET_DECL alliance read_graphml(const std::string& path, const graphml_read_options& options = {});
#if WIJKNET_BODIES
WIJKNET_DECL alliance read_graphml(const std::string& path, const graphml_read_options& options) {
    return parse_graphml(detail::read_file(path), path, options);
}
#endif

}  // namespace wijknet
