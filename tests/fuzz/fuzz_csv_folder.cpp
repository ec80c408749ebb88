// libFuzzer targets for the files of the CSV folder layout (tests/fuzz/README.md). One program,
// run under the names fuzz_folder_<file> (links made by tests/fuzz/CMakeLists.txt): the input is
// written as <file>.csv ("ties.csv", "incidents.csv" ...), taken from that name, into a private
// folder beside the example's stakeholders, waves, relations and events (and incidents, for the
// steps) to refer to, which is then read by read_csv_folder and checked by check_csv_folder.
//
// Besides "a value or wijknet::error, nothing else", one property is checked: the two must agree
// (read_csv_folder throws exactly when check_csv_folder reports an error); a disagreement aborts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <unistd.h>

#include "wijknet/io/csv_folder.hpp"

namespace {

std::filesystem::path folder;
std::string file;  // the fuzzed file, e.g. "ties.csv"

void cleanup() {
    std::error_code ignored;
    std::filesystem::remove_all(folder, ignored);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    namespace fs = std::filesystem;
    const std::string name = *argc > 0 ? fs::path((*argv)[0]).filename().string() : std::string();
    const std::string prefix = "fuzz_folder_";
    if (name.rfind(prefix, 0) != 0 || name.size() == prefix.size()) {
        std::cerr << "run this program as fuzz_folder_<file>, e.g. fuzz_folder_ties (a link to it)\n";
        std::exit(2);
    }
    file = name.substr(prefix.size()) + ".csv";
    // /dev/shm when there is one: a file written per run stays in memory.
    const fs::path base = fs::is_directory("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
    folder = base / ("wijknet_fuzz_" + file + "_" + std::to_string(getpid()));
    fs::remove_all(folder);
    fs::create_directories(folder);
    // The files the fuzzed one may refer to, from the example; the files that only refer to
    // others (ties, participation, the incident log) are left out, which keeps a run fast.
    std::vector<std::string> companions = {"stakeholders.csv", "waves.csv", "relations.csv", "events.csv"};
    if (file == "incident_steps.csv") companions.push_back("incidents.csv");
    for (const auto& name : companions)
        if (name != file) fs::copy_file(fs::path(WIJKNET_EXAMPLE_DATA) / name, folder / name);
    std::atexit(cleanup);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    {
        std::ofstream out(folder / file, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    bool read_failed = false;
    std::string read_error;
    try {
        wijknet::read_csv_folder(folder.string());
    } catch (const wijknet::error& e) {
        read_failed = true;
        read_error = e.what();
    }
    bool check_failed = false;
    for (const auto& p : wijknet::check_csv_folder(folder.string()))
        check_failed = check_failed || p.level == wijknet::severity::error;
    if (read_failed != check_failed) {
        std::cerr << "read_csv_folder and check_csv_folder disagree on " << file << ": read "
                  << (read_failed ? "failed (" + read_error + ")" : std::string("succeeded")) << ", check "
                  << (check_failed ? "found an error" : "found none") << "\n";
        std::abort();
    }
    return 0;
}
