/// @file
/// @brief Running per-source work on every core, with a way to stop (Ctrl-C in Jupyter).
#pragma once

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "wijknet/error.hpp"

namespace wijknet {

/// How a long computation runs.
struct run_options {
    /// Worker threads; 0 = every core (std::thread::hardware_concurrency()).
    unsigned threads = 0;
    /// Called now and then from the calling thread; returning true stops the computation with
    /// wijknet::interrupted. The Python bindings check for Ctrl-C here.
    std::function<bool()> should_stop;
};

namespace detail {

/// The number of workers parallel_for will use for @p count items.
inline unsigned worker_count(std::uint32_t count, const run_options& options, std::uint32_t chunk = 16) {
    unsigned workers = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    return std::max(1u, std::min<unsigned>(workers, (count + chunk - 1) / std::max<std::uint32_t>(chunk, 1)));
}

/// Calls body(worker, item) for item in [0, count) on up to options.threads threads, each
/// worker with its own index in [0, workers). Returns the number of workers used. The calling
/// thread is worker 0 and the one that asks should_stop. Exceptions from a body are rethrown.
template <class Body>
unsigned parallel_for(std::uint32_t count, const run_options& options, Body&& body, std::uint32_t chunk = 16) {
    const unsigned workers = worker_count(count, options, chunk);
    std::atomic<std::uint32_t> next{0};
    std::atomic<bool> stop{false};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    auto run = [&](unsigned worker) {
        try {
            while (!stop.load(std::memory_order_relaxed)) {
                const std::uint32_t begin = next.fetch_add(chunk);
                if (begin >= count) break;
                const std::uint32_t end = std::min(count, begin + chunk);
                for (std::uint32_t i = begin; i < end; ++i) body(worker, i);
                if (worker == 0 && options.should_stop && options.should_stop()) throw interrupted();
            }
        } catch (...) {
            std::lock_guard<std::mutex> lock(failure_mutex);
            if (!failure) failure = std::current_exception();
            stop = true;
        }
    };
    std::vector<std::thread> threads;
    for (unsigned w = 1; w < workers; ++w) threads.emplace_back(run, w);
    run(0);
    for (auto& t : threads) t.join();
    if (failure) std::rethrow_exception(failure);
    return workers;
}

}  // namespace detail
}  // namespace wijknet
