// Names in quotes, as Python's repr() writes them (messages and reports quote layer and
// organisation names this way).
#include <catch2/catch.hpp>

#include "ketennet/support/quote.hpp"

using namespace ketennet;

TEST_CASE("quoted writes names as Python's repr()", "[support][quote]") {
    CHECK(quoted("om") == "'om'");
    CHECK(quoted("") == "''");
    CHECK(quoted("JenV's") == "\"JenV's\"");            // a single quote: double quotes
    CHECK(quoted("a'b\"c") == "'a\\'b\"c'");            // both: single quotes, ' escaped
    CHECK(quoted("C:\\data") == "'C:\\\\data'");         // backslash escaped
    CHECK(quoted("zorg en veiligheid") == "'zorg en veiligheid'");
}
