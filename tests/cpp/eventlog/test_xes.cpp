// XES reading: typed attributes, time zones, traces with equal ids, and bad input with line
// and column.
#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "ketennet/eventlog/handover.hpp"
#include "ketennet/io/xes.hpp"

using namespace ketennet;

namespace {

const char* small_xes = R"(<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1.0" xmlns="http://www.xes-standard.org/">
  <global scope="event"><string key="concept:name" value="__INVALID__"/></global>
  <string key="meta" value="log-level, skipped"/>
  <trace>
    <string key="concept:name" value="c1"/>
    <int key="amount" value="12"/>
    <event>
      <string key="concept:name" value="register"/>
      <string key="org:resource" value="Pete"/>
      <date key="time:timestamp" value="2010-12-30T14:32:00.000+01:00"/>
      <float key="cost" value="50.5"/>
      <boolean key="urgent" value="true"/>
      <list key="nested"><values><string key="x" value="y"/></values></list>
    </event>
    <event>
      <string key="concept:name" value="decide"/>
      <date key="time:timestamp" value="2010-12-30T12:00:00Z"/>
      <int key="cost" value="7"/>
      <id key="ref" value="A-1"/>
    </event>
  </trace>
  <trace>
    <string key="concept:name" value="c2"/>
    <event>
      <string key="concept:name" value="register"/>
      <date key="time:timestamp" value="2011-01-01T00:00:00"/>
      <int key="urgent" value="3"/>
    </event>
  </trace>
</log>
)";

}  // namespace

TEST_CASE("XES: cases, typed attributes, time zones and out-of-order events", "[eventlog][xes]") {
    const auto log = io::read_xes_string(small_xes, "small.xes");
    REQUIRE(log.event_count() == 3);
    REQUIRE(log.case_count() == 2);
    CHECK(log.cases.values() == std::vector<std::string>{"c1", "c2"});
    // c1's events were out of order: 13:32 UTC then 12:00 UTC -> sorted, counted
    CHECK(log.reordered_cases() == 1);
    CHECK(log.activities[log.activity[0]] == "decide");
    CHECK(log.time[1] == (1293715920LL) * 1000000000LL);  // 2010-12-30T13:32:00Z
    CHECK(log.resource[0] == eventlog::none);
    CHECK(log.resources[log.resource[1]] == "Pete");
    const auto* cost = log.event_attribute("cost");
    REQUIRE(cost);
    CHECK(cost->kind == eventlog::AttributeKind::real);  // int + float -> float
    CHECK(cost->reals[0] == 7.0);
    CHECK(cost->reals[1] == 50.5);
    CHECK(std::isnan(cost->reals[2]));
    const auto* urgent = log.event_attribute("urgent");
    REQUIRE(urgent);
    CHECK(urgent->kind == eventlog::AttributeKind::string);  // boolean + int -> text
    CHECK(urgent->dictionary[urgent->codes[1]] == "true");
    CHECK(urgent->dictionary[urgent->codes[2]] == "3");
    CHECK(log.event_attribute("nested") == nullptr);
    CHECK(log.event_attribute("x") == nullptr);
    const auto* ref = log.event_attribute("ref");
    REQUIRE(ref);
    CHECK(ref->kind == eventlog::AttributeKind::id);
    const auto* amount = log.case_attribute("case:amount");
    REQUIRE(amount);
    CHECK(amount->ints == std::vector<std::int64_t>{12, eventlog::missing_int});
}

TEST_CASE("XES: malformed, truncated and incomplete input name line and column", "[eventlog][xes][errors]") {
    std::string text = small_xes;
    // truncated
    CHECK_THROWS_WITH(io::read_xes_string(text.substr(0, 400), "cut.xes"),
                      Catch::Matches("cut\\.xes:[0-9]+:[0-9]+: malformed XML.*"));
    // mismatched tag
    std::string bad = text;
    bad.replace(bad.find("</event>"), 8, "</evnt>");
    CHECK_THROWS_WITH(io::read_xes_string(bad, "bad.xes"), Catch::Contains("bad.xes:15:"));
    // bad timestamp
    std::string ts = text;
    ts.replace(ts.find("2011-01-01T00:00:00"), 19, "2011-13-01T00:00:00");
    CHECK_THROWS_WITH(io::read_xes_string(ts, "ts.xes"),
                      Catch::Contains("ts.xes:27:") && Catch::Contains("'2011-13-01T00:00:00'"));
    // event without activity
    std::string noact = text;
    noact.replace(noact.find("<string key=\"concept:name\" value=\"decide\"/>"), 43, "");
    CHECK_THROWS_WITH(io::read_xes_string(noact, "n.xes"), Catch::Contains("has no concept:name"));
    // no events
    CHECK_THROWS_WITH(io::read_xes_string("<log><trace><string key=\"concept:name\" value=\"a\"/></trace></log>"),
                      Catch::Contains("empty"));
    CHECK_THROWS_AS(io::read_xes("/nonexistent/log.xes"), FileError);
}

TEST_CASE("XES: token and size limits hold while streaming", "[eventlog][xes][errors]") {
    const std::string head = R"(<log><trace><string key="concept:name" value="c"/><event>)"
                             R"(<string key="concept:name" value="a"/>)"
                             R"(<date key="time:timestamp" value="2024-01-01T00:00:00Z"/>)";
    const std::string tail = "</event></trace></log>";
    // a 3 MiB value: fed in 1 MiB chunks, stopped after the second with a 1 MiB limit
    const std::string huge = head + "<string key=\"note\" value=\"" + std::string(3 << 20, 'x') + "\"/>" + tail;
    io::XesOptions small;
    small.max_token_bytes = 1 << 20;
    CHECK_THROWS_AS(io::read_xes_string(huge, "huge.xes", small), ParseError);
    CHECK_THROWS_WITH(io::read_xes_string(huge, "huge.xes", small),
                      Catch::Contains("huge.xes:1: an XML token") &&
                          Catch::Contains("longer than the limit max_token_bytes = 1048576 bytes (1 MiB)"));
    CHECK(io::read_xes_string(huge, "huge.xes").event_count() == 1);  // 16 MiB by default
    // a complete token over the limit within one chunk
    const std::string mid = head + "<string key=\"note\" value=\"" + std::string(5000, 'x') + "\"/>" + tail;
    small.max_token_bytes = 4096;
    CHECK_THROWS_WITH(io::read_xes_string(mid, "mid.xes", small), Catch::Contains("max_token_bytes = 4096 bytes"));
    small.max_token_bytes = 0;  // no limit
    CHECK(io::read_xes_string(mid, "mid.xes", small).event_count() == 1);
    io::XesOptions tiny;
    tiny.max_bytes = 100;
    CHECK_THROWS_WITH(io::read_xes_string(mid, "mid.xes", tiny),
                      Catch::Contains("mid.xes: the XML text (decompressed) is longer than the limit max_bytes = 100 bytes"));
}

TEST_CASE("XES: timestamps outside the supported range name the trace, key and value", "[eventlog][xes][errors]") {
    std::string text = small_xes;
    text.replace(text.find("2011-01-01T00:00:00"), 19, "9999-12-31T00:00:00");
    CHECK_THROWS_AS(io::read_xes_string(text, "far.xes"), ParseError);
    CHECK_THROWS_WITH(io::read_xes_string(text, "far.xes"),
                      Catch::Contains("far.xes:27:") && Catch::Contains("time:timestamp '9999-12-31T00:00:00") &&
                          Catch::Contains("outside the supported range 1677-09-21T00:12:43.145224193Z to "
                                          "2262-04-11T23:47:16.854775807Z"));
}

TEST_CASE("XES: traces with the same case id are one case", "[eventlog][xes]") {
    const char* text = R"(<log>
  <trace><string key="concept:name" value="x"/><int key="n" value="1"/>
    <event><string key="concept:name" value="a"/><date key="time:timestamp" value="2020-01-01T00:00:00Z"/></event>
  </trace>
  <trace><string key="concept:name" value="y"/><int key="n" value="2"/>
    <event><string key="concept:name" value="b"/><date key="time:timestamp" value="2020-01-02T00:00:00Z"/></event>
  </trace>
  <trace><string key="concept:name" value="x"/><int key="n" value="3"/>
    <event><string key="concept:name" value="c"/><date key="time:timestamp" value="2020-01-03T00:00:00Z"/></event>
  </trace>
</log>)";
    const auto log = io::read_xes_string(text, "dup.xes");
    REQUIRE(log.case_count() == 2);
    CHECK(log.case_offsets() == std::vector<std::int64_t>{0, 2, 3});
    CHECK(log.activities[log.activity[1]] == "c");
    const auto* n = log.case_attribute("case:n");
    REQUIRE(n);
    CHECK(n->ints == std::vector<std::int64_t>{1, 2});  // the first trace of each case
}

// running-example.xes (van der Aalst): 6 cases, 42 events, resources Pete, Mike, Ellen, Sara,
// Sue, Sean and Sara; no org:group, so the log has no organisations.
TEST_CASE("a log without organisations: the default node key takes the resources, an explicit one fails",
          "[xes][eventlog][handover]") {
    const auto log = io::read_xes(std::string(KETENNET_EXAMPLES_DIR) + "/eventlogs/running-example.xes");
    REQUIRE(log.event_count() == 42);
    CHECK_FALSE(log.has_organisations());
    const Network net = eventlog::handover_network(log, eventlog::NodeKey{});
    CHECK(net.organisation_count() == log.resources.size());
    CHECK(net.organisation_count() > 0);
    CHECK(net.relation_count() > 0);
    CHECK(net.metadata()["skipped_events"] == 0);
    const eventlog::NodeKey by_org{eventlog::NodeKey::Source::organisation, ""};
    CHECK_THROWS_WITH(eventlog::handover_network(log, by_org),
                      Catch::StartsWith("the event log has no organisations"));
    CHECK_THROWS_AS(eventlog::handover_network(log, by_org), InputError);
}
