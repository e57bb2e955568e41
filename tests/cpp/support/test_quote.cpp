// Names in quotes, as Python's repr() writes them (messages and reports quote layer and
// organisation names this way).
#include <catch2/catch.hpp>

#include "ketennet/support/quote.hpp"

using namespace ketennet;

TEST_CASE("quoted_name writes names as Python's repr()", "[support][quote]") {
    CHECK(quoted_name("om") == "'om'");
    CHECK(quoted_name("") == "''");
    CHECK(quoted_name("JenV's") == "\"JenV's\"");            // a single quote: double quotes
    CHECK(quoted_name("a'b\"c") == "'a\\'b\"c'");            // both: single quotes, ' escaped
    CHECK(quoted_name("C:\\data") == "'C:\\\\data'");         // backslash escaped
    CHECK(quoted_name("zorg en veiligheid") == "'zorg en veiligheid'");
}
