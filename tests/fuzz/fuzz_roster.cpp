// libFuzzer target for roster surveys (tests/fuzz/README.md): the first byte picks the tie rule,
// the rest is a long-form CSV (respondent, partner, item, value) as survey tools export it. Its
// rows become roster_responses, every name on it the roster, and the first item's ties are added
// to an alliance by add_roster_ties; PARTNER scores are computed from all rows. Any input must
// end in a value or in wijknet::error, and a failed add_roster_ties must leave the alliance as
// it was (the strong guarantee; checked, a difference aborts).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "wijknet/io/csv.hpp"
#include "wijknet/io/json.hpp"
#include "wijknet/io/roster.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace wijknet;
    if (size == 0) return 0;
    static const tie_rule rules[] = {tie_rule::as_reported, tie_rule::minimum, tie_rule::maximum, tie_rule::mean};
    const tie_rule rule = rules[data[0] & 3];
    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    try {
        const csv_table t = parse_csv(text, "roster.csv");
        const std::size_t who = t.column("respondent"), partner = t.column("partner"), item = t.column("item"),
                          value = t.column("value");
        std::vector<roster_response> responses;
        std::vector<std::string> roster;
        std::set<std::string> on_roster;
        for (std::size_t r = 0; r < t.num_rows(); ++r) {
            roster_response x;
            x.respondent = std::string(t.cell(r, who));
            x.partner = std::string(t.cell(r, partner));
            x.item = std::string(t.cell(r, item));
            x.value = t.is_missing(r, value) ? std::nan("") : t.number(r, value);  // a missing answer
            for (const std::string* id : {&x.respondent, &x.partner})
                if (on_roster.insert(*id).second) roster.push_back(*id);
            responses.push_back(std::move(x));
        }
        partner_scores(responses, {"reliability", "mission", "openness"}, {"power", "involvement", "resources"});
        if (responses.empty()) return 0;
        alliance a;
        a.add_relation({"reports", "reports", true});
        a.add_wave({"T0", "T0", ""});
        roster_options options;
        options.item = responses[0].item;
        options.rule = rule;
        options.relation = rule == tie_rule::as_reported ? "reports" : "collaboration";
        const std::string before = to_json(a);
        try {
            add_roster_ties(a, responses, roster, options);
        } catch (const error&) {
            if (to_json(a) != before) {
                std::cerr << "add_roster_ties failed but changed the alliance\n";
                std::abort();
            }
            throw;
        }
    } catch (const error&) {
        // a clear error: what bad input must give
    }
    return 0;
}
