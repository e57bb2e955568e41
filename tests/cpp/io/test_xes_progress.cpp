// Progress and cancellation of the XES reader (io::XesOptions::progress).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ketennet/io/xes.hpp"

using namespace ketennet;

namespace {

const std::string running_example = std::string(KETENNET_EXAMPLES_DIR) + "/eventlogs/running-example.xes";

// XES text of @p n cases of one event each, long enough to be fed in several 1 MiB chunks
std::string many_cases(int n) {
    std::string text = "<log xes.version=\"1.0\">";
    for (int i = 0; i < n; ++i)
        text += "<trace><string key=\"concept:name\" value=\"case " + std::to_string(i) +
                "\"/><event><string key=\"concept:name\" value=\"registreren\"/>"
                "<date key=\"time:timestamp\" value=\"2024-01-01T00:00:00Z\"/></event></trace>";
    return text + "</log>";
}

}  // namespace

TEST_CASE("read_xes reports the share read, then 1.0; the log is the same with a handler",
          "[xes][progress]") {
    std::vector<double> seen;
    io::XesOptions options;
    options.progress = [&](double f) {
        seen.push_back(f);
        return true;
    };
    const auto log = io::read_xes(running_example, options);
    const auto plain = io::read_xes(running_example);
    CHECK(log.event_count() == plain.event_count());
    CHECK(log.case_count() == plain.case_count());
    REQUIRE(seen.size() >= 2);
    CHECK(seen.back() == 1.0);
    for (std::size_t i = 0; i < seen.size(); ++i) {
        CHECK(seen[i] >= 0.0);
        CHECK(seen[i] <= 1.0);
        if (i > 0) CHECK(seen[i] >= seen[i - 1]);
    }
    CHECK(seen[seen.size() - 2] <= 0.9);  // reading takes the scale up to 0.9
}

TEST_CASE("read_xes_string reports progress after every 1 MiB chunk", "[xes][progress]") {
    const std::string text = many_cases(20000);  // about 3.4 MB: four chunks
    REQUIRE(text.size() > (std::size_t(3) << 20));
    std::vector<double> seen;
    io::XesOptions options;
    options.progress = [&](double f) {
        seen.push_back(f);
        return true;
    };
    const auto log = io::read_xes_string(text, "many.xes", options);
    CHECK(log.case_count() == 20000);
    // one report per chunk (the last at 0.9), then 1.0
    REQUIRE(seen.size() == 5);
    CHECK(seen[0] == Approx(0.9 * double(1 << 20) / double(text.size())));
    CHECK(seen[3] == Approx(0.9));
    CHECK(seen[4] == 1.0);
}

TEST_CASE("a progress handler returning false cancels the read with Cancelled", "[xes][progress]") {
    io::XesOptions options;
    int calls = 0;
    options.progress = [&](double) {
        ++calls;
        return false;
    };
    CHECK_THROWS_AS(io::read_xes(running_example, options), Cancelled);
    CHECK(calls == 1);
    CHECK_THROWS_AS(io::read_xes_string(many_cases(10), "few.xes", options), Cancelled);
}
