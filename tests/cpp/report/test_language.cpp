// The languages of the reports: the Dutch table covers every row of a scorecard, keys stay
// English, and the text report is Dutch throughout.
#include <catch2/catch.hpp>

#include <cmath>
#include <set>
#include <string>

#include "ketennet/core/errors.hpp"
#include "ketennet/report/language.hpp"
#include "ketennet/report/scorecard.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;
using report::Language;

namespace {

//   a ---> b ---> c        directed case layer "zaak" (a chain a | b | c)
//    \     |               undirected tie layer "overleg": a - b, b - d
//     ---- d               sectors: a politie, b om, c rechtspraak, d om
Network chain_net() {
    Network net("keten");
    net.add_layer("zaak", true, LayerKind::cases);
    net.add_layer("overleg", false, LayerKind::tie);
    net.add_organisation({"a", "Politie", "politie", {}});
    net.add_organisation({"b", "Openbaar Ministerie", "om", {}});
    net.add_organisation({"c", "Rechtbank", "rechtspraak", {}});
    net.add_organisation({"d", "", "om", {}});
    net.add_relation(kt::rel("a", "b", "zaak"));
    net.add_relation(kt::rel("b", "c", "zaak"));
    net.add_relation(kt::rel("a", "b", "overleg"));
    net.add_relation(kt::rel("b", "d", "overleg"));
    net.add_chain({"strafketen", {{"aangifte", {"a"}}, {"vervolging", {"b"}}, {"berechting", {"c"}}}});
    return net;
}

}  // namespace

TEST_CASE("language: codes, and an unknown code names the languages", "[report][language]") {
    CHECK(report::language("nl") == Language::nl);
    CHECK(report::language("EN") == Language::en);
    CHECK(report::code(Language::nl) == "nl");
    try {
        (void)report::language("de");
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(std::string(e.what()) == "lang: unknown language 'de' (languages: en, nl)");
    }
}

TEST_CASE("language: phrases with placeholders", "[report][language]") {
    CHECK(report::translate("density", Language::nl) == "dichtheid");
    CHECK(report::translate("density", Language::en) == "density");
    CHECK(report::translate("", Language::nl) == "");
    // a placeholder copies its text
    CHECK(report::translate("share of ties in layer 'zaak' that are returned", Language::nl) ==
          "aandeel van de relaties in laag 'zaak' dat wordt beantwoord");
    // a translated placeholder ("{per:t}") translates its text in turn
    CHECK(report::translate("cases per year", Language::nl) == "zaken per jaar");
    CHECK(report::translate("not computable: needs three organisations", Language::nl) ==
          "niet te berekenen: vraagt drie organisaties");
    // a text no phrase matches, and a translated placeholder holding one
    CHECK_FALSE(report::translate("no such indicator", Language::nl).has_value());
    CHECK_FALSE(report::translate("not computable: no such reason", Language::nl).has_value());
    CHECK(report::translated("no such indicator", Language::nl) == "no such indicator");
    // every phrase translates its own English text, and every report text has a translation
    for (const auto& p : report::phrases(Language::nl)) {
        INFO(p.english);
        CHECK(report::translate(p.english, Language::nl).has_value());
    }
    for (const auto& key : report::report_text_keys()) {
        INFO(key);
        CHECK_NOTHROW(report::report_text(key, Language::nl));
    }
    CHECK(report::report_text("goal.learning", Language::nl) == "Lerend vermogen");
    CHECK(report::report_text("scope.layer", Language::en) == "layer");
    CHECK_THROWS_AS(report::report_text("no.such.key", Language::nl), UnknownId);
}

TEST_CASE("language: a Dutch scorecard is Dutch in every displayed column", "[report][language]") {
    const Network net = chain_net();
    const auto rows = report::scorecard(net).rows();
    CHECK(report::untranslated(rows, Language::nl).empty());
    CHECK(report::untranslated(rows, Language::en).empty());
    const auto nl = report::translate_rows(rows, Language::nl);
    REQUIRE(nl.size() == rows.size());
    std::set<std::string> goals;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        // the keys stay, the values stay
        CHECK(nl[i].goal == rows[i].goal);
        CHECK(nl[i].scope == rows[i].scope);
        CHECK(nl[i].subject == rows[i].subject);
        CHECK(nl[i].layers == rows[i].layers);
        CHECK(nl[i].source == rows[i].source);
        CHECK((nl[i].value == rows[i].value || (std::isnan(nl[i].value) && std::isnan(rows[i].value))));
        goals.insert(nl[i].goal);
    }
    CHECK(goals == std::set<std::string>{"resilience", "learning", "effectiveness", "citizen"});
    const auto find = [&](const std::string& indicator, const std::string& scope) {
        for (std::size_t i = 0; i < rows.size(); ++i)
            if (rows[i].indicator == indicator && rows[i].scope == scope) return nl[i];
        FAIL("no row " << indicator);
        throw;
    };
    const auto density = find("density", "network");
    CHECK(density.indicator == "dichtheid");
    CHECK(density.unit == "aandeel");
    CHECK(density.direction == "context");
    CHECK(find("reciprocity", "layer").meaning.find("laag 'zaak'") != std::string::npos);
    CHECK(find("lead time per case (median)", "network").note.rfind("vraagt een gebeurtenissenlogboek", 0) == 0);
}

TEST_CASE("language: the Dutch text report", "[report][language]") {
    const Network net = chain_net();
    const auto rows = report::scorecard(net).rows();
    CHECK(report::to_text(net, rows, Language::en) == report::to_text(net, rows));
    const std::string text = report::to_text(net, rows, Language::nl);
    CHECK(text.rfind("ketennet-rapport: keten\n", 0) == 0);
    for (const char* heading : {"\nVeerkracht en weerbaarheid\n", "\nLerend vermogen\n",
                                "\nEffectieve ketens en netwerken\n", "\nBurgerperspectief\n"})
        CHECK(text.find(heading) != std::string::npos);
    CHECK(text.find("4 organisaties, 4 relaties; lagen: zaak (zaakstroom, gericht), overleg "
                    "(samenwerking, ongericht)") != std::string::npos);
    CHECK(text.find("(lager is beter)") != std::string::npos);
    CHECK(text.find("(lower is better)") == std::string::npos);
    CHECK(text.find("(Resilience)") == std::string::npos);
    // the density 4 ties of 12 possible, (1/3, as 0,333), with a decimal comma
    CHECK(text.find("dichtheid") != std::string::npos);
    CHECK(text.find("0,333") != std::string::npos);
    CHECK(report::format_value(12345.0, "cases", "", Language::nl) == "12.345");
    CHECK(report::format_value(std::nan(""), "share", "", Language::nl) == "n.b.");
    CHECK(report::format_value(1.0, "yes/no", "yes", Language::nl) == "ja");
}
