/// @file
/// @brief Container helpers shared by the model.
#pragma once

#include <algorithm>
#include <cstddef>

namespace wijknet::detail {

/// Makes room for one more element, growing geometrically, so that the push_back that follows
/// cannot throw (strong guarantee) and n additions cost O(n) in all.
template <class Vector>
void reserve_one_more(Vector& v) {
    if (v.size() == v.capacity()) v.reserve(std::max<std::size_t>(16, 2 * v.capacity()));
}

}  // namespace wijknet::detail
