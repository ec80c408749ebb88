// Loads an alliance from a folder of CSV files and prints its summary.
//   alliance_summary examples/data
#include <iomanip>
#include <iostream>

#include <wijknet/wijknet.hpp>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " FOLDER\n";
        return 2;
    }
    try {
        const wijknet::alliance a = wijknet::read_csv_folder(argv[1]);
        const wijknet::alliance_summary s = wijknet::summarize(a);
        std::cout << s.stakeholders << " stakeholders, " << a.num_ties() << " ties, " << s.events << " events\n";
        for (const auto& [role, count] : s.stakeholders_per_role)
            std::cout << "  " << std::setw(30) << std::left << role << count << "\n";
        for (const auto& r : s.relations)
            std::cout << "  " << r.relation << " " << r.wave << ": " << r.ties << " ties, density "
                      << std::setprecision(3) << r.density << ", " << r.components << " components\n";
        for (const auto& m : s.missing)
            for (const auto& role : m.required) std::cout << "  " << m.template_key << " lacks " << role << "\n";
    } catch (const wijknet::error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
}
