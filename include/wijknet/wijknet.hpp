/// @file
/// @brief Everything wijknet offers, in one include.
///
/// @mainpage wijknet
/// wijknet models the stakeholders of a neighbourhood safety alliance (wijkagent, welzijnswerk,
/// zelforganisaties, lhbti+ organisations, resident initiatives, the municipality, core groups)
/// as a graph of alliance roles, and answers the questions evaluators and municipalities ask of
/// such alliances.
///
/// - The model: wijknet::alliance (model/alliance.hpp) with its stakeholders, roles, relations,
///   waves, ties, events and method templates.
/// - Analysis views: wijknet::snapshot (view/snapshot.hpp), a compact graph of a selection that
///   models the Boost.Graph concepts.
/// - Algorithms (algorithms/): templates on the Boost.Graph concepts. The spring layouts for
///   drawing (algorithms/layout.hpp) are not included here: they pull in Boost's adjacency_list
///   and layout templates, which cost every includer a third of its compile time and memory;
///   include that header where you draw.
/// - Input and output (io/): CSV folders, wijknet JSON, GraphML, UCINET DL, Graphviz DOT;
///   every writer saves atomically.
/// - Diagnostics (diagnostics/): role coverage against a method template, chains, resilience
///   (fragmentation, scenarios, key players) and the ties to add.
/// - Reports (report/): the summary printed by the `wijknet` command.
///
/// Header-only by default; with `WIJKNET_SEPARATE_COMPILATION` the readers, writers, diagnostics
/// and reports are only declared here and compiled once elsewhere (config.hpp, src.hpp), which
/// more than halves the time of this include.
#pragma once

#include "wijknet/version.hpp"
#include "wijknet/config.hpp"
#include "wijknet/error.hpp"
#include "wijknet/model/alliance.hpp"
#include "wijknet/view/snapshot.hpp"
#include "wijknet/algorithms/brokerage.hpp"
#include "wijknet/algorithms/centrality.hpp"
#include "wijknet/algorithms/cohesion.hpp"
#include "wijknet/algorithms/community.hpp"
#include "wijknet/algorithms/mixing.hpp"
#include "wijknet/algorithms/permutation.hpp"
#include "wijknet/algorithms/structural_holes.hpp"
#include "wijknet/algorithms/structure.hpp"
#include "wijknet/algorithms/two_mode.hpp"
#include "wijknet/diagnostics/chains.hpp"
#include "wijknet/diagnostics/coverage.hpp"
#include "wijknet/diagnostics/resilience.hpp"
#include "wijknet/diagnostics/suggestions.hpp"
#include "wijknet/diagnostics/incidents.hpp"
#include "wijknet/io/csv.hpp"
#include "wijknet/io/csv_folder.hpp"
#include "wijknet/io/atomic_file.hpp"
#include "wijknet/io/json.hpp"
#include "wijknet/io/graphml.hpp"
#include "wijknet/io/dl.hpp"
#include "wijknet/io/dot.hpp"
#include "wijknet/io/roster.hpp"
#include "wijknet/report/summary.hpp"
