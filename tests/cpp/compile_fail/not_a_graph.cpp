// Must not compile: a type that is not a Boost.Graph graph, given to the adapter, stops the build
// with wijknet's own message (tests/CMakeLists.txt checks the message).
#include "wijknet/algorithms/centrality.hpp"

struct not_a_graph {};

int main() { return static_cast<int>(wijknet::make_graph_view(not_a_graph{}).view().n); }
