// The C++ quick start: an alliance built in code, then betweenness and role coverage.
//   quick_start
//
//   bi --> coc --> welzijn --> agent        referral ties, wave T0
//                    ^
//   gemeente --------+
//
// Betweenness by hand (directed, raw): coc lies on the only shortest path of (bi, welzijn) and
// (bi, agent): 2. welzijn lies on those of (bi, agent), (coc, agent) and (gemeente, agent): 3.
#include <iomanip>
#include <iostream>

#include <wijknet/wijknet.hpp>

int main() {
    try {
        wijknet::alliance a;  // with the built-in roles, relations and method templates
        a.add_wave({"T0", "T0 2021", "2021-10-01"});
        auto add = [&](const char* id, const char* name, wijknet::stakeholder_kind kind, const char* role) {
            wijknet::stakeholder s;
            s.id = id;
            s.name = name;
            s.kind = kind;
            s.roles = {role};
            a.add_stakeholder(s);
        };
        using kind = wijknet::stakeholder_kind;
        add("bi", "Buurtpreventie Oost", kind::initiative, "bewonersinitiatief");
        add("coc", "COC Rivierstad", kind::organisation, "lhbti_organisatie");
        add("welzijn", "Welzijn Rivierstad", kind::organisation, "welzijnswerk");
        add("agent", "Wijkagent", kind::person, "wijkagent");
        add("gemeente", "Gemeente Rivierstad", kind::organisation, "gemeente");
        for (auto [from, to] : {std::pair{"bi", "coc"}, {"coc", "welzijn"}, {"welzijn", "agent"}, {"gemeente", "welzijn"}})
            a.add_tie(from, to, "referral", "T0");

        // A snapshot is the graph of a selection: here the referral ties of T0.
        wijknet::selection referral;
        referral.relations = {"referral"};
        referral.waves = {"T0"};
        const wijknet::snapshot g(a, referral);
        const std::vector<double> b = wijknet::betweenness(g);
        std::cout << "betweenness (referral, T0)\n";
        for (std::uint32_t v = 0; v < g.num_vertices(); ++v)
            std::cout << "  " << std::setw(10) << std::left << g.id(v) << b[v] << "\n";

        // Role coverage against the Samen in de Wijk template. The explanations name stakeholders
        // by id, as the data do: a C++ program chooses itself how it shows people (see README).
        wijknet::scope t0;
        t0.wave = "T0";
        std::cout << "role coverage (samen_in_de_wijk, T0)\n";
        for (const auto& c : wijknet::role_coverage(a, "samen_in_de_wijk", t0))
            std::cout << "  " << std::setw(30) << std::left << c.role << wijknet::to_string(c.status) << "\n";
    } catch (const wijknet::error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
}
