// libFuzzer target for the readers that take one text: JSON, GraphML, UCINET DL and a bare CSV
// table (tests/fuzz/README.md). Built once per format with WIJKNET_FUZZ_FORMAT set to one of
// fuzz_json, fuzz_graphml, fuzz_dl, fuzz_csv.
//
// Any input must end in a value or in wijknet::error (a clear parse_error naming the place);
// anything else -- another exception, a crash, a sanitizer report, a hang, an allocation past the
// fuzzer's -rss_limit_mb -- is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "wijknet/io/csv.hpp"
#include "wijknet/io/dl.hpp"
#include "wijknet/io/graphml.hpp"
#include "wijknet/io/json.hpp"

#define WIJKNET_FUZZ_IS(name) (std::string_view(WIJKNET_FUZZ_FORMAT) == #name)

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        if (WIJKNET_FUZZ_IS(fuzz_json)) {
            wijknet::parse_json(text, "fuzz.json");
        } else if (WIJKNET_FUZZ_IS(fuzz_graphml)) {
            wijknet::parse_graphml(text, "fuzz.graphml");
        } else if (WIJKNET_FUZZ_IS(fuzz_dl)) {
            wijknet::parse_dl(text, "fuzz.dl");
        } else {
            // The first byte picks the options (separator, decimal comma, encoding, collecting
            // bad rows), the rest is the file; the first 64 cells are then read as numbers (each
            // one that is not throws, with its message: reading every cell of a wide input spent
            // the run on exceptions rather than on new inputs).
            if (text.empty()) return 0;
            const auto pick = static_cast<unsigned char>(text[0]);
            text.remove_prefix(1);
            wijknet::csv_options options;
            static const char separators[] = {0, ',', ';', '\t'};
            options.separator = separators[pick & 3];
            options.decimal_comma = (pick & 4) != 0;
            static const wijknet::text_encoding encodings[] = {
                wijknet::text_encoding::automatic, wijknet::text_encoding::utf8, wijknet::text_encoding::cp1252,
                wijknet::text_encoding::utf16};
            options.encoding = encodings[(pick >> 3) & 3];
            std::vector<wijknet::parse_error> bad_rows;
            const wijknet::csv_table t = wijknet::parse_csv(text, "fuzz.csv", options, (pick & 32) ? &bad_rows : nullptr);
            std::size_t cells = 0;
            for (std::size_t r = 0; r < t.num_rows() && cells < 64; ++r)
                for (std::size_t c = 0; c < t.num_columns() && cells < 64; ++c, ++cells) {
                    if (t.is_missing(r, c)) continue;
                    try {
                        t.number(r, c);
                    } catch (const wijknet::parse_error&) {
                    }
                }
        }
    } catch (const wijknet::error&) {
        // a clear error: what bad input must give
    }
    return 0;
}
