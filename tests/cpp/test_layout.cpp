// The drawing layout: determinism, packing of components, isolates, and spacing.
#include <gtest/gtest.h>

#include <boost/graph/adjacency_list.hpp>
#include <cmath>

#include "wijknet/algorithms/layout.hpp"

using namespace wijknet;

namespace {

using undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

// Two components (a path of 4 and a triangle) and two isolates: vertices 0-3, 4-6, 7, 8.
undirected two_components() {
    undirected g(9);
    boost::add_edge(0, 1, g), boost::add_edge(1, 2, g), boost::add_edge(2, 3, g);
    boost::add_edge(4, 5, g), boost::add_edge(5, 6, g), boost::add_edge(6, 4, g);
    return g;
}

struct box {
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
    void add(point p) { x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y); }
};

}  // namespace

class LayoutMethods : public ::testing::TestWithParam<layout_method> {};

TEST_P(LayoutMethods, SameSeedSamePicture) {
    layout_options o;
    o.method = GetParam();
    const auto a = spring_layout(two_components(), o);
    const auto b = spring_layout(two_components(), o);
    ASSERT_EQ(a.size(), 9u);
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].x, b[i].x);
        EXPECT_EQ(a[i].y, b[i].y);
    }
}

// Each method stops when should_stop says so (Ctrl-C in Python): asked at the n-th check, it
// throws interrupted at once; never asked, it finishes.
TEST_P(LayoutMethods, ShouldStopStopsTheLayout) {
    for (int at : {1, 2, 5}) {
        layout_options o;
        o.method = GetParam();
        int checks = 0;
        o.should_stop = [&] { return ++checks >= at; };
        EXPECT_THROW(spring_layout(two_components(), o), interrupted) << at;
        EXPECT_EQ(checks, at);
    }
    layout_options o;
    o.method = GetParam();
    int checks = 0;
    o.should_stop = [&] { return ++checks < 0; };
    EXPECT_EQ(spring_layout(two_components(), o).size(), 9u);
    EXPECT_GE(checks, 3);  // at least once per component and per sweep of spreading
}

TEST_P(LayoutMethods, ComponentsDoNotOverlapAndIsolatesStandBelow) {
    layout_options o;
    o.method = GetParam();
    const auto p = spring_layout(two_components(), o);
    box path, triangle;
    for (int v = 0; v < 4; ++v) path.add(p[v]);
    for (int v = 4; v < 7; ++v) triangle.add(p[v]);
    // The boxes of the two components are disjoint, at least the gap apart in x or in y.
    const bool apart_x = triangle.x0 >= path.x1 + o.gap - 1e-9 || path.x0 >= triangle.x1 + o.gap - 1e-9;
    const bool apart_y = triangle.y0 >= path.y1 + o.gap - 1e-9 || path.y0 >= triangle.y1 + o.gap - 1e-9;
    EXPECT_TRUE(apart_x || apart_y);
    // Isolates share one row, under everything else, one unit apart.
    EXPECT_DOUBLE_EQ(p[7].y, p[8].y);
    EXPECT_GT(p[7].y, std::max(path.y1, triangle.y1));
    EXPECT_DOUBLE_EQ(p[8].x - p[7].x, 1.0);
    // The picture starts at 0, 0.
    double min_x = 1e300, min_y = 1e300;
    for (auto q : p) min_x = std::min(min_x, q.x), min_y = std::min(min_y, q.y);
    EXPECT_NEAR(min_x, 0.0, 1e-12);
    EXPECT_NEAR(min_y, 0.0, 1e-12);
}

TEST_P(LayoutMethods, TiesAboutOneUnitAndVerticesApart) {
    // A star of 12 leaves: the layout's median tie is one unit (before spreading, which only
    // lengthens ties), and no two vertices are closer than min_distance.
    undirected g(13);
    for (int v = 1; v < 13; ++v) boost::add_edge(0, v, g);
    layout_options o;
    o.method = GetParam();
    const auto p = spring_layout(g, o);
    std::vector<double> lengths;
    for (int v = 1; v < 13; ++v) lengths.push_back(std::hypot(p[v].x - p[0].x, p[v].y - p[0].y));
    std::sort(lengths.begin(), lengths.end());
    EXPECT_GE(lengths[6], 1.0 - 1e-6);
    EXPECT_LT(lengths[6], 2.5);
    for (int u = 0; u < 13; ++u)
        for (int v = u + 1; v < 13; ++v)
            EXPECT_GE(std::hypot(p[u].x - p[v].x, p[u].y - p[v].y), o.min_distance - 1e-3) << u << " " << v;
}

INSTANTIATE_TEST_SUITE_P(Methods, LayoutMethods,
                         ::testing::Values(layout_method::automatic, layout_method::kamada_kawai,
                                           layout_method::fruchterman_reingold));

TEST(Layout, KamadaKawaiPutsAPathOnALine) {
    // Kamada-Kawai makes layout distances match graph distances: on a path 0-1-2-3 the ends are
    // three tie lengths apart (up to the solver's tolerance), as in Kamada & Kawai (1989), fig. 2.
    undirected g(4);
    boost::add_edge(0, 1, g), boost::add_edge(1, 2, g), boost::add_edge(2, 3, g);
    layout_options o;
    o.method = layout_method::kamada_kawai;
    const auto p = spring_layout(g, o);
    EXPECT_NEAR(std::hypot(p[3].x - p[0].x, p[3].y - p[0].y), 3.0, 0.1);
}

TEST(Layout, EmptyGraphAndBadGap) {
    EXPECT_TRUE(spring_layout(undirected(0)).empty());
    layout_options o;
    o.gap = -1;
    EXPECT_THROW(spring_layout(two_components(), o), invalid_value_error);
}
