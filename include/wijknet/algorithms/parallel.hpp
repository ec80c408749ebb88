/// @file
/// @brief Running per-source work on every core, on one pool of threads kept for the whole
/// process, with a way to stop (Ctrl-C in Jupyter).
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#if defined(__unix__) || defined(__APPLE__)
#include <unistd.h>
#endif

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

/// Threads started once and kept waiting between calls, so a parallel loop costs a wake-up
/// (microseconds) instead of starting and joining threads (about 0.15 ms). The pool grows to the
/// largest number of workers asked for. One run at a time: a caller that finds the pool busy (a
/// parallel loop inside a parallel loop, or two threads of the host program at once) gets false
/// and runs on threads of its own. Threads are detached and the pool is never destroyed, so
/// nothing is joined at process exit; a child process after fork() gets a pool of its own.
class thread_pool {
public:
    /// The process's pool.
    static thread_pool& shared() {
        static std::mutex guard;
        static thread_pool* pool = nullptr;
        std::lock_guard<std::mutex> lock(guard);
        if (!pool || pool->owner_ != process_id()) pool = new thread_pool();  // the old one belongs to the parent
        return *pool;
    }

    /// Runs job(w) for w in [1, workers) on pool threads and job(0) on the calling thread, and
    /// returns when all have returned; job must not throw. False (nothing run) when busy.
    bool try_run(unsigned workers, const std::function<void(unsigned)>& job) {
        bool idle = false;
        if (!busy_.compare_exchange_strong(idle, true)) return false;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            while (threads_ + 1 < workers) {
                std::thread([this] { loop(); }).detach();
                ++threads_;
            }
            job_ = &job;
            wanted_ = workers - 1;
            started_ = finished_ = 0;
            ++generation_;
        }
        wake_.notify_all();
        job(0);
        std::unique_lock<std::mutex> lock(mutex_);
        done_.wait(lock, [&] { return finished_ == wanted_; });
        job_ = nullptr;
        lock.unlock();
        busy_ = false;
        return true;
    }

private:
    thread_pool() : owner_(process_id()) {}

    static long process_id() {
#if defined(__unix__) || defined(__APPLE__)
        return static_cast<long>(getpid());
#else
        return 0;
#endif
    }

    void loop() {
        std::uint64_t seen = 0;
        std::unique_lock<std::mutex> lock(mutex_);
        for (;;) {
            wake_.wait(lock, [&] { return generation_ != seen; });
            seen = generation_;
            if (started_ >= wanted_) continue;  // enough helpers took part in this run
            const unsigned worker = ++started_;
            const auto* job = job_;
            lock.unlock();
            (*job)(worker);
            lock.lock();
            if (++finished_ == wanted_) done_.notify_all();
        }
    }

    long owner_;
    std::atomic<bool> busy_{false};  ///< true for a whole run
    std::mutex mutex_;
    std::condition_variable wake_, done_;
    const std::function<void(unsigned)>* job_ = nullptr;
    std::uint64_t generation_ = 0;
    unsigned wanted_ = 0, started_ = 0, finished_ = 0, threads_ = 0;
};

/// The number of workers parallel_for will use for @p count items.
inline unsigned worker_count(std::uint32_t count, const run_options& options, std::uint32_t chunk = 16) {
    unsigned workers = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    return std::max(1u, std::min<unsigned>(workers, (count + chunk - 1) / std::max<std::uint32_t>(chunk, 1)));
}

/// Calls body(worker, item) for item in [0, count) on up to options.threads threads of the
/// shared pool, each worker with its own index in [0, workers). Returns the number of workers
/// used. The calling thread is worker 0 and the one that asks should_stop. Exceptions from a
/// body are rethrown. Which worker gets which item varies from run to run: a body that adds
/// into per-worker sums gives results that depend on the thread count (see parallel_sum).
template <class Body>
unsigned parallel_for(std::uint32_t count, const run_options& options, Body&& body, std::uint32_t chunk = 16) {
    const unsigned workers = worker_count(count, options, chunk);
    std::atomic<std::uint32_t> next{0};
    std::atomic<bool> stop{false};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    const std::function<void(unsigned)> run = [&](unsigned worker) {
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
    if (workers == 1) {
        run(0);
    } else if (!thread_pool::shared().try_run(workers, run)) {
        std::vector<std::thread> threads;
        for (unsigned w = 1; w < workers; ++w) threads.emplace_back(run, w);
        run(0);
        for (auto& t : threads) t.join();
    }
    if (failure) std::rethrow_exception(failure);
    return workers;
}

/// Sums per-item vectors of @p width numbers into @p total, in the same order whatever the
/// number of threads, so the result does not depend on it: item i adds into the partial sum of
/// slot i mod @p slots (body(worker, item, partial) with partial of width numbers), slots take
/// their items in increasing order, and the partial sums are added slot by slot at the end.
/// Runs on up to @p slots workers; between items every worker looks whether the computation was
/// stopped (should_stop, asked by the calling thread). Memory: slots x width numbers.
template <class Body>
void parallel_sum(std::uint32_t count, std::size_t width, unsigned slots, const run_options& options,
                  std::vector<double>& total, Body&& body) {
    total.assign(width, 0.0);
    slots = std::max(1u, std::min<unsigned>(slots, count));
    std::vector<std::vector<double>> partial(slots);
    std::atomic<bool> stopped{false};
    parallel_for(slots, options, [&](unsigned worker, std::uint32_t slot) {
        partial[slot].assign(width, 0.0);
        for (std::uint32_t item = slot; item < count; item += slots) {
            if (worker == 0 && options.should_stop && options.should_stop()) stopped = true;
            if (stopped.load(std::memory_order_relaxed)) throw interrupted();
            body(worker, item, partial[slot].data());
        }
    }, 1);
    for (const auto& part : partial)
        for (std::size_t i = 0; i < width; ++i) total[i] += part[i];
}

}  // namespace detail
}  // namespace wijknet
