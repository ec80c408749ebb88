/// @file
/// @brief Kept so that existing includes work: graph_view and its adapter now live in view/
/// (view/graph_view.hpp, view/adapter.hpp).
#pragma once

#include "wijknet/view/adapter.hpp"
#include "wijknet/view/graph_view.hpp"
