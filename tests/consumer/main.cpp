// A downstream program: loads the bundled example and checks a few facts about it.
#include <iostream>

#include <wijknet/wijknet.hpp>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: consumer FOLDER\n";
        return 2;
    }
    const wijknet::alliance a = wijknet::read_csv_folder(argv[1]);
    const wijknet::alliance_summary s = wijknet::summarize(a, {"samen_in_de_wijk"});
    std::cout << "wijknet " << wijknet::version << ": " << s.stakeholders << " stakeholders, " << a.num_ties()
              << " ties\n";
    const bool ok = s.stakeholders > 0 && a.num_ties() > 0 && s.missing.size() == 1 &&
                    s.missing[0].recommended == std::vector<std::string>{"antidiscriminatievoorziening"};
    return ok ? 0 : 1;
}
