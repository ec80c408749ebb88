// Threads on one alliance: the rule of docs/concurrency.md. Const members may run in any number
// of threads at once; a change needs exclusive access (here a std::shared_mutex held by the
// test, as the GIL is in Python); a snapshot, once built, owns its data and stays usable from
// every thread while the alliance changes. Run under AddressSanitizer and ThreadSanitizer by
// scripts/test.sh (WIJKNET_SANITIZE): a const member that writes hidden state, or a snapshot or
// text that still points into the alliance, is a reported race or use-after-free there, and a
// wrong count fails the checks below in every build.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <random>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <thread>
#include <vector>

#include "wijknet/wijknet.hpp"

using namespace wijknet;

namespace {

// A ring of `n` stakeholders s0 .. s(n-1) (collaboration, undirected) plus a chord i -- i+7
// for every third i: connected, with enough shortest paths to keep betweenness busy.
alliance ring(std::uint32_t n) {
    alliance a;
    a.add_wave({"T0", "", ""});
    for (std::uint32_t i = 0; i < n; ++i) {
        stakeholder s;
        s.id = "s" + std::to_string(i);
        s.roles = {i % 4 == 0 ? "wijkagent" : "welzijnswerk"};
        a.add_stakeholder(std::move(s));
    }
    for (std::uint32_t i = 0; i < n; ++i) {
        a.add_tie("s" + std::to_string(i), "s" + std::to_string((i + 1) % n), "collaboration", "T0");
        if (i % 3 == 0) a.add_tie("s" + std::to_string(i), "s" + std::to_string((i + 7) % n), "collaboration", "T0");
    }
    return a;
}

// What a reader saw under the shared lock, checked after the lock is gone.
struct observation {
    std::size_t stakeholders = 0, ties = 0;
    std::uint32_t vertices = 0, snapshot_ties = 0;
    double degree_sum = 0, betweenness_sum = 0;
    std::size_t json_stakeholders = 0, json_ties = 0;
    std::string description, expected_description;
};

}  // namespace

// Four readers snapshot, describe, summarise and write the alliance while a fifth thread adds
// stakeholders and ties (each new stakeholder with a tie to the ring, so every vector the
// readers use reallocates under them if they were not protected). Every observation must be
// one consistent state: the snapshot has as many vertices and ties as the alliance had, the
// degrees sum to twice the ties, the JSON text reads back with the same counts.
TEST(Concurrency, ReadersSnapshotDescribeAndWriteWhileOneThreadAdds) {
    alliance a = ring(60);
    std::shared_mutex lock;
    std::atomic<bool> done{false};
    constexpr int readers = 4;
    std::vector<std::vector<observation>> seen(readers);

    std::atomic<int> started{0};
    std::thread writer([&] {
        while (started < readers) std::this_thread::yield();  // edit while they read
        for (int k = 0; k < 150; ++k) {
            std::this_thread::sleep_for(std::chrono::microseconds(100));
            std::unique_lock<std::shared_mutex> exclusive(lock);
            const std::string id = "new" + std::to_string(k);
            stakeholder s;
            s.id = id;
            a.add_stakeholder(std::move(s));
            a.add_tie(id, "s" + std::to_string(k % 60), "collaboration", "T0");
        }
        done = true;
    });
    std::vector<std::thread> pool;
    for (int r = 0; r < readers; ++r)
        pool.emplace_back([&, r] {
            ++started;
            for (int round = 0; !done || round < 3; ++round) {
                observation o;
                snapshot g;
                std::string text;
                {
                    std::shared_lock<std::shared_mutex> shared(lock);
                    o.stakeholders = a.num_stakeholders();
                    o.ties = a.num_ties();
                    g = snapshot(a);
                    const tie& last = a.ties().back();
                    o.description = a.describe(last);
                    o.expected_description = "collaboration tie '" + a.stakeholders()[last.source].id + "' -- '" +
                                             a.stakeholders()[last.target].id + "' in wave 'T0'";
                    if (r == 1) text = to_json(a);
                    if (r == 2) (void)summarize(a);
                }
                // Without the lock: the snapshot and the text are the reader's own.
                o.vertices = g.num_vertices();
                o.snapshot_ties = g.num_ties();
                for (double d : degree(g)) o.degree_sum += d;
                betweenness_options bo;
                bo.run.threads = r == 3 ? 2 : 1;  // the threaded kernel, under TSan too
                for (double b : betweenness(make_graph_view(g), bo)) o.betweenness_sum += b;
                if (!text.empty()) {
                    const alliance back = parse_json(text);
                    o.json_stakeholders = back.num_stakeholders();
                    o.json_ties = back.num_ties();
                }
                seen[r].push_back(std::move(o));
            }
        });
    writer.join();
    for (auto& t : pool) t.join();

    EXPECT_EQ(a.num_stakeholders(), 210u);
    EXPECT_EQ(a.num_ties(), 60u + 20u + 150u);
    std::size_t observations = 0;
    for (int r = 0; r < readers; ++r)
        for (const observation& o : seen[r]) {
            ++observations;
            ASSERT_EQ(o.vertices, o.stakeholders);
            ASSERT_EQ(o.snapshot_ties, o.ties);
            // Each undirected tie adds 1 to the degree of both ends (no self-ties here).
            ASSERT_DOUBLE_EQ(o.degree_sum, 2.0 * static_cast<double>(o.ties));
            ASSERT_GT(o.betweenness_sum, 0.0);
            ASSERT_EQ(o.description, o.expected_description);
            if (r == 1) {
                ASSERT_EQ(o.json_stakeholders, o.stakeholders);
                ASSERT_EQ(o.json_ties, o.ties);
            }
        }
    EXPECT_GE(observations, static_cast<std::size_t>(readers));
}

// The threaded kernels give the one-thread answer whatever the number of workers, on graphs
// large enough that each of four workers gets many sources (the example graph gives each one or
// two). Under ThreadSanitizer this is the race check of every kernel that takes run_options.
TEST(Concurrency, ThreadedKernelsMatchOneThread) {
    const snapshot g(ring(300));
    const graph_view v = make_graph_view(g);
    run_options one, four;
    one.threads = 1;
    four.threads = 4;

    betweenness_options b1, b4;
    b1.run = one, b4.run = four;
    const auto bw1 = betweenness(v, b1), bw4 = betweenness(v, b4);
    closeness_options c1, c4;
    c1.run = one, c4.run = four;
    const auto cl1 = closeness(v, c1), cl4 = closeness(v, c4);
    const auto h1 = harmonic(v, c1), h4 = harmonic(v, c4);
    ASSERT_EQ(bw1.size(), 300u);
    for (std::size_t i = 0; i < bw1.size(); ++i) {
        EXPECT_NEAR(bw4[i], bw1[i], 1e-9 * (1 + bw1[i])) << "vertex " << i;
        EXPECT_NEAR(cl4[i], cl1[i], 1e-12) << "vertex " << i;
        EXPECT_NEAR(h4[i], h1[i], 1e-9) << "vertex " << i;
    }
    const auto d1 = distances(v, direction::all, weight_mode::none, one);
    const auto d4 = distances(v, direction::all, weight_mode::none, four);
    EXPECT_EQ(d4.eccentricity, d1.eccentricity);
    EXPECT_DOUBLE_EQ(d4.average_path_length, d1.average_path_length);
    // Unnormalised undirected betweenness sums, over the unordered pairs {s, t}, the inner
    // vertices of their shortest paths: every such path of length d(s, t) has d(s, t) - 1 of
    // them, so the sum is (mean distance - 1) * 300 * 299 / 2 on this connected graph.
    double total = 0;
    for (double b : bw1) total += b;
    const double inner = (d1.average_path_length - 1.0) * 300.0 * 299.0 / 2.0;
    EXPECT_NEAR(total, inner, 1e-6 * inner);

    std::vector<char> removed(300, 0);
    for (std::uint32_t i = 0; i < 300; i += 50) removed[i] = 1;
    const auto f1 = fragmentation(v, removed, direction::all, one);
    const auto f4 = fragmentation(v, removed, direction::all, four);
    EXPECT_DOUBLE_EQ(f4.fragmentation, f1.fragmentation);
    EXPECT_DOUBLE_EQ(f4.distance_fragmentation, f1.distance_fragmentation);
    key_player_options k1, k4;
    k1.k = k4.k = 3;
    k1.run = one, k4.run = four;
    const auto kp1 = key_players(v, k1), kp4 = key_players(v, k4);
    EXPECT_EQ(kp4.players, kp1.players);
    EXPECT_DOUBLE_EQ(kp4.score, kp1.score);

    // QAP permutations: the values depend on the seed only, not on the workers.
    const std::size_t n = 25;
    std::mt19937_64 rng(5);
    std::vector<double> x(n * n), y(n * n);
    for (auto& e : x) e = static_cast<double>(rng() % 2);
    for (auto& e : y) e = static_cast<double>(rng() % 3);
    EXPECT_EQ(gcor_permutations(x, y, n, dyad_mode::digraph, 9, 0, 300, four),
              gcor_permutations(x, y, n, dyad_mode::digraph, 9, 0, 300, one));

    // Two-mode: 80 stakeholders, 25 events, each stakeholder at two or three of them.
    std::vector<std::string> actors, events;
    for (int i = 0; i < 80; ++i) actors.push_back("p" + std::to_string(i));
    for (int e = 0; e < 25; ++e) events.push_back("e" + std::to_string(e));
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    for (std::uint32_t i = 0; i < 80; ++i)
        for (std::uint32_t e : {i % 25, (i * 7 + 3) % 25, (i * 11 + 5) % 25})
            if (std::find(pairs.begin(), pairs.end(), std::make_pair(i, e)) == pairs.end()) pairs.emplace_back(i, e);
    const two_mode_network tm(actors, events, pairs);
    const auto t1 = two_mode_betweenness(tm, one), t4 = two_mode_betweenness(tm, four);
    const auto tc1 = two_mode_closeness(tm, true, one), tc4 = two_mode_closeness(tm, true, four);
    ASSERT_EQ(t1.size(), 105u);
    for (std::size_t i = 0; i < t1.size(); ++i) {
        EXPECT_NEAR(t4[i], t1[i], 1e-9 * (1 + t1[i])) << "vertex " << i;
        EXPECT_NEAR(tc4[i], tc1[i], 1e-12) << "vertex " << i;
    }
}
